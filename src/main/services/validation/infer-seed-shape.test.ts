import { describe, expect, it } from 'vitest';
import { generateCorpusItem } from '../../../../bench/generate-corpus';
import { parseForIndex } from '../../../shared/domain/frontmatter/parse-for-index';
import type { FolioJsonSchema } from '../../../shared/domain/schema/folio-schema';
import { inferSchema } from '../../../shared/domain/schema/infer-schema';

// Beside the services because the generator lives in bench/ (Node), which src/shared may not import.
function prop(schema: FolioJsonSchema, ...path: string[]): FolioJsonSchema {
  let node = schema;
  for (const key of path) node = key === '[]' ? (node.items as FolioJsonSchema) : (node.properties?.[key] as FolioJsonSchema);
  return node;
}

describe('inferSchema on seed-shaped items', () => {
  it('finds the seed shape: archetype types and the mirrored description and title fields', () => {
    const corpus = Array.from({ length: 200 }, (_, i) => {
      const item = generateCorpusItem(i);
      return { path: item.relPath, data: parseForIndex(item.text).data };
    });
    const inferred = inferSchema(corpus);
    expect(Object.keys(inferred.types)).toEqual(['curated-content']);
    const t = inferred.types['curated-content']?.schema as FolioJsonSchema;
    expect(prop(t, 'htmlMetaData', 'description')['x-folio-mirrorOf']).toBe('description');
    expect(prop(t, 'openGraphMetaData', 'ogdescription')['x-folio-mirrorOf']).toBe('description');
    expect(prop(t, 'twitterMetaData', 'twitterdescription')['x-folio-mirrorOf']).toBe('description');
    expect(prop(t, 'openGraphMetaData', 'ogtitle')['x-folio-mirrorOf']).toBe('title');
    expect(prop(t, 'twitterMetaData', 'twittertitle')['x-folio-mirrorOf']).toBe('title');
    expect(prop(t, 'slug')['x-folio-unique']).toBe(true);
    expect(prop(t, 'source').enum).toHaveLength(5);
    expect(prop(t, 'relatedOfferings', '[]').required).toEqual(['label', 'permalink', 'categories', 'offeringId']);
    // Deterministic: the same items in another order give byte-identical JSON.
    expect(JSON.stringify(inferSchema([...corpus].reverse()))).toBe(JSON.stringify(inferred));
  });

});
