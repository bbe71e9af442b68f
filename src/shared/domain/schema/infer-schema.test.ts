import { describe, expect, it } from 'vitest';
import type { FolioJsonSchema } from './folio-schema';
import { inferSchema, SchemaInference } from './infer-schema';
import { matchGlob } from './match-glob';
import { resolveContentType } from './resolve-content-type';

function prop(schema: FolioJsonSchema, ...path: string[]): FolioJsonSchema {
  let node = schema;
  for (const key of path) node = key === '[]' ? (node.items as FolioJsonSchema) : (node.properties?.[key] as FolioJsonSchema);
  return node;
}

describe('inferSchema', () => {
  const items = Array.from({ length: 60 }, (_, i) => {
    const data: Record<string, unknown> = {
      title: `Post number ${i}`,
      slug: `post-${i}`,
      id: 100 + i,
      date: `2024-0${(i % 9) + 1}-1${i % 10}`,
      updated: `2024-01-01T10:00:0${i % 10}+02:00`,
      url: `https://example.com/p/${i}`,
      contact: `editor${i % 3}@example.com`,
      status: ['draft', 'published', 'review'][i % 3],
      rating: i % 5,
      meta: { summary: `Post number ${i}`, author: { name: 'A' } },
      links: [{ href: `/x/${i}`, label: 'x' }, { href: '/y' }],
    };
    if (i % 30 === 0) delete data['rating'];
    return { path: `posts/p${i}.md`, data };
  });
  const schema = inferSchema(items);
  const type = schema.types['posts']?.schema as FolioJsonSchema;

  it('groups by top folder without archetype and infers types, formats, required keys', () => {
    expect(Object.keys(schema.types)).toEqual(['posts']);
    expect(schema.types['posts']?.match).toEqual({ glob: 'posts/**' });
    expect(type['x-folio-inferred']).toBe(true);
    expect(prop(type, 'title').type).toBe('string');
    expect(prop(type, 'id').type).toBe('integer');
    expect(prop(type, 'date').format).toBe('date');
    expect(prop(type, 'updated').format).toBe('date-time');
    expect(prop(type, 'url').format).toBe('uri');
    expect(prop(type, 'contact').format).toBe('email');
    expect(type.required).toContain('title');
    // 58 of 60 = 96.7% present: still required; the range is recorded, not enforced.
    expect(type.required).toContain('rating');
    expect(prop(type, 'rating')['x-folio-range']).toEqual({ min: 0, max: 4 });
    expect(prop(type, 'links', '[]', 'label')['x-folio-presence']).toBe(0.5);
    expect(prop(type, 'links', '[]').required).toEqual(['href']);
    expect(prop(type, 'meta', 'author', 'name').type).toBe('string');
  });

  it('finds enums with counts, unique keys and mirrors', () => {
    expect(prop(type, 'status').enum).toEqual(['draft', 'published', 'review']);
    expect(prop(type, 'status')['x-folio-counts']).toEqual({ draft: 20, published: 20, review: 20 });
    expect(prop(type, 'slug')['x-folio-unique']).toBe(true);
    expect(prop(type, 'id')['x-folio-unique']).toBe(true);
    expect(prop(type, 'title')['x-folio-unique']).toBeUndefined();
    expect(prop(type, 'meta', 'summary')['x-folio-mirrorOf']).toBe('title');
    expect(prop(type, 'title')['x-folio-mirrorOf']).toBeUndefined();
  });

  it('infers a relation when values name other items', () => {
    const data = [
      { path: 'offerings/a.md', data: { archetype: 'offering', permalink: '/offering/a', title: 'A' } },
      { path: 'offerings/b.md', data: { archetype: 'offering', permalink: '/offering/b', title: 'B' } },
      { path: 'news/1.md', data: { archetype: 'news', related: [{ permalink: '/offering/a' }] } },
      { path: 'news/2.md', data: { archetype: 'news', related: [{ permalink: '/offering/b' }, { permalink: '/offering/a' }] } },
    ];
    const inferred = inferSchema(data);
    expect(Object.keys(inferred.types)).toEqual(['news', 'offering']);
    const rel = prop(inferred.types['news']?.schema as FolioJsonSchema, 'related', '[]', 'permalink');
    expect(rel['x-folio-widget']).toBe('relation');
    expect(rel['x-folio-relation']).toEqual({ key: 'permalink' });
    expect(prop(inferred.types['offering']?.schema as FolioJsonSchema, 'permalink')['x-folio-widget']).not.toBe('relation');
  });
});

describe('SchemaInference (streamed)', () => {
  // Relations in both directions, shared and own identifiers, keys near the uniqueness tolerance.
  const items = Array.from({ length: 240 }, (_, i) => {
    const data: Record<string, unknown> = {
      slug: `s-${i}`,
      permalink: `/p/${i}`,
      aliases: i % 5 === 0 ? [] : [`/a/${i}`, `/a/${i % 40}`],
      related: [{ permalink: `/p/${(i * 7 + 3) % 240}` }, { slug: `s-${(i * 11) % 260}` }],
      parent: `/p/${(i + 120) % 240}`,
      self: `/p/${i}`,
      shared: `/a/${i % 40}`,
      code: `k${i % 238}`,
      title: `T ${i % 37}`,
    };
    if (i % 3 === 0) data['archetype'] = 'offering';
    return { path: `${i % 2 === 0 ? 'news' : 'offers'}/p${String(i).padStart(3, '0')}.md`, data };
  });
  const sorted = [...items].sort((a, b) => (a.path < b.path ? -1 : 1));

  it('fed one item at a time, then a relation pass, gives exactly the batch schema', () => {
    const inference = new SchemaInference({ maxItems: 1000 });
    const numbers = sorted.map((item) => inference.add(item));
    const provisional = inference.provisional();
    [...sorted.keys()].reverse().forEach((i) => inference.addRelations(numbers[i] as number, sorted[i] as (typeof sorted)[number]));
    const streamed = inference.finish();
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(inferSchema(items)));
    // Values naming items added later only count once every identifier is known.
    expect(JSON.stringify(provisional)).not.toBe(JSON.stringify(streamed));
    const news = streamed.types['news']?.schema as FolioJsonSchema;
    expect(prop(news, 'parent')['x-folio-relation']).toEqual({ key: 'permalink' });
    expect(prop(news, 'self')['x-folio-relation']).toBeUndefined();
  });

  it('gives the same verdicts whatever the bound on the item count', () => {
    const verdict = (maxItems?: number): string => {
      const inference = new SchemaInference(maxItems === undefined ? {} : { maxItems });
      const numbers = sorted.map((item) => inference.add(item));
      sorted.forEach((item, i) => inference.addRelations(numbers[i] as number, item));
      return JSON.stringify(inference.finish());
    };
    expect(verdict(240)).toBe(verdict());
    expect(verdict(240)).toContain('x-folio-unique');
  });

  it('refuses items out of path order, which would change property and mirror order', () => {
    const inference = new SchemaInference();
    inference.add({ path: 'b.md', data: {} });
    expect(() => inference.add({ path: 'a.md', data: {} })).toThrow(/path order/);
  });
});

describe('matchGlob and resolveContentType', () => {
  it('matches **, * and ?', () => {
    expect(matchGlob('news/**', 'news/2024/a.md')).toBe(true);
    expect(matchGlob('news/**', 'briefs/a.md')).toBe(false);
    expect(matchGlob('*.md', 'a.md')).toBe(true);
    expect(matchGlob('*.md', 'x/a.md')).toBe(false);
    expect(matchGlob('**/a?.md', 'x/y/ab.md')).toBe(true);
    expect(matchGlob('**/*.md', 'a.md')).toBe(true);
    expect(matchGlob('news/*/index.md', 'news/x/index.md')).toBe(true);
  });

  it('takes the first type that matches by key or glob', () => {
    const schema = {
      $schema: '',
      'x-folio-version': 1,
      types: { offering: { match: { key: 'archetype', equals: 'offering' }, schema: {} }, news: { match: { glob: 'news/**' }, schema: {} } },
    };
    expect(resolveContentType(schema, 'news/a.md', { archetype: 'offering' })?.name).toBe('offering');
    expect(resolveContentType(schema, 'news/a.md', {})?.name).toBe('news');
    expect(resolveContentType(schema, 'other/a.md', null)).toBeUndefined();
  });
});
