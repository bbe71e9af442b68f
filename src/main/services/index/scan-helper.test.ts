import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../../../bench/generate-corpus';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { ListEngine } from '../list/list-engine';
import { scanFolder, type ScanStats } from './scan-folder';
import { walkContentFiles } from './walk-content-files';
import { findWorkerEntry } from '../worker/start-service-worker';

/** Scans into a list engine as the index host does; `helper` forces a helper worker to take part, or keeps it out. */
async function scanned(cacheFile: string, root: string, helper: boolean): Promise<{ entries: IndexEntry[]; found: readonly string[]; stats: ScanStats }> {
  const engine = new ListEngine();
  const stats = await scanFolder(root, {
    cacheFile,
    helperEntry: findWorkerEntry('index-worker', import.meta.url),
    parallelMinFiles: helper ? 1 : Infinity,
    waitForHelper: helper,
    onChunk: (chunk) => engine.addScanned(chunk.entries, chunk.stubs),
    onStubLoader: (load) => engine.setStubLoader(load),
  });
  engine.invalidate();
  const entries = [...engine.entries()].sort((a, b) => (a.path < b.path ? -1 : 1));
  return { entries, found: engine.query({ text: 'health', facets: {}, sort: null }).paths, stats };
}

describe('a scan shared with a helper worker', () => {
  let dir: string;
  let root: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-scan-helper-'));
    root = path.join(dir, 'corpus');
    await writeCorpus(root, 400, { defects: true });
    await writeFile(path.join(root, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]));
    await writeFile(path.join(root, 'latin1.md'), Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'));
    await writeFile(path.join(root, 'proto.md'), '---\n__proto__:\n  polluted: yes\ntitle: Proto\n---\nA body with Zeppelin words.\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives the same entries, problems and search as a scan alone, and writes its cache in walk order', async () => {
    const alone = await scanned(path.join(dir, 'alone.jsonl'), root, false);
    const helped = await scanned(path.join(dir, 'helped.jsonl'), root, true);
    expect(alone.stats.helped).toBeUndefined();
    expect(helped.stats.helped).toBeGreaterThan(0);
    expect(helped.entries).toHaveLength(403);
    expect(helped.entries).toEqual(alone.entries);
    expect(helped.found.length).toBeGreaterThan(0);
    expect(helped.found).toEqual(alone.found);
    expect(helped.entries.find((e) => e.path === 'proto.md')?.frontmatter).toEqual(JSON.parse('{"__proto__":{"polluted":"yes"},"title":"Proto"}'));
    expect(Object.prototype).not.toHaveProperty('polluted');

    // Batches come back from two threads in any order; the cache still lists the walk's order,
    // which is what lets a reopen read a stretch of entries with one read.
    const walked: string[] = [];
    for await (const file of walkContentFiles(root)) walked.push(file.relPath);
    const body = await readFile(path.join(dir, 'helped.jsonl'), 'utf8');
    const cachedOrder = body
      .split('\n')
      .slice(1)
      .filter((line) => line !== '')
      .map((line) => (JSON.parse(line) as [string])[0]);
    expect(cachedOrder).toEqual(walked);

    // And the helper's cache reopens as well as one written alone: nothing parsed, same entries.
    const reopened = await scanned(path.join(dir, 'helped.jsonl'), root, true);
    expect(reopened.stats).toMatchObject({ parsed: 0, cached: 403 });
    expect(reopened.entries).toEqual(alone.entries);
    expect(reopened.found).toEqual(alone.found);
  });
});
