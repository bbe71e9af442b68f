import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { invokeChannelNames, type InvokeChannel } from '../../shared/contract';
import { rawDataToString } from './raw-data-to-string';
import { startWebHost, type WebHost } from './start-web-host';

/** Arguments that satisfy each channel's schema, so the test reaches every handler. */
const sampleArgs: Record<InvokeChannel, unknown[]> = {
  'app:info': [],
  'workspace:current': [],
  'workspace:open': [{}],
  'workspace:recent': [],
  'list:query': [{ text: '', facets: {}, sort: null }],
  'list:slice': [{ resultId: 1, start: 0, count: 10, columns: ['title'] }],
  'list:folders': [],
  'list:facets': [{ text: '', facets: {} }],
  'list:rows': [{ paths: ['news/first.md'], columns: ['title'] }],
  'list:quickOpen': ['fir'],
  'document:read': ['news/first.md'],
  'document:save': [{ path: 'news/scratch.md', text: 'x', baseHash: null }],
  'shell:openExternal': ['https://example.com/'],
  'schema:forItem': ['news/first.md'],
  'list:values': [{ key: 'title', prefix: '' }],
  'document:asset': ['news/missing.png'],
  'drafts:put': [{ path: 'news/first.md', baseHash: null, text: 'draft' }],
  'drafts:list': [],
  'drafts:discard': ['news/first.md'],
  'items:templates': [],
  'items:create': [{ folder: 'news', title: 'Sample args item', template: { kind: 'archetype', path: 'archetypes/none.md' } }],
  'items:rename': [{ from: 'news/missing.md', to: 'news/missing-2.md' }],
  'items:delete': ['news/missing.md'],
  'items:restore': ['0000000000000-000000000000'],
  'bulk:preview': [{ paths: ['news/first.md'], edit: { kind: 'set', path: 'status', value: 'review' } }],
  'bulk:apply': [{ paths: ['news/missing.md'], edit: { kind: 'delete-key', path: 'status' } }],
  'git:status': [],
  'git:refresh': [],
  'git:changes': [],
  'git:diff': ['news/first.md'],
  'git:stage': [['news/first.md']],
  'git:unstage': [['news/first.md']],
  'git:discard': [['news/missing.md']],
  'git:identity': [],
  'git:setIdentity': [{ name: 'Web Host Test', email: 'test@example.invalid' }],
  'git:commit': [{ message: 'sample' }],
  'git:history': ['news/first.md'],
  'git:showAt': [{ rev: 'HEAD', path: 'news/first.md' }],
  'git:pull': [],
  'git:push': [{}],
  'git:abortPull': [],
  'git:init': [],
  'git:conflict': ['news/first.md'],
  'git:resolve': [{ path: 'news/missing.md', text: 'x' }],
  'git:setTrusted': [false],
  'validation:problems': [{}],
  'validation:applyFix': [{ kind: 'sync-mirror', file: 'news/missing.md', field: 'a', value: 'b', title: 't' }],
  'schema:infer': [],
  'schema:save': ['{"x-folio-version":1,"types":{}}'],
};

describe('web host', () => {
  let dir: string;
  let host: WebHost;
  const opened: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-webhost-'));
    await mkdir(path.join(dir, 'renderer'));
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    await mkdir(path.join(dir, 'folder', 'news'), { recursive: true });
    await writeFile(path.join(dir, 'folder', 'news', 'first.md'), "---\ntitle: First\ndate: '2024-01-05'\n---\nBody\n");
    host = await startWebHost({ rendererDir: path.join(dir, 'renderer'), folder: path.join(dir, 'folder'), dataDir: path.join(dir, 'data'), version: '0.0.0-test', onOpenExternal: (u) => opened.push(u) });
  });

  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function connect(): Promise<{ call: (channel: string, args: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>; close: () => void; socket: WebSocket }> {
    const token = new URL(host.url).searchParams.get('token');
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { Cookie: `folio_token=${token}` } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    let id = 0;
    return {
      call: (channel, args) =>
        new Promise((resolve) => {
          const myId = ++id;
          const onMessage = (data: WebSocket.RawData) => {
            const message = JSON.parse(rawDataToString(data)) as { id?: number; result: never };
            if (message.id === myId) {
              ws.off('message', onMessage);
              resolve(message.result);
            }
          };
          ws.on('message', onMessage);
          ws.send(JSON.stringify({ id: myId, channel, args }));
        }),
      close: () => ws.close(),
      socket: ws,
    };
  }

  it('answers every contract channel over the socket', async () => {
    const client = await connect();
    for (const channel of invokeChannelNames) {
      const result = await client.call(channel, sampleArgs[channel]);
      expect(result.error?.code, channel).not.toBe('unknown-channel');
      expect(result.error?.code, channel).not.toBe('invalid-argument');
    }
    client.close();
  });

  it('serves the same services: lists and reads the folder', async () => {
    const client = await connect();
    await expect.poll(async () => ((await client.call('list:query', [{ text: 'first', facets: {}, sort: null }])).value as { paths: string[] }).paths).toContain('news/first.md');
    const rows = await client.call('list:rows', [{ paths: ['news/first.md'], columns: ['title', 'date'] }]);
    expect(rows.value).toEqual([expect.objectContaining({ path: 'news/first.md', title: 'First', cells: { title: 'First', date: '2024-01-05' } })]);
    const read = await client.call('document:read', ['news/first.md']);
    expect(read.value).toMatchObject({ path: 'news/first.md', text: "---\ntitle: First\ndate: '2024-01-05'\n---\nBody\n" });
    const escape = await client.call('document:read', ['../renderer/index.html']);
    expect(escape.error?.code).toBe('path-refused');
    client.close();
  });

  it('saves with a base hash, refuses a stale one with the disk text, and stays confined', async () => {
    const client = await connect();
    const read = (await client.call('document:read', ['news/first.md'])) as { value: { hash: string; text: string } };
    const edited = read.value.text.replace('title: First', 'title: Second');
    const saved = (await client.call('document:save', [{ path: 'news/first.md', text: edited, baseHash: read.value.hash, columns: ['title'] }])) as { ok: boolean; value: { hash: string; written: boolean; row?: unknown } };
    expect(saved.ok).toBe(true);
    expect(saved.value.written).toBe(true);
    // The answer carries the saved item's row for the list's columns, so the list paints it without asking.
    expect(saved.value.row).toEqual(expect.objectContaining({ path: 'news/first.md', title: 'Second', cells: { title: 'Second' } }));
    expect(await readFile(path.join(dir, 'folder', 'news', 'first.md'), 'utf8')).toBe(edited);
    // The list follows the save at once (the watcher drops its echo, so nothing else would tell it).
    const rows = await client.call('list:rows', [{ paths: ['news/first.md'], columns: ['title'] }]);
    expect(rows.value).toEqual([expect.objectContaining({ path: 'news/first.md', cells: { title: 'Second' } })]);
    const found = (await client.call('list:query', [{ text: 'second', facets: {}, sort: null }])).value as { paths: string[] };
    expect(found.paths).toContain('news/first.md');
    // A second window still holding the old hash must not overwrite the first one's save.
    const stale = (await client.call('document:save', [{ path: 'news/first.md', text: 'lost', baseHash: read.value.hash }])) as unknown as { error: { code: string; detail: { diskText: string } } };
    expect(stale.error.code).toBe('conflict');
    expect(stale.error.detail.diskText).toBe(edited);
    expect(await readFile(path.join(dir, 'folder', 'news', 'first.md'), 'utf8')).toBe(edited);
    const outside = (await client.call('document:save', [{ path: '../escape.md', text: 'x', baseHash: null }])) as unknown as { error: { code: string } };
    expect(outside.error.code).toBe('path-refused');
    client.close();
  });

  it('pushes external changes as one workspace:changed batch, and not its own saves', async () => {
    const client = await connect();
    const events: { event: string; payload: { changes: { path: string; kind: string }[] } }[] = [];
    client.socket.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(rawDataToString(data)) as { event?: string };
      if (message.event === 'workspace:changed') events.push(message as (typeof events)[number]);
    });
    const read = (await client.call('document:read', ['news/first.md'])) as { value: { hash: string; text: string } };
    await client.call('document:save', [{ path: 'news/first.md', text: `${read.value.text}own\n`, baseHash: read.value.hash }]);
    // The watcher finishes its first crawl in the background after the folder opens: write until
    // it reports the file (each write is a fresh add or change of the same path).
    await expect
      .poll(
        async () => {
          await writeFile(path.join(dir, 'folder', 'news', 'external.md'), '---\ntitle: External\n---\n');
          return events.flatMap((e) => e.payload.changes).map((c) => c.path);
        },
        { timeout: 10_000, interval: 300 },
      )
      .toContain('news/external.md');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.flatMap((e) => e.payload.changes).map((c) => c.path)).not.toContain('news/first.md');
    client.close();
  });

  it('opens only checked links', async () => {
    const client = await connect();
    expect((await client.call('shell:openExternal', ['javascript:alert(1)'])).ok).toBe(false);
    expect((await client.call('shell:openExternal', ['https://example.com/a'])).ok).toBe(true);
    expect(opened).toEqual(['https://example.com/', 'https://example.com/a']);
    client.close();
  });

  it('refuses a socket without the token', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`);
    const outcome = await new Promise((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });

  it('injects the bridge before the renderer and sends the CSP header', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(await response.text()).toMatch(/<head>\s*<script type="module" src="\.\/web-bridge\.js"><\/script>/);
  });
});
