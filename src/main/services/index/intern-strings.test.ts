import { describe, expect, it } from 'vitest';
import { createStringInterner } from './intern-strings';

describe('createStringInterner', () => {
  it('keeps the data equal, nested lists and maps included', () => {
    const intern = createStringInterner();
    const data = { title: 'A', description: 'same text', og: { description: 'same text' }, tags: ['x', 'y', { deep: 'same text' }], n: 3, nil: null };
    const copy = structuredClone(data);
    expect(intern(data)).toEqual(copy);
  });

  it('does not follow prototypes or turn keys into shared values', () => {
    const intern = createStringInterner();
    const data = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": "__proto__"}') as Record<string, unknown>;
    intern(data);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(data['a']).toBe('__proto__');
  });
});
