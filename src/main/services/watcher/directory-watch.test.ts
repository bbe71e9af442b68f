import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempWorkspace, type TempWorkspace } from '../workspace/test-fixtures/temp-workspace';
import { DirectoryWatch } from './directory-watch';

/** Node's native `fs.watch` handles open in this thread: one per watched path. */
const fsWatchHandles = () => process.getActiveResourcesInfo().filter((resource) => resource === 'FSEventWrap').length;

describe('DirectoryWatch', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await makeTempWorkspace();
  });
  afterEach(() => ws.cleanup());

  it('gives each folder one OS watch and no file a watch of its own, yet reports a file edit', async () => {
    for (const folder of ['news', 'news/2024', 'pages']) {
      await mkdir(path.join(ws.root, folder), { recursive: true });
      for (let i = 0; i < 100; i += 1) await writeFile(path.join(ws.root, folder, `item-${i}.md`), `item ${i}`);
    }
    const before = fsWatchHandles();
    const watch = new DirectoryWatch(ws.root);
    try {
      await new Promise<void>((resolve) => watch.once('ready', resolve));
      // The root and its three folders; per-file watching would hold 300 more.
      expect(fsWatchHandles() - before).toBe(4);
      const events: [string, string][] = [];
      for (const kind of ['add', 'change', 'unlink'] as const) watch.on(kind, (absPath: string) => events.push([kind, path.relative(ws.root, absPath)]));
      await writeFile(path.join(ws.root, 'news', '2024', 'item-7.md'), 'item 7, edited');
      await writeFile(path.join(ws.root, 'pages', 'new.md'), 'new');
      await expect.poll(() => events, { timeout: 5_000 }).toEqual(
        expect.arrayContaining([
          ['change', path.join('news', '2024', 'item-7.md')],
          ['add', path.join('pages', 'new.md')],
        ]),
      );
    } finally {
      await watch.close();
    }
    await expect.poll(fsWatchHandles).toBe(before);
  });
});
