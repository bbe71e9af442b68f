import { describe, expect, it } from 'vitest';
import { formatChangeSummary } from './format-change-summary';
import { summariseChange } from './summarise-change';

const before = `---
title: Old title
tags: [a, b]
seo:
  description: d
draft: true
---
# Heading

one
two
three
`;

describe('summariseChange', () => {
  it('reports changed fields, list items and body lines', () => {
    const after = before
      .replace('Old title', 'New title')
      .replace('[a, b]', '[a, b, c]')
      .replace('description: d', 'description: e')
      .replace('draft: true\n', '')
      .replace('one\ntwo\nthree\n', 'one\nTWO\nthree\nfour\nfive\n');
    const summary = summariseChange(before, after);
    expect(summary.status).toBe('modified');
    expect(summary.fields).toEqual([
      { path: 'title', kind: 'changed' },
      { path: 'tags', kind: 'list', added: 1, removed: 0, reordered: false },
      { path: 'seo.description', kind: 'changed' },
      { path: 'draft', kind: 'removed' },
    ]);
    expect(summary.body).toEqual({ linesAdded: 3, linesRemoved: 1, linesChanged: 3 });
    expect(formatChangeSummary(summary)).toBe('title changed; tags +1; seo.description changed; draft removed; body: 3 lines');
  });

  it('says new item / deleted / reordered / unreadable', () => {
    expect(formatChangeSummary(summariseChange(null, before))).toBe('new item');
    expect(formatChangeSummary(summariseChange(before, null))).toBe('deleted');
    expect(formatChangeSummary(summariseChange(before, before.replace('[a, b]', '[b, a]')))).toBe('tags reordered');
    const broken = summariseChange(before, before.replace('title: Old title', 'title: [unclosed'));
    expect(broken.frontMatterUnreadable).toBe(true);
    expect(formatChangeSummary(broken)).toBe('front matter unreadable; body: 1 line');
    expect(formatChangeSummary(summariseChange(before, before))).toBe('no visible change');
  });

  it('keeps a __proto__ key as data', () => {
    const s = summariseChange('---\n__proto__: 1\n---\n', '---\n__proto__: 2\n---\n');
    expect(s.fields).toEqual([{ path: '__proto__', kind: 'changed' }]);
  });
});
