import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { eventChannel, invokeChannelNames, type MainEventName, type MainEvents } from '../../shared/contract';
import { fail } from '../../shared/lib/result';
import { dispatch } from './dispatch';
import type { EventSink } from './event-sink';
import type { HandlerTable } from './handler-table';

/** Decides whether an IPC message comes from the app's own top-level page. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Registers one `ipcMain.handle` per contract channel (and nothing generic). Each call is
 * checked to come from the app's own main frame before its arguments are even parsed.
 * `ipcMain` is passed in so a test can check every channel is registered.
 */
export function registerElectronIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: HandlerTable, isTrustedSender: SenderCheck): () => void {
  for (const channel of invokeChannelNames) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) return fail('forbidden-sender', 'Request refused: it did not come from the Folio window.');
      return dispatch(handlers, channel, args);
    });
  }
  return () => {
    for (const channel of invokeChannelNames) ipcMain.removeHandler(channel);
  };
}

/** Sends events to the app window's page only (never to other frames). */
export function electronEventSink(getTarget: () => WebContents | null): EventSink {
  return {
    emit<E extends MainEventName>(event: E, payload: MainEvents[E]) {
      const target = getTarget();
      if (target && !target.isDestroyed()) target.send(eventChannel, { event, payload });
    },
  };
}
