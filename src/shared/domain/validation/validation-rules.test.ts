import { describe, expect, it } from 'vitest';
import { editFrontMatter } from '../frontmatter/edit-front-matter';
import type { FolioSchema } from '../schema/folio-schema';
import { extractBodyLinks } from './extract-body-links';
import { findImpossibleDates } from './find-impossible-dates';
import { outlineFrontMatter } from './outline-front-matter';
import { quickFixToEdit } from './quick-fix-to-edit';
import { validateDocuments } from './validate-documents';

const schema: FolioSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  'x-folio-version': 1,
  types: {
    page: {
      match: { glob: '**' },
      schema: {
        type: 'object',
        'x-folio-inferred': true,
        properties: {
          date: { type: 'string', 'x-folio-dateFormat': 'YYYY-MM-DD' },
          description: { type: 'string' },
          seo: { type: 'object', properties: { description: { type: 'string', 'x-folio-mirrorOf': 'description' } } },
          code: { type: 'string', 'x-folio-unique': true, 'x-folio-severity': 'error' },
          related: { type: 'array', items: { type: 'object', properties: { permalink: { type: 'string', 'x-folio-widget': 'relation', 'x-folio-relation': { key: 'permalink' } } } } },
        },
      },
    },
  },
};

function doc(file: string, fm: string, body = ''): { file: string; text: string } {
  return { file, text: `---\n${fm}\n---\n${body}` };
}

describe('validation rules', () => {
  it('reports YAML syntax with line and column', () => {
    const { problems } = validateDocuments([doc('a.md', 'title: ok\nx: a: b')], { schema });
    expect(problems).toEqual([expect.objectContaining({ file: 'a.md', code: 'yaml-syntax', severity: 'error', line: 3 })]);
  });

  it('finds dates that do not exist, in dates and date-times', () => {
    expect(findImpossibleDates({ a: '2023-02-30', b: { c: ['2024-02-29', '2023-02-29T10:00:00Z', '2021-13-01'] }, d: '2021-01-01T25:00:00Z' }).map((d) => d.path.join('.'))).toEqual(['a', 'b.c.1', 'b.c.2', 'd']);
    const { problems } = validateDocuments([doc('a.md', "title: x\ndate: '2023-02-30'")], { schema });
    expect(problems).toEqual([expect.objectContaining({ code: 'impossible-date', severity: 'error', field: 'date', line: 3, column: 1 })]);
  });

  it('flags a date in another format and offers to normalise it', () => {
    const file = doc('a.md', 'date: 2024/03/05');
    const { problems } = validateDocuments([file], { schema });
    const p = problems.find((x) => x.code === 'date-format');
    expect(p).toMatchObject({ severity: 'warning', field: 'date', fix: { kind: 'normalize-date', value: '2024-03-05' } });
    const edited = editFrontMatter(file.text, [quickFixToEdit(p!.fix!)]);
    expect(edited.ok && edited.value).toBe("---\ndate: '2024-03-05'\n---\n");
  });

  it('finds mirror drift with its source and a sync fix', () => {
    const file = doc('a.md', 'description: New text\nseo:\n  description: Old text');
    const { problems } = validateDocuments([file], { schema });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'mirror-drift', severity: 'warning', field: 'seo.description', line: 4, column: 3 }),
    ]);
    expect(problems[0]?.fix).toMatchObject({ kind: 'sync-mirror', value: 'New text' });
    expect(problems[0]?.message).toContain('"description"');
    const edited = editFrontMatter(file.text, [quickFixToEdit(problems[0]!.fix!)]);
    expect(edited.ok && validateDocuments([{ file: 'a.md', text: edited.value }], { schema }).problems).toEqual([]);
  });

  it('cross-file: duplicate slug and id are errors with a unique-slug fix, duplicate titles info, unique fields by severity', () => {
    const { problems } = validateDocuments(
      [doc('a.md', 'slug: same\nid: 1\ntitle: Hello\ncode: X'), doc('b.md', 'slug: same\nid: 1\ntitle: hello\ncode: X'), doc('c.md', 'slug: same-2\nid: 2\ntitle: Other')],
      { schema },
    );
    const of = (file: string, code: string) => problems.find((p) => p.file === file && p.code === code);
    expect(of('a.md', 'duplicate-slug')).toMatchObject({ severity: 'error', line: 2 });
    expect(of('a.md', 'duplicate-slug')?.fix).toBeUndefined();
    expect(of('b.md', 'duplicate-slug')).toMatchObject({ severity: 'error', fix: { kind: 'unique-slug', value: 'same-3' } });
    expect(of('b.md', 'duplicate-id')).toMatchObject({ severity: 'error', field: 'id', line: 3 });
    expect(of('b.md', 'duplicate-title')).toMatchObject({ severity: 'info' });
    expect(of('b.md', 'duplicate-value')).toMatchObject({ severity: 'error', field: 'code' });
    expect(problems.some((p) => p.file === 'c.md')).toBe(false);
  });

  it('finds dangling relations', () => {
    const { problems } = validateDocuments([
      doc('o.md', 'permalink: /offering/a'),
      doc('n.md', 'related:\n  - permalink: /offering/a\n  - permalink: /offering/missing'),
    ], { schema });
    expect(problems).toEqual([expect.objectContaining({ file: 'n.md', code: 'dangling-relation', severity: 'warning', field: 'related.1.permalink', line: 4, column: 16 })]);
  });

  it('finds broken relative links and missing images in Markdown and HTML bodies', () => {
    const body = '[ok](b.md) [gone](nope.md#x) ![img](../img/a.png) <img src="img/missing.png"> <a href="https://x.org">x</a> [abs](/site/path)\n```\n[code](ignored.md)\n```\n[up](../../../etc/passwd)\n';
    expect(extractBodyLinks('docs/a.md', body).map((l) => l.target)).toEqual(['docs/b.md', 'docs/nope.md', 'img/a.png', 'docs/img/missing.png', null]);
    const { problems } = validateDocuments([doc('docs/a.md', 'title: a', body), doc('docs/b.md', 'title: b')], { schema, existingPaths: new Set(['docs', 'docs/a.md', 'docs/b.md', 'img', 'img/a.png']) });
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['broken-link', 4],
      ['missing-image', 4],
      ['broken-link', 8],
    ]);
  });

  it('outlines block YAML paths to their lines', () => {
    const text = '---\na: 1\nb:\n  c: >-\n    folded: not a key\n  d:\n    - x: 1\n      y: 2\n    - - z\ne: [1, 2]\n---\n';
    const outline = outlineFrontMatter(text);
    const lineOf = (p: string): number => text.slice(0, outline.get(p)).split('\n').length;
    expect([...outline.keys()]).toEqual(['a', 'b', 'b.c', 'b.d', 'b.d.0', 'b.d.0.x', 'b.d.0.y', 'b.d.1', 'b.d.1.0', 'e']);
    expect(lineOf('b.d.0.y')).toBe(8);
  });
});
