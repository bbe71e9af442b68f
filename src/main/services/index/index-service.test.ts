import { mkdir, mkdtemp, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../../../bench/generate-corpus';
import { makeTempWorkspace, type TempWorkspace } from '../workspace/test-fixtures/temp-workspace';
import { hashBytes } from '../workspace/hash-bytes';
import { indexCacheFile } from './index-cache';
import { IndexService, type IndexEvent } from './index-service';

const item = (title: string, body = 'Body text.'): string => `---\ntitle: ${title}\ncategories:\n  - News\n---\n${body}\n`;

async function withService<T>(dataDir: string, run: (service: IndexService) => Promise<T>, mode: 'worker' | 'inline' = 'worker'): Promise<T> {
  const service = new IndexService({ dataDir, mode });
  await service.boot();
  try {
    return await run(service);
  } finally {
    await service.shutdown();
  }
}

describe('IndexService on a small folder', () => {
  let ws: TempWorkspace;
  let dataDir: string;

  beforeAll(async () => {
    ws = await makeTempWorkspace();
    dataDir = path.join(ws.base, 'data');
    await mkdir(path.join(ws.root, 'sub'));
    await mkdir(path.join(ws.root, '.hidden'));
    await mkdir(path.join(ws.root, 'node_modules'));
    await writeFile(path.join(ws.root, 'a.md'), item('Alpha', '<p>Hello <b>world</b></p>'));
    await writeFile(path.join(ws.root, 'sub', 'b.md'), item('Beta'));
    await writeFile(path.join(ws.root, '.hidden', 'c.md'), item('Hidden'));
    await writeFile(path.join(ws.root, 'node_modules', 'd.md'), item('Dep'));
    await writeFile(path.join(ws.root, 'broken.md'), '---\ntitle: [unclosed\n---\nbody\n');
    await writeFile(path.join(ws.root, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]));
    await writeFile(path.join(ws.root, 'latin1.md'), Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'));
    await writeFile(path.join(ws.root, 'notes.txt'), 'not an item');
    await writeFile(path.join(ws.outside, 'secret.md'), item('Secret'));
    await symlink(ws.outside, path.join(ws.root, 'linked-folder'));
    await symlink(path.join(ws.outside, 'secret.md'), path.join(ws.root, 'linked.md'));
  });
  afterAll(() => ws.cleanup());

  it('scans in a worker: items with front matter, text and problems; skips dot-folders, node_modules, symlinks', async () => {
    await withService(dataDir, async (service) => {
      expect(service.runtime).toEqual({ mode: 'worker', fallbackReason: null });
      const stats = await service.open(ws.root);
      expect(stats).toMatchObject({ total: 5, parsed: 5, cached: 0, cacheUsed: false, cancelled: false });
      expect((await service.entries()).map((e) => e.path).sort()).toEqual(['a.md', 'binary.md', 'broken.md', 'latin1.md', 'sub/b.md']);
      const a = (await service.get('a.md'))!;
      expect(a.frontmatter).toEqual({ title: 'Alpha', categories: ['News'] });
      // The text is indexed for search (the worker keeps words, not the text itself).
      expect((await service.call('query', { text: 'hello world', facets: {}, sort: null })).paths).toEqual(['a.md']);
      // The content hash is the one saves and conflict checks compute from the bytes.
      expect(a.hash).toBe(hashBytes(await readFile(path.join(ws.root, 'a.md'))));
      expect(a.size).toBe((await stat(path.join(ws.root, 'a.md'))).size);
      expect(await service.get('broken.md')).toMatchObject({ frontmatter: null, problemCounts: { error: 1 } });
      expect(await service.get('binary.md')).toMatchObject({ mode: 'binary', problems: [{ code: 'binary' }] });
      expect(await service.get('latin1.md')).toMatchObject({ mode: 'non-utf8', problems: [{ code: 'non-utf8' }] });
    });
  });

  it('applies watcher batches: change, add, unlink; ignores dot-folders and symlinks', async () => {
    await withService(dataDir, async (service) => {
      await service.open(ws.root);
      const events: IndexEvent[] = [];
      service.onEvent((e) => events.push(e));
      await writeFile(path.join(ws.root, 'sub', 'b.md'), item('Beta two'));
      await writeFile(path.join(ws.root, 'new.md'), item('New'));
      await rm(path.join(ws.root, 'latin1.md'));
      const result = await service.applyChanges([
        { path: 'sub/b.md', kind: 'change' },
        { path: 'new.md', kind: 'add' },
        { path: 'latin1.md', kind: 'unlink' },
        { path: '.hidden/c.md', kind: 'change' },
        { path: 'linked-folder/secret.md', kind: 'add' },
        { path: 'linked.md', kind: 'change' },
      ]);
      expect([...result.updated].sort()).toEqual(['new.md', 'sub/b.md']);
      expect(result.removed).toEqual(['latin1.md']);
      expect((await service.get('sub/b.md'))?.frontmatter?.['title']).toBe('Beta two');
      expect(await service.get('linked-folder/secret.md')).toBeUndefined();
      expect(events).toHaveLength(1);
      expect(events[0]?.kind).toBe('changed');
    });
  });

  it('answers list queries, rows and suggestions from the entries it holds, current after a watcher batch', async () => {
    await withService(dataDir, async (service) => {
      await service.open(ws.root);
      const all = await service.call('query', { text: '', facets: {}, sort: null });
      expect(all.paths).toEqual([...all.paths].sort());
      expect(all.total).toBe(all.paths.length);
      expect(all.count).toBe(all.total);
      const [row] = await service.call('rows', ['a.md'], ['categories']);
      expect(row).toMatchObject({ path: 'a.md', title: 'Alpha', cells: { categories: 'News' } });
      expect(await service.call('values', 'categories', 'ne')).toContainEqual({ value: 'News', count: expect.any(Number) as number });
      await writeFile(path.join(ws.root, 'zeta.md'), item('Zebra crossing'));
      await service.applyChanges([{ path: 'zeta.md', kind: 'add' }]);
      expect((await service.call('query', { text: 'zebra', facets: {}, sort: null })).paths).toEqual(['zeta.md']);
      expect((await service.call('quickOpen', 'zebra'))[0]?.path).toBe('zeta.md');
      await rm(path.join(ws.root, 'zeta.md'));
      await service.applyChanges([{ path: 'zeta.md', kind: 'unlink' }]);
      expect((await service.call('query', { text: 'zebra', facets: {}, sort: null })).paths).toEqual([]);
    });
  });

  it('reconciles with the disk after a time unwatched: adds, changes and deletions, in one changed event', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-reconcile-'));
    try {
      await writeFile(path.join(dir, 'keep.md'), item('Keep'));
      await writeFile(path.join(dir, 'edit.md'), item('Before'));
      await writeFile(path.join(dir, 'gone.md'), item('Gone'));
      await withService(dataDir, async (service) => {
        await service.open(dir);
        const events: IndexEvent[] = [];
        service.onEvent((event) => events.push(event));
        expect(await service.reconcile()).toEqual({ updated: [], removed: [] });
        await writeFile(path.join(dir, 'edit.md'), item('After, and longer'));
        await writeFile(path.join(dir, 'new.md'), item('New'));
        await rm(path.join(dir, 'gone.md'));
        const result = await service.reconcile();
        expect([...result.updated].sort()).toEqual(['edit.md', 'new.md']);
        expect(result.removed).toEqual(['gone.md']);
        expect(events).toHaveLength(1);
        expect((await service.get('edit.md'))?.frontmatter?.['title']).toBe('After, and longer');
        expect((await service.call('query', { text: '', facets: {}, sort: null })).paths).toEqual(['edit.md', 'keep.md', 'new.md']);
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reopens from the cache, re-parsing only what changed and dropping what was deleted', async () => {
    const first = await withService(dataDir, (service) => service.open(ws.root));
    expect(first.total).toBeGreaterThan(0);
    const again = await withService(dataDir, (service) => service.open(ws.root));
    expect(again).toMatchObject({ parsed: 0, cached: first.total, cacheUsed: true });

    // Same size, different mtime: must be re-read.
    const a = path.join(ws.root, 'a.md');
    const text = await readFile(a, 'utf8');
    await writeFile(a, text.replace('Alpha', 'Alpha'.toUpperCase()));
    const later = new Date(Date.now() + 5000);
    await utimes(a, later, later);
    await rm(path.join(ws.root, 'new.md'));
    await withService(dataDir, async (service) => {
      const stats = await service.open(ws.root);
      expect(stats).toMatchObject({ parsed: 1, cached: first.total - 2, total: first.total - 1 });
      expect((await service.get('a.md'))?.frontmatter?.['title']).toBe('ALPHA');
      expect(await service.get('new.md')).toBeUndefined();
    });
  });

  it('ignores a corrupt cache', async () => {
    const file = indexCacheFile(dataDir, ws.root);
    await writeFile(file, '{"folioIndexCache":1,"root":' + JSON.stringify(path.resolve(ws.root)) + '}\n["a.md",1,2]\t{not json');
    await withService(dataDir, async (service) => {
      const stats = await service.open(ws.root);
      expect(stats).toMatchObject({ cacheUsed: false, cached: 0 });
      expect(stats.parsed).toBe(stats.total);
    });
    await writeFile(file, Buffer.from([0xff, 0x00, 0x12]));
    const stats = await withService(dataDir, (service) => service.open(ws.root));
    expect(stats.cacheUsed).toBe(false);
  });

  it('reopens without rewriting an unchanged cache, and re-reads an entry damaged inside a sound body', async () => {
    await withService(dataDir, (service) => service.open(ws.root));
    const file = indexCacheFile(dataDir, ws.root);
    const before = await stat(file);
    const again = await withService(dataDir, (service) => service.open(ws.root));
    expect(again).toMatchObject({ parsed: 0, cacheUsed: true });
    expect(again.listedMs).toBeGreaterThan(0);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);

    // Same length, broken JSON: the body still matches its list, the one entry does not parse.
    const body = await readFile(file, 'utf8');
    const line = body.split('\n').find((l) => l.startsWith('["a.md",'))!;
    await writeFile(file, body.replace(line, line.replace('["a.md",', '["a.mx",')));
    await withService(dataDir, async (service) => {
      const stats = await service.open(ws.root);
      expect(stats).toMatchObject({ parsed: 1, cached: again.cached - 1, cacheUsed: true });
      expect((await service.get('a.md'))?.frontmatter?.['title']).toBe('ALPHA');
    });
  });

  it('rewrites a cache with a damaged last entry in full, the entries before it included', async () => {
    await withService(dataDir, (service) => service.open(ws.root));
    const file = indexCacheFile(dataDir, ws.root);
    const body = await readFile(file, 'utf8');
    const lines = body.split('\n').filter((l) => l !== '');
    const last = lines[lines.length - 1]!;
    const lastPath = (JSON.parse(last) as [string])[0];
    await writeFile(file, body.replace(last, last.replace(JSON.stringify(lastPath), JSON.stringify(`${lastPath.slice(0, -1)}x`))));
    const repaired = await withService(dataDir, (service) => service.open(ws.root));
    expect(repaired).toMatchObject({ parsed: 1, cacheUsed: true });
    // The next reopen finds every item in the rewritten cache.
    const after = await withService(dataDir, (service) => service.open(ws.root));
    expect(after).toMatchObject({ parsed: 0, cached: repaired.total });
  });

  it('ignores a truncated cache body', async () => {
    await withService(dataDir, (service) => service.open(ws.root));
    const file = indexCacheFile(dataDir, ws.root);
    const body = await readFile(file);
    await writeFile(file, body.subarray(0, body.length - 10));
    const stats = await withService(dataDir, (service) => service.open(ws.root));
    expect(stats).toMatchObject({ cacheUsed: false, cached: 0 });
    expect(stats.parsed).toBe(stats.total);
  });

  it('works in-thread when asked (the fallback)', async () => {
    await withService(
      path.join(ws.base, 'data-inline'),
      async (service) => {
        expect(service.runtime.mode).toBe('inline');
        const stats = await service.open(ws.root);
        expect(stats.parsed).toBe(stats.total);
        expect((await service.get('a.md'))?.frontmatter?.['title']).toBe('ALPHA');
      },
      'inline',
    );
  });
});

describe('IndexService streaming', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-index-stream-'));
    await writeCorpus(path.join(dir, 'corpus'), 2000, { defects: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('delivers the first chunk before the scan ends, with progress', async () => {
    await withService(path.join(dir, 'data'), async (service) => {
      const events: IndexEvent[] = [];
      service.onEvent((e) => events.push(e));
      const stats = await service.open(path.join(dir, 'corpus'));
      expect(stats.total).toBe(2000);
      const chunks = events.filter((e) => e.kind === 'chunk');
      expect(chunks.length).toBeGreaterThan(1);
      const firstChunk = chunks[0]!;
      expect(firstChunk.paths.length).toBeGreaterThan(0);
      expect(firstChunk.progress.done).toBeLessThan(2000);
      expect(firstChunk.progress.total).toBe(2000);
      expect(events.at(-1)?.kind).toBe('ready');
      expect(chunks.reduce((n, c) => n + c.paths.length, 0)).toBe(2000);
      expect(await service.entries()).toHaveLength(2000);
      expect((await service.entries()).filter((e) => e.problemCounts.error > 0).length).toBeGreaterThan(0);
    });
  });

  it('restarts a worker that runs out of memory with twice the heap limit, and finishes the scan in it', async () => {
    // 8 MB is enough to start the worker but not to hold 2,000 seed-shaped items.
    const service = new IndexService({ dataDir: path.join(dir, 'data-small-heap'), mode: 'worker', heapLimitMb: 8 });
    await service.boot();
    try {
      const stats = await service.open(path.join(dir, 'corpus'));
      expect(stats).toMatchObject({ total: 2000, cancelled: false });
      expect(service.workerHeapLimitMb).toBeGreaterThan(8);
      expect(service.runtime).toEqual({ mode: 'worker', fallbackReason: null });
      expect((await service.call('query', { text: '', facets: {}, sort: null })).total).toBe(2000);
    } finally {
      await service.shutdown();
    }
  });
});
