import { BrowserWindow, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { contentSecurityPolicy, secureWebPreferences } from './window-options';
import {
  appOrigin,
  isAppFrameSender,
  permissionDecision,
  shouldAllowNavigation,
  shouldAttachWebview,
  windowOpenDecision,
  type RendererLocation,
} from './shell-policy';

export { appOrigin, type RendererLocation } from './shell-policy';

/**
 * Applies the process-wide rules every web contents must follow: no permission is ever granted,
 * no navigation away from the app, no new windows (links go through the one checked opener),
 * no <webview>. Call once, before any window opens. The decisions live in shell-policy.ts,
 * where they are unit-tested; this is only the Electron wiring.
 */
export function lockDownWebContents(app: Electron.App, location: RendererLocation, openExternal: (url: string) => void): void {
  const origin = appOrigin(location);
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(permissionDecision()));
  session.defaultSession.setPermissionCheckHandler(() => permissionDecision());
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!shouldAllowNavigation(url, origin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!shouldAllowNavigation(url, origin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => {
      if (!shouldAttachWebview()) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      if (decision.openExternal !== undefined) openExternal(decision.openExternal);
      return { action: decision.action };
    });
  });
}

/** True when an IPC call comes from the top frame of the app's own page. */
export function isAppFrame(event: IpcMainInvokeEvent, location: RendererLocation, window: () => WebContents | null): boolean {
  return isAppFrameSender(event, window(), appOrigin(location));
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
