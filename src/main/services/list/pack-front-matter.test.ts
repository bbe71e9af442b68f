import { describe, expect, it } from 'vitest';
import { packedValuesAt, packFrontMatter, unpackFrontMatter } from './pack-front-matter';

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
