import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempWorkspace, type TempWorkspace } from '../workspace/test-fixtures/temp-workspace';
import { workerWatcher } from './worker-watcher';

describe('workerWatcher', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await makeTempWorkspace();
    await mkdir(path.join(ws.root, 'news'));
    await writeFile(path.join(ws.root, 'news', 'old.md'), 'old');
  });
  afterEach(() => ws.cleanup());

  it("runs chokidar in a worker thread with Folio's options and forwards its events to this thread", async () => {
    const handle = workerWatcher(ws.root, { usePolling: false, interval: 1000 });
    const events: [string, string][] = [];
    for (const kind of ['add', 'change', 'unlink'] as const) handle.on(kind, (absPath: string) => events.push([kind, path.relative(ws.root, absPath)]));
    await new Promise<void>((resolve) => handle.once('ready', resolve));
    expect(await handle.thread()).toBe('worker');
    try {
      await writeFile(path.join(ws.root, 'news', 'new.md'), 'new');
      await writeFile(path.join(ws.root, 'news', 'old.md'), 'old, edited');
      await writeFile(path.join(ws.root, 'news', 'notes.txt'), 'not content');
      await mkdir(path.join(ws.root, '.git'));
      await writeFile(path.join(ws.root, '.git', 'HEAD.md'), 'ignored');
      await rename(path.join(ws.root, 'news', 'new.md'), path.join(ws.root, 'news', 'renamed.md'));
      await rm(path.join(ws.root, 'news', 'old.md'));
      await expect.poll(() => events.some(([kind, p]) => kind === 'unlink' && p === path.join('news', 'old.md')), { timeout: 5_000 }).toBe(true);
      await expect.poll(() => events.some(([kind, p]) => kind === 'add' && p === path.join('news', 'renamed.md')), { timeout: 5_000 }).toBe(true);
      // The ignore rules apply in the worker: no dot-folders, no non-content files.
      expect(events.filter(([, p]) => p.endsWith('.txt') || p.startsWith('.git'))).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('can be closed before it has started, leaving nothing running', async () => {
    const handle = workerWatcher(ws.root, { usePolling: false, interval: 1000 });
    await handle.close();
    expect(await handle.thread()).toBeNull();
  });

  it('carries on watching in this thread when its worker dies', async () => {
    const handle = workerWatcher(ws.root, { usePolling: false, interval: 1000 });
    const added: string[] = [];
    handle.on('add', (absPath: string) => added.push(path.basename(absPath)));
    await new Promise<void>((resolve) => handle.once('ready', resolve));
    try {
      await (handle as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      await expect.poll(() => handle.thread(), { timeout: 5_000 }).toBe('main');
      // chokidar's in-thread crawl must finish before it reports new files.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await writeFile(path.join(ws.root, 'news', 'after.md'), 'after');
      await expect.poll(() => added, { timeout: 5_000 }).toContain('after.md');
    } finally {
      await handle.close();
    }
  });
});
