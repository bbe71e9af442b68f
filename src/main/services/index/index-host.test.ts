import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { makeTempWorkspace, type TempWorkspace } from '../workspace/test-fixtures/temp-workspace';
import { IndexHost } from './index-host';
import { IndexService } from './index-service';
import type { IndexWorkerMessage } from './index-worker-protocol';

const item = (title: string): string => `---\ntitle: ${title}\n---\nBody.\n`;

/** A saved file as main hands it over: bytes that were never written to disk prove nothing was read back. */
const saved = (relPath: string, text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  return { path: relPath, bytes, size: bytes.length, mtimeMs: Date.now() };
};

describe('the index takes a save in from the bytes written', () => {
  let ws: TempWorkspace;

  beforeAll(async () => {
    ws = await makeTempWorkspace();
    await mkdir(path.join(ws.root, 'news'));
    await writeFile(path.join(ws.root, 'news', 'a.md'), item('On disk'));
  });
  afterAll(() => ws.cleanup());

  it('builds the saved entry from its bytes in the worker, and reads a file it does not hold yet', async () => {
    const service = new IndexService({ dataDir: path.join(ws.base, 'data'), mode: 'worker' });
    await service.boot();
    try {
      await service.open(ws.root);
      expect(await service.applySaved(saved('news/a.md', item('From the save')))).toEqual({ updated: ['news/a.md'], removed: [] });
      expect((await service.get('news/a.md'))?.frontmatter).toEqual({ title: 'From the save' });
      expect((await service.call('query', { text: 'save', facets: {}, sort: null })).paths).toEqual(['news/a.md']);
      // Not held yet: read from the disk like a watcher's change (where it is also checked to be an item).
      await writeFile(path.join(ws.root, 'news', 'b.md'), item('New on disk'));
      await service.applySaved(saved('news/b.md', item('Bytes')));
      expect((await service.get('news/b.md'))?.frontmatter).toEqual({ title: 'New on disk' });
    } finally {
      await service.shutdown();
    }
  });

  it('keeps a save over the older result of a read that was already on its way', async () => {
    const messages: IndexWorkerMessage[] = [];
    const host = new IndexHost((message) => messages.push(message));
    const answer = async <T extends IndexWorkerMessage['type']>(type: T, id: number): Promise<Extract<IndexWorkerMessage, { type: T }>> => {
      await expect.poll(() => messages.some((m) => m.type === type && 'id' in m && m.id === id)).toBe(true);
      return messages.find((m) => m.type === type && 'id' in m && m.id === id) as Extract<IndexWorkerMessage, { type: T }>;
    };
    host.handle({ type: 'scan', id: 1, root: ws.root });
    await answer('scan-done', 1);

    // A watcher batch re-reads the file (still the old text on disk)...
    host.handle({ type: 'apply', id: 2, root: ws.root, changes: [{ path: 'news/a.md', kind: 'change' }] });
    // ...and Folio's save lands while that read is on its way.
    host.handle({ type: 'saved', id: 3, root: ws.root, file: saved('news/a.md', item('Saved meanwhile')) });
    await answer('applied', 3);
    await answer('applied', 2);

    host.handle({ type: 'call', id: 4, method: 'entry', args: ['news/a.md'] });
    const entry = (await answer('result', 4)).value as IndexEntry | null;
    expect(entry?.frontmatter).toEqual({ title: 'Saved meanwhile' });
  });
});
