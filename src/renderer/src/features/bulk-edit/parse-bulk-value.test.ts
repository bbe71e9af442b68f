import { describe, expect, it } from 'vitest';
import { parseBulkValue } from './parse-bulk-value';

describe('parseBulkValue', () => {
  it.each([
    ['review', 'review'],
    ['42', 42],
    ["'42'", '42'],
    ['[a, b]', ['a', 'b']],
    ['null', null],
    ['2024-01-05', '2024-01-05'],
    ['', ''],
  ])('%j → %j', (text, value) => expect(parseBulkValue(text)).toEqual({ ok: true, value }));

  it('refuses invalid YAML', () => expect(parseBulkValue('[a').ok).toBe(false));
});
