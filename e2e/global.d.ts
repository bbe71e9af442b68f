import type { FolioApi } from '../src/shared/contract';

declare global {
  interface Window {
    /** The contract bridge, as the renderer sees it. */
    readonly api: FolioApi;
  }
}
