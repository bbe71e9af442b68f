import { buildFolioApi, type EventEnvelope } from '../../shared/contract';
import { fail, type Result } from '../../shared/lib/result';

/*
 * The browser host's stand-in for the Electron preload: the same `window.api`, carried over a
 * WebSocket to the same main-process services. Loaded by the web host before the renderer, so
 * the renderer cannot tell the two shells apart. Authentication is the host's HttpOnly cookie.
 */

interface Reply {
  readonly id: number;
  readonly result: Result<unknown>;
}

const socketUrl = new URL('/ws', window.location.href);
socketUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';

let nextId = 1;
const pending = new Map<number, (result: Result<unknown>) => void>();
const queue: string[] = [];
const socket = new WebSocket(socketUrl);

socket.addEventListener('open', () => {
  for (const message of queue.splice(0)) socket.send(message);
});
socket.addEventListener('close', () => {
  for (const resolve of pending.values()) resolve(fail('io', 'The connection to Folio was lost. Restart `npm run web` and reload.'));
  pending.clear();
});

const { api, deliver } = buildFolioApi((channel, args) => {
  const id = nextId++;
  const message = JSON.stringify({ id, channel, args });
  return new Promise((resolve) => {
    pending.set(id, resolve);
    if (socket.readyState === WebSocket.OPEN) socket.send(message);
    else if (socket.readyState === WebSocket.CONNECTING) queue.push(message);
    else resolve(fail('io', 'The connection to Folio is closed.'));
  });
});

socket.addEventListener('message', (event: MessageEvent<string>) => {
  const data = JSON.parse(event.data) as Reply | EventEnvelope;
  if ('id' in data) {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else {
    deliver(data);
  }
});

Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
