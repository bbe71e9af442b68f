import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from './window-options';

/*
 * The Electron binary cannot run on the build machines, so `electron` is replaced by a recorder:
 * the test checks that lockDownWebContents wires every event to the tested decisions in
 * shell-policy.ts (threats rows 1, 3, 4), and that createMainWindow uses the secure options.
 */

type Listener = (...args: unknown[]) => unknown;

const recorded = vi.hoisted(() => ({
  permissionRequest: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  headers: null as null | ((details: { responseHeaders?: Record<string, string[]> }, callback: (r: unknown) => void) => void),
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
}));

vi.mock('electron', () => {
  class FakeBrowserWindow {
    readonly loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      recorded.windows.push(this);
    }
    once(): void {
      // ready-to-show never fires here.
    }
    loadFile(file: string): Promise<void> {
      this.loaded.push(`file:${file}`);
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow: FakeBrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof recorded.permissionRequest) => (recorded.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof recorded.permissionCheck) => (recorded.permissionCheck = h),
        webRequest: { onHeadersReceived: (h: typeof recorded.headers) => (recorded.headers = h) },
      },
    },
  };
});

const { createMainWindow, lockDownWebContents, isAppFrame } = await import('./create-main-window');

/** A stand-in for one web contents: records its listeners and window-open handler. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
    open(url: string) {
      return openHandler!({ url });
    },
    /** Fires an event with a preventable first argument; true when it was prevented. */
    fire(event: string, ...args: unknown[]): boolean {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, ...args);
      return prevented;
    },
  };
}

const location = { indexHtml: '/opt/Folio/out/renderer/index.html' };
const appPage = 'file:///opt/Folio/out/renderer/index.html';

describe('lockDownWebContents wiring (threats rows 1, 3, 4)', () => {
  const opened: string[] = [];
  let created: ((event: unknown, contents: unknown) => void) | null = null;
  const app = { on: (_name: string, listener: typeof created) => (created = listener) } as unknown as Electron.App;

  beforeEach(() => {
    opened.length = 0;
    lockDownWebContents(app, location, (url) => opened.push(url));
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    recorded.permissionRequest!({}, 'media', (granted) => answers.push(granted));
    recorded.permissionRequest!({}, 'geolocation', (granted) => answers.push(granted));
    expect(answers).toEqual([false, false]);
    expect(recorded.permissionCheck!()).toBe(false);
  });

  it('sets the strict CSP header on every response', () => {
    let response: unknown;
    recorded.headers!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (response = r));
    expect(response).toEqual({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] } });
  });

  it('prevents navigation and redirects away from the app, and every webview', () => {
    const contents = fakeContents();
    created!({}, contents);
    expect(contents.fire('will-navigate', appPage)).toBe(false);
    for (const url of [
      'javascript:alert(1)',
      'http://127.0.0.1:9/meta',
      'file:///etc/passwd',
      'data:text/html,x',
      'file:///opt/Folio/out/renderer-evil/x.html',
    ]) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.fire('will-redirect', url), url).toBe(true);
    }
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('opens no window; only checked https/mailto reach the system browser', () => {
    const contents = fakeContents();
    created!({}, contents);
    for (const url of ['https://news.example.com/', 'javascript:alert(1)', 'file:///etc/passwd', 'mailto:a@example.com', 'folio://x']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://news.example.com/', 'mailto:a@example.com']);
  });
});

describe('isAppFrame (threats row 5)', () => {
  it('accepts only the app window main frame', () => {
    const mainFrame = { url: appPage };
    const contents = { mainFrame } as unknown as Electron.WebContents;
    const event = (senderFrame: unknown, sender: unknown = contents) => ({ sender, senderFrame }) as unknown as Electron.IpcMainInvokeEvent;
    expect(isAppFrame(event(mainFrame), location, () => contents)).toBe(true);
    expect(isAppFrame(event({ url: appPage }), location, () => contents)).toBe(false);
    expect(isAppFrame(event(mainFrame), location, () => null)).toBe(false);
  });
});

describe('createMainWindow (threats row 1)', () => {
  it('creates the window with the secure preferences and loads the built page', () => {
    createMainWindow(location, '/opt/Folio/out/preload/index.cjs');
    const window = recorded.windows.at(-1)!;
    expect(window.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: '/opt/Folio/out/preload/index.cjs',
    });
    expect(window.loaded).toEqual(['file:/opt/Folio/out/renderer/index.html']);
  });
});
