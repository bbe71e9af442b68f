import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaptiveScanReader } from './adaptive-scan-reader';
import { walkContentFiles, type WalkedFile } from './walk-content-files';

describe('AdaptiveScanReader', () => {
  let dir: string;
  let files: WalkedFile[];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-scan-reader-'));
    for (let i = 0; i < 40; i++) await writeFile(path.join(dir, `item-${String(i).padStart(2, '0')}.md`), `---\ntitle: Item ${i}\n---\nBody ${i}\n`);
    await writeFile(path.join(dir, 'binary.md'), Buffer.from([0x2d, 0x00, 0x01]));
    files = [];
    for await (const file of walkContentFiles(dir)) files.push(file);
    // Gone since the walk, and replaced by a link: both read as null, whichever way they are read.
    files.push({ relPath: 'gone.md', absPath: path.join(dir, 'gone.md') });
    await writeFile(path.join(os.tmpdir(), 'folio-scan-reader-outside.md'), '---\ntitle: Outside\n---\n');
    await symlink(path.join(os.tmpdir(), 'folio-scan-reader-outside.md'), path.join(dir, 'linked.md'));
    files.push({ relPath: 'linked.md', absPath: path.join(dir, 'linked.md') });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(path.join(os.tmpdir(), 'folio-scan-reader-outside.md'), { force: true });
  });

  it('switches to awaited reads after a slow batch, with the same results as blocking reads', async () => {
    const batches = [files.slice(0, 20), files.slice(20)];
    const blocking = new AdaptiveScanReader(Infinity);
    const expected = [...(await blocking.read(batches[0]!)), ...(await blocking.read(batches[1]!))];
    expect(blocking.awaitedReads).toBe(0);
    // Every read counts as slow: the first batch reads blocking, the next awaited.
    const adaptive = new AdaptiveScanReader(-1);
    const got = [...(await adaptive.read(batches[0]!)), ...(await adaptive.read(batches[1]!))];
    expect(adaptive.awaitedReads).toBe(1);
    expect(got).toEqual(expected);
    expect(got.filter((e) => e === null)).toHaveLength(2);
    expect(got.find((e) => e?.path === 'binary.md')?.mode).toBe('binary');
    expect(got.find((e) => e?.path === 'item-07.md')?.title).toBe('Item 7');
  });
});
