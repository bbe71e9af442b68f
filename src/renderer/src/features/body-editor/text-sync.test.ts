import { describe, expect, it } from 'vitest';
import { applyLineChanges, lineStarts, minimalEdit } from './text-sync';

describe('applyLineChanges', () => {
  it('keeps untouched lines of a mixed-EOL text byte for byte', () => {
    const text = 'a\r\nb\nc\r\n';
    // Type "X" at the end of line 2 ("b"), as Monaco reports it (LF model).
    expect(applyLineChanges(text, [{ startLineNumber: 2, startColumn: 2, endLineNumber: 2, endColumn: 2, text: 'X' }], '\r\n')).toBe('a\r\nbX\nc\r\n');
  });

  it('writes typed line breaks in the file ending', () => {
    expect(applyLineChanges('one\r\n', [{ startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 1, text: 'two\nthree\n' }], '\r\n')).toBe('one\r\ntwo\r\nthree\r\n');
  });

  it('applies several changes of one event against the text before it', () => {
    const changes = [
      { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1, text: '> ' },
      { startLineNumber: 3, startColumn: 1, endLineNumber: 3, endColumn: 1, text: '> ' },
    ];
    expect(applyLineChanges('a\nb\nc\n', changes, '\n')).toBe('> a\nb\n> c\n');
  });

  it('replaces across lines, removing the endings in between', () => {
    expect(applyLineChanges('a\r\nb\r\nc', [{ startLineNumber: 1, startColumn: 2, endLineNumber: 3, endColumn: 1, text: '' }], '\r\n')).toBe('ac');
  });

  it('counts a lone CR as a line break, like Monaco', () => {
    expect(lineStarts('a\rb\r\nc\nd')).toEqual([0, 2, 5, 7]);
  });
});

describe('minimalEdit', () => {
  it('returns null for equal texts and one replacement otherwise', () => {
    expect(minimalEdit('same', 'same')).toBeNull();
    expect(minimalEdit('hello world', 'hello there world')).toEqual({ start: 6, end: 6, text: 'there ' });
  });

  it('never splits a CRLF pair', () => {
    const edit = minimalEdit('a\r\nb', 'a\r\r\nb');
    expect(edit).not.toBeNull();
    const { start, end, text } = edit!;
    expect('a\r\nb'.slice(0, start) + text + 'a\r\nb'.slice(end)).toBe('a\r\r\nb');
    expect('a\r\nb'.charCodeAt(start - 1)).not.toBe(13);
  });
});
