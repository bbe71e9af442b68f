import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftService } from './draft-service';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const hash = 'a'.repeat(64);

describe('DraftService', () => {
  let dataDir: string;
  let root: string | null;
  let clock: number;
  const make = () => new DraftService(dataDir, () => root, () => clock);

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'folio-drafts-'));
    root = '/content/site-a';
    clock = 1_000;
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('puts, lists and discards drafts byte for byte', async () => {
    const drafts = make();
    await drafts.boot();
    // CRLF, a BOM, a lone surrogate and NUL: the text must come back exactly.
    const text = '\uFEFF---\r\ntitle: "Ünïcode"\r\n---\r\nBody \uD800 \u0000 end';
    expect(await drafts.put({ path: 'news/a.md', baseHash: hash, text })).toEqual({ ok: true, value: null });
    clock = 2_000;
    await drafts.put({ path: 'news/b.md', baseHash: null, text: 'b' });
    const listed = await drafts.list();
    expect(listed).toEqual({ ok: true, value: [{ path: 'news/a.md', baseHash: hash, text, savedAt: 1_000 }, { path: 'news/b.md', baseHash: null, text: 'b', savedAt: 2_000 }] });
    await drafts.discard('news/a.md');
    await drafts.discard('news/never-drafted.md');
    expect((await drafts.list()).ok && (await drafts.list())).toMatchObject({ value: [{ path: 'news/b.md' }] });
  });

  it('stores drafts under drafts/<sha256(root)>/<sha256(path)>.json, without temp files left', async () => {
    const drafts = make();
    await drafts.boot();
    await drafts.put({ path: '../../etc/passwd', baseHash: null, text: 'x' });
    const folder = path.join(dataDir, 'drafts', sha('/content/site-a'));
    expect(await readdir(folder)).toEqual([`${sha('../../etc/passwd')}.json`]);
    const stored = JSON.parse(await readFile(path.join(folder, `${sha('../../etc/passwd')}.json`), 'utf8')) as { path: string };
    expect(stored.path).toBe('../../etc/passwd');
  });

  it('keeps the last of many quick puts, and a discard after a put wins', async () => {
    const drafts = make();
    await drafts.boot();
    await Promise.all(Array.from({ length: 20 }, (_, i) => drafts.put({ path: 'a.md', baseHash: hash, text: `v${i}` })));
    expect((await drafts.list()).ok && (await drafts.list())).toMatchObject({ value: [{ text: 'v19' }] });
    void drafts.put({ path: 'a.md', baseHash: hash, text: 'late' });
    await drafts.discard('a.md');
    expect(await drafts.list()).toEqual({ ok: true, value: [] });
  });

  it('survives a restart of the service, and shutdown waits for writes in flight', async () => {
    const first = make();
    await first.boot();
    void first.put({ path: 'a.md', baseHash: hash, text: 'unsaved' });
    await first.shutdown();
    const second = make();
    await second.boot();
    expect(await second.list()).toMatchObject({ ok: true, value: [{ path: 'a.md', text: 'unsaved' }] });
  });

  it('keeps each folder to its own drafts', async () => {
    const drafts = make();
    await drafts.boot();
    await drafts.put({ path: 'same.md', baseHash: null, text: 'from A' });
    root = '/content/site-b';
    expect(await drafts.list()).toEqual({ ok: true, value: [] });
    await drafts.put({ path: 'same.md', baseHash: null, text: 'from B' });
    await drafts.discard('same.md');
    root = '/content/site-a';
    expect(await drafts.list()).toMatchObject({ ok: true, value: [{ text: 'from A' }] });
    root = null;
    expect(await drafts.put({ path: 'x.md', baseHash: null, text: '' })).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
    expect(await drafts.list()).toEqual({ ok: true, value: [] });
  });

  it('skips corrupt and foreign files, and cleans temp files left by a kill mid-write', async () => {
    const drafts = make();
    await drafts.boot();
    await drafts.put({ path: 'good.md', baseHash: null, text: 'good' });
    const folder = path.join(dataDir, 'drafts', sha('/content/site-a'));
    await writeFile(path.join(folder, `${sha('cut.md')}.json`), '{"version":1,"root":"/content/si');
    // A valid record filed under the wrong name (copied by hand) is not trusted.
    await writeFile(path.join(folder, `${sha('other.md')}.json`), JSON.stringify({ version: 1, root: '/content/site-a', path: 'good.md', baseHash: null, text: 'evil', savedAt: 1 }));
    await writeFile(path.join(folder, `${sha('good.md')}.json.123.abc.tmp`), 'half');
    expect(await drafts.list()).toMatchObject({ ok: true, value: [{ path: 'good.md', text: 'good' }] });
    await make().boot();
    expect((await readdir(folder)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
