import { describe, expect, it } from 'vitest';
import { parseForIndex } from '../frontmatter';
import { formatFieldValue, parseFieldValue } from './format-field-value';
import { mergeDocument, resolveDocumentMerge } from './merge-document';

// Deliberately odd formatting on disk (quotes, spacing, comments) that a re-serialiser would lose.
const base = `---
title: "Base title"
date:   '2021-10-16'   # kept as written
tags: [a, b]
author: Ann
---
Intro line

Middle line

Last line
`;

describe('mergeDocument', () => {
  it('merges changes to different fields by itself and lists them', () => {
    const mine = base.replace('"Base title"', '"My title"');
    const disk = base.replace('author: Ann', 'author:  Bob # moved');
    const merge = mergeDocument({ base, mine, disk });
    expect(merge.clean).toBe(true);
    expect(merge.conflicts).toEqual([]);
    expect(merge.mineChanged).toEqual(['title']);
    expect(merge.diskChanged).toEqual(['author']);
    expect(merge.text).toBe(disk.replace('"Base title"', '"My title"'));
  });

  it('keeps every disk byte except the fields I changed', () => {
    const mine = base.replace('author: Ann', 'author: Me').replace('tags: [a, b]', 'tags: [a, b, mine]');
    // The disk reformats lines I did not touch; those bytes must survive exactly.
    const disk = base.replace("date:   '2021-10-16'   # kept as written", "date: '2021-10-16' # reformatted on disk").replace('Intro line', 'Intro line, edited on disk');
    const merge = mergeDocument({ base, mine, disk });
    expect(merge.clean).toBe(true);
    const expected = disk.replace('author: Ann', 'author: Me').replace('tags: [a, b]', 'tags: [a, b, mine]');
    expect(merge.text).toBe(expected);
  });

  it('reports the same field changed differently as a conflict with all three values', () => {
    const mine = base.replace('"Base title"', '"Mine"');
    const disk = base.replace('"Base title"', '"Disk"').replace('author: Ann', 'author: Bob');
    const merge = mergeDocument({ base, mine, disk });
    expect(merge.clean).toBe(false);
    expect(merge.text).toBeNull();
    expect(merge.conflicts).toEqual([{ path: 'title', segments: ['title'], base: 'Base title', mine: 'Mine', disk: 'Disk' }]);
    expect(merge.diskChanged).toEqual(['author']);
    expect(resolveDocumentMerge(merge)).toMatchObject({ ok: false, unresolved: ['title'] });

    const takeMine = resolveDocumentMerge(merge, { fields: { title: { take: 'mine' } } });
    expect(takeMine).toEqual({ ok: true, text: disk.replace('"Disk"', '"Mine"') });
    const takeDisk = resolveDocumentMerge(merge, { fields: { title: { take: 'disk' } } });
    expect(takeDisk).toEqual({ ok: true, text: disk });
    const typed = resolveDocumentMerge(merge, { fields: { title: { value: 'Typed' } } });
    expect(typed.ok && parseForIndex(typed.text).data).toEqual({ title: 'Typed', date: '2021-10-16', tags: ['a', 'b'], author: 'Bob' });
  });

  it('a field deleted on one side and changed on the other is a conflict', () => {
    const mine = base.replace('author: Ann', 'author: Me');
    const disk = base.replace('author: Ann\n', '');
    const merge = mergeDocument({ base, mine, disk });
    expect(merge.conflicts).toEqual([{ path: 'author', segments: ['author'], base: 'Ann', mine: 'Me' }]);
    const removed = resolveDocumentMerge(merge, { fields: { author: { take: 'disk' } } });
    expect(removed).toEqual({ ok: true, text: disk });
  });

  it('merges body hunks that do not overlap and asks about those that do', () => {
    const mine = base.replace('Intro line', 'Intro (mine)').replace('Middle line', 'Middle (mine)');
    const disk = base.replace('Last line', 'Last (disk)').replace('Middle line', 'Middle (disk)');
    const merge = mergeDocument({ base, mine, disk });
    expect(merge.conflicts).toEqual([]);
    expect(merge.bodyConflicts).toBe(1);
    const conflict = merge.bodyHunks.find((h) => h.kind === 'conflict');
    expect(conflict).toEqual({ kind: 'conflict', index: 0, base: 'Middle line\n', mine: 'Middle (mine)\n', disk: 'Middle (disk)\n' });
    const withMine = resolveDocumentMerge(merge, { hunks: { 0: { take: 'mine' } } });
    expect(withMine.ok && withMine.text).toBe(base.replace('Intro line', 'Intro (mine)').replace('Middle line', 'Middle (mine)').replace('Last line', 'Last (disk)'));
    const both = resolveDocumentMerge(merge, { hunks: { 0: { take: 'both' } } });
    expect(both.ok && both.text).toContain('Middle (mine)\nMiddle (disk)\n');
    const typed = resolveDocumentMerge(merge, { hunks: { 0: { text: 'Middle (typed)\n' } } });
    expect(typed.ok && typed.text).toContain('Intro (mine)\n\nMiddle (typed)\n\nLast (disk)\n');
  });

  it('keeps CRLF line endings and a BOM from disk', () => {
    const crlf = `\uFEFF${base.replace(/\n/g, '\r\n')}`;
    const mine = crlf.replace('author: Ann', 'author: Me');
    const disk = crlf.replace('Last line', 'Last (disk)');
    const merge = mergeDocument({ base: crlf, mine, disk });
    expect(merge.text).toBe(disk.replace('author: Ann', 'author: Me'));
  });

  it('without a known base, every difference is a choice and shared lines stay settled', () => {
    const mine = base.replace('"Base title"', '"Mine"').replace('Intro line', 'Intro (mine)');
    const disk = base.replace('"Base title"', '"Disk"');
    const merge = mergeDocument({ base: null, mine, disk });
    expect(merge.baseKnown).toBe(false);
    expect(merge.conflicts.map((c) => c.path)).toEqual(['title']);
    expect(merge.bodyHunks.filter((h) => h.kind === 'conflict')).toEqual([{ kind: 'conflict', index: 0, base: '', mine: 'Intro (mine)\n', disk: 'Intro line\n' }]);
    const out = resolveDocumentMerge(merge, { fields: { title: { take: 'disk' } }, hunks: { 0: { take: 'mine' } } });
    expect(out).toEqual({ ok: true, text: disk.replace('Intro line', 'Intro (mine)') });
  });

  it('merges the whole file by lines when some front matter cannot be read', () => {
    const broken = '---\ntitle: [unclosed\n---\nBody\n';
    const mine = broken.replace('Body', 'Body (mine)');
    const disk = broken.replace('title', 'titel');
    const merge = mergeDocument({ base: broken, mine, disk });
    expect(merge.frontMatterReadable).toBe(false);
    expect(merge.text).toBe('---\ntitel: [unclosed\n---\nBody (mine)\n');
  });
});

describe('field values in the merge view', () => {
  it('formats and parses YAML values', () => {
    expect(formatFieldValue(['a', 'b'])).toBe('- a\n- b');
    expect(formatFieldValue(undefined, false)).toBe('(absent)');
    expect(parseFieldValue('[x, 2]')).toEqual({ ok: true, value: ['x', 2] });
    expect(parseFieldValue('')).toEqual({ ok: true, value: null });
    expect(parseFieldValue('[unclosed').ok).toBe(false);
  });
});
