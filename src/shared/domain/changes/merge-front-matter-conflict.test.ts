import { describe, expect, it } from 'vitest';
import { parseForIndex } from '../frontmatter/parse-for-index';
import { mergeFrontMatterConflict, resolveFrontMatterMerge } from './merge-front-matter-conflict';
import { mergeLines } from './merge-lines';
import { parseConflictMarkers } from './parse-conflict-markers';

const base = `---
title: Base
tags: [a, b]
author: Ann
---
Intro line

Middle line

Last line
`;

describe('mergeFrontMatterConflict', () => {
  it('merges different fields, list additions and separate body lines by itself, in place', () => {
    const ours = base.replace('title: Base', 'title: Ours').replace('Intro line', 'Intro line (ours)');
    const theirs = base.replace('author: Ann', 'author: Bob').replace('[a, b]', '[a, b, c]').replace('Last line', 'Last line (theirs)');
    const merge = mergeFrontMatterConflict(base, ours, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(merge.clean).toBe(true);
    expect(merge.autoMerged).toEqual(['tags', 'author']);
    expect(merge.text).toBe(`---
title: Ours
tags: [a, b, c]
author: Bob
---
Intro line (ours)

Middle line

Last line (theirs)
`);
  });

  it('merges adjacent front matter lines that git reports as one conflict', () => {
    const ours = base.replace('title: Base', 'title: Ours');
    const theirs = base.replace('tags: [a, b]', 'tags: [a, b, x]');
    const merge = mergeFrontMatterConflict(base, ours, theirs);
    expect(merge.clean).toBe(true);
    expect(parseForIndex(merge.text!).data).toEqual({ title: 'Ours', tags: ['a', 'b', 'x'], author: 'Ann' });
  });

  it('returns the same field changed on both sides as a conflict, resolvable per field', () => {
    const ours = base.replace('title: Base', 'title: Ours').replace('Middle line', 'Middle (ours)');
    const theirs = base.replace('title: Base', 'title: Theirs').replace('Middle line', 'Middle (theirs)').replace('author: Ann\n', '');
    const merge = mergeFrontMatterConflict(base, ours, theirs);
    expect(merge.clean).toBe(false);
    expect(merge.text).toBeNull();
    expect(merge.conflicts).toEqual([{ path: 'title', segments: ['title'], base: 'Base', ours: 'Ours', theirs: 'Theirs' }]);
    expect(merge.bodyConflicts).toBe(1);
    const pending = resolveFrontMatterMerge(merge, { fields: { title: { take: 'theirs' } } });
    expect(pending).toEqual({ ok: false, unresolved: ['body hunk 1'], reason: expect.any(String) as string });
    const done = resolveFrontMatterMerge(merge, { fields: { title: { take: 'theirs' } }, hunks: [{ take: 'both' }] });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.text).toBe(`---
title: Theirs
tags: [a, b]
---
Intro line

Middle (ours)
Middle (theirs)

Last line
`);
    const typed = resolveFrontMatterMerge(merge, { fields: { title: { value: 'Typed' } }, hunks: [{ text: 'Mine\n' }] });
    expect(typed.ok && parseForIndex(typed.text).data?.title).toBe('Typed');
  });

  it('handles nested maps and a field added on both sides', () => {
    const b = '---\nseo:\n  title: t\n  desc: d\n---\n';
    const o = '---\nseo:\n  title: t2\n  desc: d\nnew: 1\n---\n';
    const t = '---\nseo:\n  title: t\n  desc: d2\nnew: 2\n---\n';
    const merge = mergeFrontMatterConflict(b, o, t);
    expect(merge.conflicts.map((c) => c.path)).toEqual(['new']);
    expect(merge.data).toEqual({ seo: { title: 't2', desc: 'd2' }, new: 1 });
    const done = resolveFrontMatterMerge(merge, { fields: { new: { take: 'theirs' } } });
    expect(done.ok && done.text).toBe('---\nseo:\n  title: t2\n  desc: d2\nnew: 2\n---\n');
  });

  it('falls back to a whole-file line merge when YAML is unreadable', () => {
    const merge = mergeFrontMatterConflict(base, base.replace('title: Base', 'title: [x'), base.replace('Last line', 'Last!'));
    expect(merge.frontMatterReadable).toBe(false);
    expect(merge.clean).toBe(true);
    expect(merge.text).toBe(base.replace('title: Base', 'title: [x').replace('Last line', 'Last!'));
  });
});

describe('mergeLines', () => {
  const L = (s: string): string[] => s.split('').map((c) => `${c}\n`);
  it('merges non-overlapping edits and flags overlapping ones', () => {
    expect(mergeLines(L('abcde'), L('aBcde'), L('abcdE'))).toEqual([{ kind: 'stable', lines: L('aBcdE') }]);
    expect(mergeLines(L('abc'), L('aXc'), L('aYc'))).toEqual([
      { kind: 'stable', lines: L('a') },
      { kind: 'conflict', base: L('b'), ours: L('X'), theirs: L('Y') },
      { kind: 'stable', lines: L('c') },
    ]);
    expect(mergeLines(L('abc'), L('aXc'), L('aXc'))).toEqual([{ kind: 'stable', lines: L('aXc') }]);
    expect(mergeLines(L('ab'), L('aXb'), L('aYb'))[1]?.kind).toBe('conflict');
  });
});

describe('parseConflictMarkers', () => {
  it('splits git default style, keeping ======= outside blocks as text', () => {
    const text = '---\n<<<<<<< HEAD\ntitle: Ours\n=======\ntitle: Theirs\n>>>>>>> abc123 (their commit)\ntags: [a]\n---\nHeading\n=======\n';
    const parsed = parseConflictMarkers(text);
    expect(parsed).toMatchObject({ conflicts: 1, base: null, oursLabel: 'HEAD', theirsLabel: 'abc123 (their commit)', malformed: false });
    expect(parsed.ours).toBe('---\ntitle: Ours\ntags: [a]\n---\nHeading\n=======\n');
    expect(parsed.theirs).toBe('---\ntitle: Theirs\ntags: [a]\n---\nHeading\n=======\n');
  });

  it('reads the diff3 base section and feeds a per-field merge', () => {
    const text = '---\n<<<<<<< ours\ntitle: O\n||||||| base\ntitle: B\n=======\ntitle: T\n>>>>>>> theirs\n---\nbody\n';
    const parsed = parseConflictMarkers(text);
    expect(parsed.base).toBe('---\ntitle: B\n---\nbody\n');
    const merge = mergeFrontMatterConflict(parsed.base, parsed.ours, parsed.theirs);
    expect(merge.conflicts).toEqual([{ path: 'title', segments: ['title'], base: 'B', ours: 'O', theirs: 'T' }]);
  });

  it('flags an unclosed block', () => {
    expect(parseConflictMarkers('<<<<<<< HEAD\nx\n').malformed).toBe(true);
    expect(parseConflictMarkers('no markers\n').conflicts).toBe(0);
  });
});
