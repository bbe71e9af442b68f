import { describe, expect, it } from 'vitest';
import type { FolioJsonSchema } from './folio-schema';
import { importDecapCollection } from './import-decap-collection';
import { importFrontMatterCms } from './import-front-matter-cms';

describe('importDecapCollection', () => {
  const config = {
    collections: [
      {
        name: 'blog',
        label: 'Blog',
        folder: 'content/blog',
        fields: [
          { label: 'Title', name: 'title', widget: 'string' },
          { name: 'summary', widget: 'text', required: false },
          { name: 'date', widget: 'datetime', format: 'YYYY-MM-DD' },
          { name: 'published', widget: 'datetime' },
          { name: 'draft', widget: 'boolean' },
          { name: 'weight', widget: 'number', value_type: 'int', min: 0 },
          { name: 'tags', widget: 'list' },
          { name: 'links', widget: 'list', fields: [{ name: 'href', widget: 'string' }] },
          { name: 'seo', widget: 'object', fields: [{ name: 'description', widget: 'text' }] },
          { name: 'status', widget: 'select', options: ['draft', { label: 'Live', value: 'live' }] },
          { name: 'author', widget: 'relation', collection: 'authors', value_field: '{{slug}}' },
          { name: 'cover', widget: 'image' },
          { name: 'body', widget: 'markdown' },
        ],
      },
      { name: 'authors', folder: 'content/authors', filter: { field: 'type', value: 'author' }, fields: [{ name: 'name' }] },
    ],
  };

  it('converts widgets, required defaults and matches', () => {
    const result = importDecapCollection(config, { contentRoot: 'content' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const blog = result.schema.types['blog'];
    expect(blog?.match).toEqual({ glob: 'blog/**' });
    expect(result.schema.types['authors']?.match).toEqual({ key: 'type', equals: 'author' });
    const s = blog?.schema as FolioJsonSchema;
    const p = (k: string): FolioJsonSchema => s.properties?.[k] as FolioJsonSchema;
    expect(s.required).toContain('title');
    expect(s.required).not.toContain('summary');
    expect(p('body')).toBeUndefined();
    expect(p('title')['x-folio-label']).toBe('Title');
    expect(p('summary')['x-folio-widget']).toBe('text');
    expect(p('date')).toMatchObject({ type: 'string', format: 'date', 'x-folio-dateFormat': 'YYYY-MM-DD' });
    expect(p('published')).toMatchObject({ format: 'date-time' });
    expect(p('draft').type).toBe('boolean');
    expect(p('weight')).toMatchObject({ type: 'integer', minimum: 0 });
    expect(p('tags')).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(p('links').items).toMatchObject({ type: 'object', properties: { href: { type: 'string' } } });
    expect(p('seo').properties?.['description']?.['x-folio-widget']).toBe('text');
    expect(p('status').enum).toEqual(['draft', 'live']);
    expect(p('author')).toMatchObject({ 'x-folio-widget': 'relation', 'x-folio-relation': { key: 'slug', type: 'authors' } });
    expect(p('cover')['x-folio-widget']).toBe('image');
    expect(importDecapCollection(config, { collection: 'authors' }).ok).toBe(true);
    expect(importDecapCollection({}).ok).toBe(false);
  });
});

describe('importFrontMatterCms', () => {
  it('converts content types and field types', () => {
    const result = importFrontMatterCms({
      'frontMatter.taxonomy.contentTypes': [
        {
          name: 'default',
          fields: [
            { title: 'Title', name: 'title', type: 'string', required: true },
            { name: 'publishDate', type: 'datetime', default: '{{now}}' },
            { name: 'draft', type: 'draft' },
            { name: 'tags', type: 'tags' },
            { name: 'kind', type: 'choice', choices: ['a', 'b'] },
            { name: 'size', type: 'number', numberOptions: { isDecimal: true, min: 1 } },
            { name: 'hero', type: 'fields', fields: [{ name: 'src', type: 'image' }] },
            { name: 'related', type: 'contentRelationship', contentTypeName: 'page', multiple: true },
            { name: 'sep', type: 'divider' },
          ],
        },
        { name: 'page', fields: [{ name: 'title', type: 'string' }] },
      ],
      'frontMatter.content.pageFolders': [{ title: 'blog', path: '[[workspace]]/content/blog', contentTypes: ['default'] }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.schema.types['default']?.match).toEqual({ glob: 'content/blog/**' });
    expect(result.schema.types['page']?.match).toEqual({ key: 'type', equals: 'page' });
    const s = result.schema.types['default']?.schema as FolioJsonSchema;
    const p = (k: string): FolioJsonSchema => s.properties?.[k] as FolioJsonSchema;
    expect(s.required).toEqual(['title']);
    expect(p('publishDate')['default']).toBeUndefined();
    expect(p('draft').type).toBe('boolean');
    expect(p('tags')).toMatchObject({ type: 'array', 'x-folio-widget': 'tags' });
    expect(p('kind').enum).toEqual(['a', 'b']);
    expect(p('size')).toMatchObject({ type: 'number', minimum: 1 });
    expect(p('hero').properties?.['src']?.['x-folio-widget']).toBe('image');
    expect(p('related')).toMatchObject({ type: 'array', items: { 'x-folio-relation': { type: 'page' } } });
    expect(p('sep')).toBeUndefined();
    expect(importFrontMatterCms({}).ok).toBe(false);
  });
});
