import { describe, expect, it } from 'vitest';
import { facetValueKey, frontMatterFacetCandidates } from '../../../shared/domain/search/facet-counts';
import { packedFacetCandidates, packedValuesAt, packFrontMatter, unpackFrontMatter } from './pack-front-matter';

describe('packFrontMatter', () => {
  it('round-trips plain data: nesting, lists, blanks, repeats, key order and a __proto__ key', () => {
    const description = 'A long description mirrored into the metadata blocks.';
    const data = JSON.parse(
      JSON.stringify({
        title: 'Alpha',
        description,
        categories: ['KLAS: Cyber', 'Cyber'],
        empty: [],
        none: null,
        nothing: {},
        id: 17,
        flag: true,
        featuredImage: { size: [720, 640], wpAttachment: { fileName: 'thumbnail.jpg' } },
        htmlMetaData: { description, 'msvalidate.01': 'X' },
        relatedOfferings: [{ label: 'One', categories: ['a'] }, { label: description }],
      }).replace('"title"', '"__proto__":"data","title"'),
    ) as Record<string, unknown>;
    const packed = packFrontMatter(data);
    expect(packed).not.toBeNull();
    const back = unpackFrontMatter(packed!);
    expect(back).toEqual(data);
    expect(Object.keys(back)).toEqual(Object.keys(data));
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toBe('data');
    // The mirrored description is written once.
    expect(packed!.values.split(description).length - 1).toBe(1);
    // Each unpack gives fresh objects.
    expect(unpackFrontMatter(packed!).featuredImage).not.toBe(back['featuredImage']);
  });

  it('shares one layout between items with the same keys', () => {
    const a = packFrontMatter({ title: 'A', tags: ['x'], link: { href: 'https://a.example' } });
    const b = packFrontMatter({ title: 'B', tags: ['y', 'z'], link: { href: 'https://b.example' } });
    expect(a!.layout).toBe(b!.layout);
    expect(packFrontMatter({ link: { href: 'x' }, title: 'C' })!.layout).not.toBe(a!.layout);
  });

  it('gives shapes that differ only in nesting, list length or a key with layout punctuation layouts of their own', () => {
    const shapes: Record<string, unknown>[] = [{ a: { b: 1 } }, { a: [{ b: 1 }] }, { a: [{ b: 1 }, { b: 2 }] }, { 'a":{"b': 1 }, { a: [[1], { b: 1 }] }, { a: { b: 1 }, c: 2 }];
    const packed = shapes.map((shape) => packFrontMatter(shape)!);
    expect(new Set(packed.map((p) => p.layout)).size).toBe(shapes.length);
    packed.forEach((p, i) => expect(unpackFrontMatter(p)).toEqual(shapes[i]));
  });
});

describe('packedValuesAt', () => {
  it('reads values by path as getPathValue would, from the layout where it can', () => {
    const description = 'A long description mirrored into the metadata blocks.';
    const packed = packFrontMatter({ description, date: '2020-01-01', tags: ['x', 'y'], link: { brand: 'b.example' }, 'msvalidate.01': 'V', meta: { description }, list: [{ label: 'One' }] })!;
    expect(packedValuesAt(packed, ['date', 'link.brand', 'meta.description', 'tags', 'tags.1', 'missing', 'link.missing', 'msvalidate.01', 'list.0.label', 'link'])).toEqual([
      '2020-01-01',
      'b.example',
      description,
      ['x', 'y'],
      'y',
      undefined,
      undefined,
      'V',
      'One',
      { brand: 'b.example' },
    ]);
  });
});

describe('packedFacetCandidates', () => {
  it('offers the same candidates as the parsed front matter, structures only as disqualifiers', () => {
    const data = {
      title: 'Alpha',
      categories: ['KLAS: Cyber', 'Cyber'],
      status: null,
      id: 7,
      link: { brand: 'b.example', 'a.b\\c': 'escaped', nested: { deep: 1 }, list: [{ x: 1 }] },
      relatedOfferings: [{ label: 'One' }],
      empty: {},
    };
    const packed = packFrontMatter(data)!;
    const fromLayout = packedFacetCandidates(packed);
    const fromData = frontMatterFacetCandidates({ path: 'a.md', size: 0, mtimeMs: 0, hash: null, mode: 'text', frontmatter: data, problems: [], problemCounts: { error: 0, warning: 0, info: 0 }, text: { title: '', description: '', body: '' } })!;
    expect(fromLayout.map(([path]) => path)).toEqual(fromData.map(([path]) => path));
    fromLayout.forEach(([path, value], i) => {
      const original = fromData[i]![1];
      // Scalars and scalar lists are the values themselves; a structure is any object that no facet accepts.
      if (original !== null && typeof original === 'object' && !(Array.isArray(original) && original.every((v) => v === null || typeof v !== 'object'))) {
        expect(facetValueKey(value), path).toBeNull();
      } else {
        expect(value, path).toEqual(original);
      }
    });
  });
});
