import { describe, expect, it, vi } from 'vitest';
import { FieldProblems } from './field-problems';

const tooLong = { field: 'title', severity: 'error', message: 'Title is too long.' } as const;
const future = { field: 'date', severity: 'warning', message: 'Date is in the future.' } as const;

describe('FieldProblems', () => {
  it('keeps a field’s array when its problems did not change, so that field does not re-render', () => {
    const problems = new FieldProblems();
    problems.update([tooLong]);
    const title = problems.get('title');
    const listener = vi.fn();
    problems.subscribe(listener);

    // A new list from validation with the same problems: nothing to tell.
    problems.update([{ ...tooLong }]);
    expect(problems.get('title')).toBe(title);
    expect(listener).not.toHaveBeenCalled();

    problems.update([{ ...tooLong }, future]);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(problems.get('title')).toBe(title);
    expect(problems.get('date')).toEqual([future]);
  });

  it('forgets a field whose problems are gone, and stops telling an unsubscribed listener', () => {
    const problems = new FieldProblems();
    const listener = vi.fn();
    const unsubscribe = problems.subscribe(listener);
    problems.update([tooLong, future]);
    problems.update([future]);
    expect(problems.get('title')).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    problems.update([]);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
