import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEMS_PER_FOLDER, generateCorpusItem, planDefects, writeCorpus, type WriteCorpusResult } from './generate-corpus';

const COUNT = 450; // three leaf folders (200 + 200 + 50)

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

function splitFrontMatter(text: string): { fm: string; body: string } {
  expect(text.startsWith('---\n')).toBe(true);
  const end = text.indexOf('\n---\n', 4);
  expect(end).toBeGreaterThan(0);
  return { fm: text.slice(4, end + 1), body: text.slice(end + 5) };
}

function parse(fm: string): Record<string, unknown> {
  const data = yaml.load(fm, { schema: yaml.JSON_SCHEMA });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('front matter is not a mapping');
  return data as Record<string, unknown>;
}

function countKeys(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countKeys(x), 0);
  if (v !== null && typeof v === 'object') {
    return Object.values(v).reduce((n: number, x) => n + 1 + countKeys(x), 0);
  }
  return 0;
}

function get(obj: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

describe('generateCorpusItem', () => {
  it('is deterministic for the same seed and differs across seeds', () => {
    expect(generateCorpusItem(42, 7)).toEqual(generateCorpusItem(42, 7));
    expect(generateCorpusItem(42, 7).text).not.toBe(generateCorpusItem(42, 8).text);
    expect(generateCorpusItem(42)).toEqual(generateCorpusItem(42, 1));
  });

  it('produces seed-shaped items of roughly 4-8 KB', () => {
    for (let i = 0; i < 50; i++) {
      const { text } = generateCorpusItem(i);
      const size = Buffer.byteLength(text);
      expect(size).toBeGreaterThan(4000);
      expect(size).toBeLessThan(8500);
      const data = parse(splitFrontMatter(text).fm);
      expect(data.archetype).toBe('curated-content');
      expect(typeof data.id).toBe('number');
      expect(data.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Array.isArray(data.relatedOfferings)).toBe(true);
      const related = data.relatedOfferings as unknown[];
      expect(related.length).toBeGreaterThanOrEqual(1);
      expect(related.length).toBeLessThanOrEqual(6);
      expect(get(data, 'openGraphMetaData.ogdescription')).toBe(data.description);
      expect(get(data, 'twitterMetaData.twittertitle')).toBe(data.title);
    }
  });

  it('puts ~ITEMS_PER_FOLDER items per leaf folder', () => {
    const dir = (i: number): string => generateCorpusItem(i).relPath.replace(/\/[^/]+$/, '');
    expect(dir(0)).toBe(dir(ITEMS_PER_FOLDER - 1));
    expect(dir(ITEMS_PER_FOLDER)).not.toBe(dir(0));
    expect(generateCorpusItem(0).relPath).toMatch(/^news\/\d{4}\/\d{2}\/[a-z0-9-]+\.md$/);
  });
});

describe('writeCorpus', () => {
  let a: string;
  let b: string;
  let clean: string;
  let resA: WriteCorpusResult;
  let resB: WriteCorpusResult;
  let resClean: WriteCorpusResult;

  beforeAll(async () => {
    a = await mkdtemp(join(tmpdir(), 'folio-corpus-a-'));
    b = await mkdtemp(join(tmpdir(), 'folio-corpus-b-'));
    clean = await mkdtemp(join(tmpdir(), 'folio-corpus-clean-'));
    [resA, resB, resClean] = await Promise.all([
      writeCorpus(a, COUNT, { seed: 123, defects: true }),
      writeCorpus(b, COUNT, { seed: 123, defects: true }),
      writeCorpus(clean, COUNT, { seed: 123 }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([a, b, clean].map((d) => rm(d, { recursive: true, force: true })));
  });

  it('writes N files in nested folders and reports their size', async () => {
    const files = await listFiles(a);
    expect(files).toHaveLength(COUNT);
    expect(resA.files).toBe(COUNT);
    const folders = new Set(files.map((f) => f.replace(/\/[^/]+$/, '')));
    expect(folders.size).toBe(Math.ceil(COUNT / ITEMS_PER_FOLDER));
    let bytes = 0;
    for (const f of files) bytes += (await readFile(join(a, f))).length;
    expect(resA.bytes).toBe(bytes);
  });

  it('is byte-identical for the same seed', async () => {
    const files = await listFiles(a);
    expect(await listFiles(b)).toEqual(files);
    expect(resB).toEqual(resA);
    for (const f of files) {
      expect((await readFile(join(b, f))).equals(await readFile(join(a, f)))).toBe(true);
    }
  });

  it('writes exactly generateCorpusItem(i) when no defects are asked for', async () => {
    expect(resClean.planted).toEqual([]);
    for (const i of [0, 1, 199, 200, COUNT - 1]) {
      const item = generateCorpusItem(i, 123);
      expect(await readFile(join(clean, item.relPath), 'utf8')).toBe(item.text);
    }
  });

  it('every non-defect item parses with js-yaml and has 40+ keys, unique ids and slugs', async () => {
    const defective = new Set(resA.planted.map((p) => p.relPath));
    const ids = new Set<number>();
    const slugs = new Set<string>();
    const categories = new Set<string>();
    const sources = new Set<string>();
    const statuses = new Set<string>();
    for (const f of await listFiles(a)) {
      if (defective.has(f)) continue;
      const { fm, body } = splitFrontMatter(await readFile(join(a, f), 'utf8'));
      const data = parse(fm);
      expect(countKeys(data)).toBeGreaterThanOrEqual(40);
      expect(body.trim().length).toBeGreaterThan(0);
      ids.add(data.id as number);
      slugs.add(data.slug as string);
      for (const c of data.categories as string[]) categories.add(c);
      sources.add(data.source as string);
      statuses.add(data.status as string);
    }
    const n = COUNT - defective.size;
    expect(ids.size).toBe(n);
    expect(slugs.size).toBe(n);
    expect(categories.size).toBeGreaterThanOrEqual(10);
    expect(categories.size).toBeLessThanOrEqual(20);
    expect(sources.size).toBe(5);
    expect(statuses).toEqual(new Set(['', 'draft', 'published', 'review']));
  });

  it('plants every defect kind where it reports', async () => {
    expect(resA.planted.map((p) => p.kind).sort()).toEqual(['drifted-mirror', 'duplicate-slug', 'impossible-date', 'missing-title', 'yaml-syntax'].sort());
    expect(resA.planted).toHaveLength(planDefects(COUNT).length);
    for (const p of resA.planted) {
      const text = await readFile(join(a, p.relPath), 'utf8');
      const { fm } = splitFrontMatter(text);
      switch (p.kind) {
        case 'yaml-syntax':
          expect(() => yaml.load(fm, { schema: yaml.JSON_SCHEMA })).toThrow();
          break;
        case 'impossible-date': {
          const date = parse(fm).date as string;
          expect(date).toMatch(/^\d{4}-02-30$/);
          expect(p.field).toBe('date');
          break;
        }
        case 'missing-title':
          expect(parse(fm)).not.toHaveProperty('title');
          break;
        case 'drifted-mirror': {
          const data = parse(fm);
          expect(p.field).toBe('openGraphMetaData.ogdescription');
          expect(get(data, 'openGraphMetaData.ogdescription')).not.toBe(data.description);
          expect(get(data, 'htmlMetaData.description')).toBe(data.description);
          break;
        }
        case 'duplicate-slug': {
          expect(p.duplicateOf).toBeDefined();
          expect(p.duplicateOf).not.toBe(p.relPath);
          const other = parse(splitFrontMatter(await readFile(join(a, p.duplicateOf as string), 'utf8')).fm);
          expect(parse(fm).slug).toBe(other.slug);
          break;
        }
      }
    }
  });
});
