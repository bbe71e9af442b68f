import { mkdir, open, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EDITABLE_BYTES, PREVIEW_BYTES } from './classify-text-bytes';
import { hashBytes } from './hash-bytes';
import { readTextFile } from './read-text-file';
import { makeTempWorkspace, type TempWorkspace } from './test-fixtures/temp-workspace';

describe('readTextFile', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await makeTempWorkspace();
  });
  afterEach(async () => ws.cleanup());

  const put = (rel: string, data: string | Uint8Array) => writeFile(path.join(ws.root, rel), data);

  it('reads an editable UTF-8 file with hash, size, eol and mtime', async () => {
    const bytes = Buffer.from('---\ntitle: Café\n---\nBody\n', 'utf8');
    await mkdir(path.join(ws.root, 'news'));
    await put('news/item.md', bytes);
    const result = await readTextFile(ws.root, 'news/item.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      mode: 'text',
      editable: true,
      symlink: false,
      text: bytes.toString('utf8'),
      truncated: false,
      hash: hashBytes(bytes),
      size: bytes.length,
      eol: 'lf',
      hasBom: false,
    });
    expect(result.value.mtimeMs).toBeGreaterThan(0);
  });

  it('keeps the BOM in the text and reports CRLF, mixed and no line endings', async () => {
    await put('bom.md', Buffer.from('\uFEFF---\r\na: 1\r\n---\r\n', 'utf8'));
    await put('mixed.md', 'a\r\nb\nc');
    await put('none.md', 'single line');
    await put('cr.md', 'a\rb\r');
    const bom = await readTextFile(ws.root, 'bom.md');
    expect(bom.ok && bom.value.hasBom && bom.value.text.startsWith('\uFEFF---') && bom.value.eol === 'crlf').toBe(true);
    expect(await readTextFile(ws.root, 'mixed.md')).toMatchObject({ value: { eol: 'mixed' } });
    expect(await readTextFile(ws.root, 'none.md')).toMatchObject({ value: { eol: 'none' } });
    expect(await readTextFile(ws.root, 'cr.md')).toMatchObject({ value: { eol: 'mixed' } });
  });

  it('marks a file with a NUL byte as binary, never editable', async () => {
    await put('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const result = await readTextFile(ws.root, 'image.md');
    expect(result).toMatchObject({ ok: true, value: { mode: 'binary', editable: false, text: '' } });
  });

  it('marks invalid UTF-8 as non-utf8, never editable, with a lossy preview', async () => {
    await put('latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); // "café" in Latin-1
    const result = await readTextFile(ws.root, 'latin1.md');
    expect(result).toMatchObject({ ok: true, value: { mode: 'non-utf8', editable: false, text: 'caf\uFFFD\n' } });
  });

  it('opens a 50 MB file in large mode quickly, reading only a preview', async () => {
    const file = path.join(ws.root, 'huge.md');
    const handle = await open(file, 'w');
    const line = Buffer.from(`${'lorem ipsum '.repeat(8)}\n`);
    const chunk = Buffer.alloc(1024 * 1024, line);
    for (let i = 0; i < 50; i++) await handle.write(chunk);
    await handle.close();
    const started = performance.now();
    const result = await readTextFile(ws.root, 'huge.md');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    expect(result).toMatchObject({ ok: true, value: { mode: 'large', editable: false, truncated: true, hash: null, size: 50 * 1024 * 1024, eol: 'lf' } });
    if (result.ok) expect(result.value.text.length).toBeLessThanOrEqual(PREVIEW_BYTES);
  });

  it('treats a 5 MB single line as large (read-only) although it is under the size limit', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024, 'x');
    expect(bytes.length).toBeLessThan(MAX_EDITABLE_BYTES);
    await put('one-line.md', bytes);
    const started = performance.now();
    const result = await readTextFile(ws.root, 'one-line.md');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result).toMatchObject({ ok: true, value: { mode: 'large', editable: false, truncated: true, hash: hashBytes(bytes) } });
    if (result.ok) expect(result.value.text.length).toBe(PREVIEW_BYTES);
  });

  it('does not call a preview non-UTF-8 when the cut falls inside a character', async () => {
    const bytes = Buffer.from('é'.repeat(40), 'utf8'); // 80 bytes, over a 51-byte limit
    await put('accents.md', bytes);
    const result = await readTextFile(ws.root, 'accents.md', { maxEditableBytes: 51, previewBytes: 51 });
    expect(result).toMatchObject({ ok: true, value: { mode: 'large', text: 'é'.repeat(25) } });
  });

  it('refuses a symlinked file that points outside and never reads it', async () => {
    await writeFile(path.join(ws.outside, 'secret.md'), 'secret');
    await symlink(path.join(ws.outside, 'secret.md'), path.join(ws.root, 'link.md'));
    const result = await readTextFile(ws.root, 'link.md');
    expect(result.ok ? 'ok' : result.error.code).toBe('path-refused');
    expect(JSON.stringify(result)).not.toContain('secret"');
  });

  it('refuses a file in a symlinked folder that points outside', async () => {
    await writeFile(path.join(ws.outside, 'secret.md'), 'secret');
    await symlink(ws.outside, path.join(ws.root, 'out'), 'dir');
    const result = await readTextFile(ws.root, 'out/secret.md');
    expect(result.ok ? 'ok' : result.error.code).toBe('path-refused');
  });

  it('reads a symlink that stays inside as read-only', async () => {
    await put('real.md', 'real');
    await symlink(path.join(ws.root, 'real.md'), path.join(ws.root, 'alias.md'));
    const result = await readTextFile(ws.root, 'alias.md');
    expect(result).toMatchObject({ ok: true, value: { mode: 'text', text: 'real', symlink: true, editable: false } });
  });

  it('reports missing files, folders and traversal with clear codes', async () => {
    await mkdir(path.join(ws.root, 'dir'));
    expect(await readTextFile(ws.root, 'missing.md')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await readTextFile(ws.root, 'dir')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await readTextFile(ws.root, '../outside/secret.md')).toMatchObject({ ok: false, error: { code: 'path-refused' } });
  });
});
