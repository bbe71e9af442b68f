import type { StateCreator } from 'zustand';
import type { Notice } from '../../../shared/contract';
import type { FolioState } from './index';

/**
 * The app-level dialog that is open, at most one at a time. It lives in the store (not in the
 * component that shows it) so the command registry can open any of them: palette, keys and
 * buttons all go through the same state.
 */
export type AppDialog =
  | { readonly kind: 'quick-open' }
  | { readonly kind: 'commands' }
  | { readonly kind: 'new-item' }
  | { readonly kind: 'rename'; readonly path: string }
  | { readonly kind: 'delete'; readonly path: string }
  | { readonly kind: 'bulk-edit'; readonly paths: readonly string[] }
  | { readonly kind: 'schema' };

/** How the open item's front matter is shown. */
export type FrontMatterTab = 'form' | 'raw';

const TAB_KEY = 'folio.document.frontMatterTab';

function readTab(): FrontMatterTab {
  try {
    return window.localStorage.getItem(TAB_KEY) === 'raw' ? 'raw' : 'form';
  } catch {
    return 'form';
  }
}

/** Transient UI state: the notice bar, the open app dialog, the front matter tab. */
export interface UiSlice {
  notice: Notice | null;
  showNotice: (notice: Notice) => void;
  dismissNotice: () => void;
  dialog: AppDialog | null;
  openDialog: (dialog: AppDialog) => void;
  closeDialog: () => void;
  /** Remembered across starts (localStorage). */
  frontMatterTab: FrontMatterTab;
  setFrontMatterTab: (tab: FrontMatterTab) => void;
}

export const createUiSlice: StateCreator<FolioState, [], [], UiSlice> = (set) => ({
  notice: null,
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  frontMatterTab: readTab(),
  setFrontMatterTab: (tab) => {
    set({ frontMatterTab: tab });
    try {
      window.localStorage.setItem(TAB_KEY, tab);
    } catch {
      // Remembering the tab is a nicety.
    }
  },
});
