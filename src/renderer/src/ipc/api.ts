import type { FolioApi } from '../../../shared/contract';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the web bridge (browser host); see shared/contract. */
    readonly api: FolioApi;
  }
}

/** The only reader of `window.api` in the renderer; everything else imports this. */
export const api: FolioApi = window.api;
