import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EDITABLE_BYTES, PREVIEW_BYTES } from '../workspace/classify-text-bytes';
import { readWalkedFile, readWalkedFileSync, walkedFileReader } from './read-walked-file';
import { ValidationService } from './validation-service';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'folio-walked-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readWalkedFileSync (the validation worker and the CLI read with it)', () => {
  it('reads what readWalkedFile reads: text, BOM, binary, non-UTF-8, an oversized head, a link, a folder, a missing file', async () => {
    const outside = path.join(root, 'outside.md');
    await writeFile(outside, '---\ntitle: secret\n---\n');
    const files: Record<string, string | Buffer> = {
      'plain.md': '---\ntitle: Plain\n---\nBody\n',
      'bom.md': '\uFEFF---\ntitle: BOM\n---\n',
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
      'latin1.md': Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'),
      // Over the editable size: only the head is read, and it opens as a preview.
      'huge.md': `---\ntitle: Huge\n---\n${'x'.repeat(MAX_EDITABLE_BYTES)}\n`,
    };
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(root, name), content);
    await symlink(outside, path.join(root, 'link.md'));
    await mkdir(path.join(root, 'folder.md'));

    for (const name of [...Object.keys(files), 'link.md', 'folder.md', 'missing.md']) {
      const abs = path.join(root, name);
      expect(readWalkedFileSync(abs), name).toEqual(await readWalkedFile(abs));
    }
    const plain = readWalkedFileSync(path.join(root, 'plain.md'));
    expect(plain).toEqual({ ok: true, mode: 'text', text: files['plain.md'] });
    expect(readWalkedFileSync(path.join(root, 'binary.md'))).toMatchObject({ ok: true, mode: 'binary' });
    expect(readWalkedFileSync(path.join(root, 'latin1.md'))).toMatchObject({ ok: true, mode: 'non-utf8' });
    const huge = readWalkedFileSync(path.join(root, 'huge.md'));
    expect(huge.ok && huge.text.length).toBeLessThanOrEqual(PREVIEW_BYTES);
    // O_NOFOLLOW: a file swapped for a link since the walk is refused, never read through.
    const link = readWalkedFileSync(path.join(root, 'link.md'));
    expect(!link.ok && link.message).toMatch(/symbolic link/);
    expect(readWalkedFileSync(path.join(root, 'folder.md'))).toEqual({ ok: false, message: 'It is not a regular file.' });
    expect(readWalkedFileSync(path.join(root, 'missing.md'))).toEqual({ ok: false, message: 'It cannot be read (ENOENT).' });
    expect(walkedFileReader(false)).toBe(readWalkedFile);
    await expect(walkedFileReader(true)(path.join(root, 'plain.md'))).resolves.toEqual(plain);
  });

  it('lets the event loop turn during a long run of blocking reads, so a request sent meanwhile is not held until the run ends', async () => {
    const file = path.join(root, 'item.md');
    await writeFile(file, '---\ntitle: Item\n---\n');
    const read = walkedFileReader(true);
    let ranAt: number | null = null;
    let reads = 0;
    setTimeout(() => (ranAt = reads), 0);
    const started = performance.now();
    // Each read resolves at once; without the reader's yield, nothing queued runs until this loop ends.
    while (performance.now() - started < 80) {
      await read(file);
      reads += 1;
    }
    expect(ranAt).not.toBeNull();
    expect(ranAt).toBeLessThan(reads);
  });

  it('gives a full validation with blocking reads the same problems as with awaited reads', async () => {
    for (let i = 0; i < 8; i += 1) await writeFile(path.join(root, `p${i}.md`), `---\ntitle: Post ${i}\nslug: s${i % 3}\ndate: '2024-02-${28 + (i % 3)}'\n---\nSee [next](p${i + 1}.md).\n`);
    await writeFile(path.join(root, 'bin.md'), Buffer.from([0, 1, 2, 3]));
    const awaited = await new ValidationService(root).validateAll();
    const blocking = await new ValidationService(root, { blockingReads: true }).validateAll();
    expect(awaited.problems.length).toBeGreaterThan(3);
    expect(blocking.problems).toEqual(awaited.problems);
    expect(blocking.schema).toEqual(awaited.schema);
  });
});
