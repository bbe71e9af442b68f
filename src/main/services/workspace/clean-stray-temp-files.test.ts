import { mkdir, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanStrayTempFiles } from './clean-stray-temp-files';
import { isFolioTempFile, makeFolioTempName } from './is-folio-temp-file';
import { makeTempWorkspace, type TempWorkspace } from './test-fixtures/temp-workspace';

describe('isFolioTempFile', () => {
  it('recognises the names makeFolioTempName produces, and nothing ordinary', () => {
    expect(isFolioTempFile(makeFolioTempName('item.md'))).toBe(true);
    expect(isFolioTempFile(makeFolioTempName('x'.repeat(250)))).toBe(true);
    expect(Buffer.byteLength(makeFolioTempName('é'.repeat(127)))).toBeLessThanOrEqual(255);
    for (const name of ['item.md', '.item.md', 'item.md.folio-tmp-0123456789ab', '.item.md.folio-tmp-xyz', '.item.md.swp', '.item.md.folio-tmp-0123456789ab.md']) {
      expect(isFolioTempFile(name), name).toBe(false);
    }
  });
});

describe('cleanStrayTempFiles', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await makeTempWorkspace();
  });
  afterEach(async () => ws.cleanup());

  const old = async (file: string) => utimes(file, 1_600_000_000, 1_600_000_000);

  it('removes old temp files anywhere, keeps young ones, skips .git, node_modules and symlinks', async () => {
    await mkdir(path.join(ws.root, 'news', '2021'), { recursive: true });
    await mkdir(path.join(ws.root, '.git'));
    await mkdir(path.join(ws.root, 'node_modules'));
    const strays = ['.a.md.folio-tmp-0123456789ab', 'news/2021/.b.md.folio-tmp-abcdef012345'];
    for (const rel of strays) {
      await writeFile(path.join(ws.root, rel), 'partial');
      await old(path.join(ws.root, rel));
    }
    const young = '.young.md.folio-tmp-00000000000a';
    await writeFile(path.join(ws.root, young), 'being saved right now');
    for (const rel of ['.git/.c.md.folio-tmp-0123456789ab', 'node_modules/.d.md.folio-tmp-0123456789ab']) {
      await writeFile(path.join(ws.root, rel), 'x');
      await old(path.join(ws.root, rel));
    }
    await writeFile(path.join(ws.root, 'keep.md'), 'keep');
    // A symlinked folder leading outside must not be entered.
    await writeFile(path.join(ws.outside, '.e.md.folio-tmp-0123456789ab'), 'outside');
    await old(path.join(ws.outside, '.e.md.folio-tmp-0123456789ab'));
    await symlink(ws.outside, path.join(ws.root, 'out'), 'dir');

    const result = await cleanStrayTempFiles(ws.root);
    expect(result).toEqual({ ok: true, value: [...strays].sort() });
    expect((await readdir(ws.root)).sort()).toEqual(['.git', young, 'keep.md', 'news', 'node_modules', 'out'].sort());
    expect(await readdir(path.join(ws.root, '.git'))).toHaveLength(1);
    expect(await readdir(path.join(ws.root, 'node_modules'))).toHaveLength(1);
    expect(await readdir(ws.outside)).toHaveLength(1);

    expect(await cleanStrayTempFiles(ws.root, { minAgeMs: 0 })).toEqual({ ok: true, value: [young] });
  });

  it('reports a missing workspace', async () => {
    expect(await cleanStrayTempFiles(path.join(ws.base, 'nope'))).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
  });
});
