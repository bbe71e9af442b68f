import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkExternalUrl } from '../security/check-external-url';

/*
 * The Electron shell's security decisions, free of electron imports so unit tests can reach
 * every branch (threats.md rows 1, 3, 4, 5). create-main-window.ts only wires these to
 * Electron's events; it makes no decision of its own.
 */

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

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True when `url` is a page of the app itself. A plain `startsWith` is not enough: the dev
 * origin `http://localhost:5173` prefixes `http://localhost:51730` and `…5173.evil.example`,
 * and the folder `file:///app/out/renderer` prefixes `file:///app/out/renderer-evil/`. So the
 * URL is parsed (which also resolves `..` and `%2e%2e` segments) and compared by origin, or for
 * `file:` by whole path segments under the renderer folder.
 */
export function isAppUrl(url: string, origin: string): boolean {
  const target = parse(url);
  const base = parse(origin);
  if (!target || !base) return false;
  if (base.protocol === 'file:') {
    if (target.protocol !== 'file:' || target.host !== base.host) return false;
    const folder = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    return target.pathname.startsWith(folder);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return false;
  return target.origin === base.origin && target.username === '' && target.password === '';
}

/**
 * `will-navigate` / `will-redirect`: the app window may only move between the app's own pages.
 * Every other target (another origin, `file:` outside the renderer folder, `javascript:`,
 * `data:`, custom schemes) is refused; links meant for the browser go through
 * {@link windowOpenDecision} or the renderer's `shell:openExternal`, never through navigation.
 */
export function shouldAllowNavigation(url: string, origin: string): boolean {
  return isAppUrl(url, origin);
}

/** What `setWindowOpenHandler` answers, and the one URL (if any) to hand to the system browser. */
export interface WindowOpenDecision {
  readonly action: 'deny';
  /** Set only for `https:` / `mailto:` URLs that passed {@link checkExternalUrl}. */
  readonly openExternal?: string;
}

/**
 * `window.open`, `target=_blank`, middle clicks: never a new Electron window. A URL that passes
 * the one checked gate (`https:`, `mailto:`) goes to the system browser; the rest is dropped.
 */
export function windowOpenDecision(url: string): WindowOpenDecision {
  const allowed = checkExternalUrl(url);
  return allowed === null ? { action: 'deny' } : { action: 'deny', openExternal: allowed };
}

/**
 * Permission requests and checks (camera, geolocation, notifications, clipboard, …): Folio
 * needs none, and hostile content must not be able to ask the user for one.
 */
export function permissionDecision(): boolean {
  return false;
}

/** `will-attach-webview`: `webviewTag` is off, and this refuses it a second time. */
export function shouldAttachWebview(): boolean {
  return false;
}

/** The parts of a frame the sender check reads (Electron's `WebFrameMain`). */
export interface FrameLike {
  readonly url: string;
}

/** The parts of an IPC event the sender check reads (Electron's `IpcMainInvokeEvent`). */
export interface IpcSenderLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

/** The parts of the app window's web contents the sender check reads. */
export interface AppContentsLike {
  readonly mainFrame: FrameLike;
}

/**
 * True only for a call from the top frame of the app window, showing an app page. A subframe
 * (even one on the app's origin), another window's web contents, a destroyed frame or a page that
 * navigated elsewhere is refused (threats.md row 5).
 */
export function isAppFrameSender(event: IpcSenderLike, contents: AppContentsLike | null, origin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || !contents || event.sender !== contents) return false;
  return frame === contents.mainFrame && isAppUrl(frame.url, origin);
}
