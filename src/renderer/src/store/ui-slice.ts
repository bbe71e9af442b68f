import type { StateCreator } from 'zustand';
import type { Notice } from '../../../shared/contract';
import type { FolioState } from './index';

/** Transient UI state: the notice bar. */
export interface UiSlice {
  notice: Notice | null;
  showNotice: (notice: Notice) => void;
  dismissNotice: () => void;
}

export const createUiSlice: StateCreator<FolioState, [], [], UiSlice> = (set) => ({
  notice: null,
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});
