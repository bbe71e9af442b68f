import type { Result } from '../lib/result';
import { invokeChannelNames, type FolioApi, type InvokeChannel, type MainEventName, type MainEvents } from './channels';

/** The message both shells put on the wire for one main -> renderer event. */
export interface EventEnvelope<E extends MainEventName = MainEventName> {
  readonly event: E;
  readonly payload: MainEvents[E];
}

/** Sends one request over whatever carries it (Electron IPC, a WebSocket). */
export type Invoke = (channel: InvokeChannel, args: unknown[]) => Promise<Result<unknown>>;

/**
 * Builds `window.api` from the contract for any transport: one function per channel and `on`
 * for events, nothing else. The preload (Electron) and the web bridge (browser host) both use it,
 * so the page sees the same object in either shell. `deliver` feeds incoming events.
 */
export function buildFolioApi(invoke: Invoke): { api: FolioApi; deliver: (envelope: EventEnvelope) => void } {
  const listeners = new Map<MainEventName, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {};
  for (const channel of invokeChannelNames) {
    api[channel] = (...args: unknown[]) => invoke(channel, args);
  }
  api['on'] = (event: MainEventName, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  };
  const deliver = (envelope: EventEnvelope) => {
    for (const listener of listeners.get(envelope.event) ?? []) listener(envelope.payload);
  };
  return { api: api as FolioApi, deliver };
}
