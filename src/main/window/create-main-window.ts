import { BrowserWindow, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkExternalUrl } from '../security/check-external-url';
import { contentSecurityPolicy, secureWebPreferences } from './window-options';

/** Where the built renderer lives and how the window reaches it. */
export interface RendererLocation {
  /** Set by `electron-vite dev`: the dev server URL. */
  readonly devServerUrl?: string;
  /** The built `index.html`. */
  readonly indexHtml: string;
}

/** The URL prefix the app's own page is served from; anything else is a foreign frame. */
export function appOrigin(location: RendererLocation): string {
  return location.devServerUrl ?? pathToFileURL(path.dirname(location.indexHtml)).href;
}

/**
 * Applies the process-wide rules every web contents must follow: no permission is ever granted,
 * no navigation away from the app, no new windows (links go through the one checked opener),
 * no <webview>. Call once, before any window opens.
 */
export function lockDownWebContents(
  app: Electron.App,
  location: RendererLocation,
  openExternal: (url: string) => void,
): void {
  const origin = appOrigin(location);
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(origin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(origin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const allowed = checkExternalUrl(url);
      if (allowed) openExternal(allowed);
      return { action: 'deny' };
    });
  });
}

/** True when an IPC call comes from the top frame of the app's own page. */
export function isAppFrame(event: IpcMainInvokeEvent, location: RendererLocation, window: () => WebContents | null): boolean {
  const frame = event.senderFrame;
  const contents = window();
  if (!frame || !contents || event.sender !== contents) return false;
  return frame === contents.mainFrame && frame.url.startsWith(appOrigin(location));
}

/** Creates the app window with every security setting from window-options.ts. */
export function createMainWindow(location: RendererLocation, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Folio',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  if (location.devServerUrl) void window.loadURL(location.devServerUrl);
  else void window.loadFile(location.indexHtml);
  return window;
}
