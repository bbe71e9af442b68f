import { contextBridge, ipcRenderer } from 'electron';
import { buildFolioApi, eventChannel, type EventEnvelope } from '../shared/contract';

/*
 * The sandboxed bridge: `window.api` gets exactly one function per contract channel plus `on`
 * for events. `ipcRenderer` itself is never exposed, so the page cannot send arbitrary
 * messages.
 */
const { api, deliver } = buildFolioApi((channel, args) => ipcRenderer.invoke(channel, ...args));
ipcRenderer.on(eventChannel, (_event, envelope: EventEnvelope) => deliver(envelope));
contextBridge.exposeInMainWorld('api', api);
