import { randomBytes } from 'node:crypto';
import { readdir, readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppInfo, MainEventName, MainEvents } from '../../shared/contract';
import { createHandlers } from '../../main/ipc/create-handlers';
import { dispatch } from '../../main/ipc/dispatch';
import type { EventSink } from '../../main/ipc/event-sink';
import { contentSecurityPolicy } from '../../main/window/window-options';
import { bootServices } from '../../main/services/boot-services';
import type { HostCapabilities } from '../../main/services/host/host-capabilities';
import { FolderWatcher } from '../../main/services/watcher';
import { rawDataToString } from './raw-data-to-string';
import { checkRequest, tokenCookie } from './request-guard';
import { diskFullOnceWriteOptions, watchLimitWatcherFactory, type TestFaults } from './test-faults';

export interface WebHostOptions {
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  /** The folder to open. */
  readonly folder: string;
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Defaults to 32 random bytes; tests may pass their own. */
  readonly token?: string;
  readonly version: string;
  /** Called for links the page asks to open (the host prints them; it has no system browser). */
  readonly onOpenExternal?: (url: string) => void;
  /** Test-only faults from `FOLIO_TEST_FAULTS` (read by main.ts); none by default. */
  readonly faults?: TestFaults;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * The browser shell: serves the built renderer on 127.0.0.1 and answers the same contract as
 * Electron's IPC over a WebSocket, backed by the same services. It is how the UI is tested on
 * machines without an Electron binary, and how a user without Electron can still work.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = await realpath(options.rendererDir);
  const indexHtml = await readFile(path.join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No built renderer in ${rendererDir}: run \`npm run build\` first.`);
  });
  // The bridge must define window.api before the renderer's module runs; module scripts run in
  // document order, so it goes first in <head>.
  const bridgeTag = '<script type="module" src="./web-bridge.js"></script>';
  const servedIndex = indexHtml.replace('<head>', `<head>\n    ${bridgeTag}`);
  // The built renderer is read once, before the folder opens: the watcher's first crawl of a
  // large folder queues thousands of stats on libuv's thread pool, and a bundle read per request
  // waited behind them for seconds (9 s at 50,000 items) before the page could even start.
  const assets = new Map<string, Buffer>();
  for (const entry of await readdir(rendererDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) assets.set(path.join(entry.parentPath, entry.name), await readFile(path.join(entry.parentPath, entry.name)));
  }

  const sockets = new Set<WebSocket>();
  const events: EventSink = {
    emit<E extends MainEventName>(event: E, payload: MainEvents[E]) {
      const message = JSON.stringify({ event, payload });
      for (const socket of sockets) socket.send(message);
    },
  };
  const host: HostCapabilities = {
    kind: 'web',
    pickFolder: () => Promise.resolve(null),
    openExternal: (url) => {
      (options.onOpenExternal ?? ((u: string) => console.log(`[folio] open in your browser: ${u}`)))(url);
      return Promise.resolve();
    },
  };
  const createFolderWatcher = options.faults?.watchLimit ? () => new FolderWatcher({ createWatcher: watchLimitWatcherFactory }) : undefined;
  const workspaceWriteOptions = options.faults?.diskFullOnce ? diskFullOnceWriteOptions() : undefined;
  const { services, shutdown } = await bootServices({
    dataDir: options.dataDir,
    host,
    events,
    ...(createFolderWatcher ? { createFolderWatcher } : {}),
    ...(workspaceWriteOptions ? { workspaceWriteOptions } : {}),
  });
  const appInfo: AppInfo = { name: 'Folio', version: options.version, host: 'web', platform: process.platform };
  const handlers = createHandlers(services, appInfo);
  const opened = await services.workspace.open(path.resolve(options.folder));
  if (!opened.ok) {
    await shutdown();
    throw new Error(opened.error.message);
  }

  let port = 0;
  const server = createServer((request, response) => {
    void serve(request, response);
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const verdict = checkRequest(request, port, token);
    if (verdict) {
      response.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders });
      response.end(verdict.status === 401 ? 'Folio: open the full URL printed by `npm run web` (it carries the access token).\n' : 'Folio: request refused.\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, securityHeaders).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const cookie = `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    if (url.pathname === '/' || url.pathname === '/index.html') {
      response.writeHead(200, { 'Content-Type': contentTypes['.html'], 'Cache-Control': 'no-store', 'Set-Cookie': cookie, ...securityHeaders });
      response.end(servedIndex);
      return;
    }
    // Static assets only from the renderer folder: decode, normalise, and refuse anything that
    // resolves outside it.
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400, securityHeaders).end();
      return;
    }
    const file = path.resolve(rendererDir, `.${path.posix.normalize(relative)}`);
    if (!file.startsWith(rendererDir + path.sep) || relative.includes('\0')) {
      response.writeHead(404, securityHeaders).end();
      return;
    }
    try {
      const body = assets.get(file) ?? (await readFile(file));
      response.writeHead(200, { 'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream', ...securityHeaders });
      response.end(body);
    } catch {
      response.writeHead(404, securityHeaders).end();
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const verdict = checkRequest(request, port, token);
    if (verdict || new URL(request.url ?? '/', 'http://127.0.0.1').pathname !== '/ws') {
      socket.end(`HTTP/1.1 ${verdict?.status ?? 404} Refused\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        void (async () => {
          let message: { id?: unknown; channel?: unknown; args?: unknown };
          try {
            message = JSON.parse(rawDataToString(data)) as typeof message;
          } catch {
            return;
          }
          if (typeof message.id !== 'number' || typeof message.channel !== 'string') return;
          const result = await dispatch(handlers, message.channel, message.args);
          ws.send(JSON.stringify({ id: message.id, result }));
        })();
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the host is never reachable from another machine.
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    async close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await shutdown();
    },
  };
}
