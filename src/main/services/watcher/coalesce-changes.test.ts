import { describe, expect, it } from 'vitest';
import type { ChangeKind, WorkspaceChange } from '../../../shared/contract';
import { coalesceChanges } from './coalesce-changes';

const seq = (path: string, ...kinds: ChangeKind[]): WorkspaceChange[] => kinds.map((kind) => ({ path, kind }));

describe('coalesceChanges', () => {
  it.each<[string, ChangeKind[], ChangeKind | null]>([
    ['a lone add', ['add'], 'add'],
    ['add then change', ['add', 'change'], 'add'],
    ['add then unlink', ['add', 'unlink'], null],
    ['unlink then add (another editor saving)', ['unlink', 'add'], 'change'],
    ['change then change', ['change', 'change'], 'change'],
    ['change then unlink', ['change', 'unlink'], 'unlink'],
    ['unlink, add, unlink', ['unlink', 'add', 'unlink'], 'unlink'],
    ['add, unlink, add', ['add', 'unlink', 'add'], 'add'],
    ['add, change, change, unlink', ['add', 'change', 'change', 'unlink'], null],
    ['unlink, add, change', ['unlink', 'add', 'change'], 'change'],
  ])('%s', (_label, kinds, expected) => {
    expect(coalesceChanges(seq('a.md', ...kinds))).toEqual(expected === null ? [] : [{ path: 'a.md', kind: expected }]);
  });

  it('keeps paths apart and in first-seen order', () => {
    const events = [...seq('b.md', 'change'), ...seq('a.md', 'add'), ...seq('b.md', 'change'), ...seq('c.md', 'unlink')];
    expect(coalesceChanges(events)).toEqual([
      { path: 'b.md', kind: 'change' },
      { path: 'a.md', kind: 'add' },
      { path: 'c.md', kind: 'unlink' },
    ]);
  });

  it('reports a rename as unlink of the old path and add of the new one', () => {
    expect(coalesceChanges([...seq('old.md', 'unlink'), ...seq('new.md', 'add')])).toEqual([
      { path: 'old.md', kind: 'unlink' },
      { path: 'new.md', kind: 'add' },
    ]);
  });

  it('returns an empty list for no events and does not mutate its input', () => {
    expect(coalesceChanges([])).toEqual([]);
    const events = Object.freeze(seq('a.md', 'add', 'change'));
    coalesceChanges(events);
    expect(events).toHaveLength(2);
  });
});
