import type { StateCreator } from 'zustand';
import type { DocumentSnapshot } from '../../../shared/contract';
import { api } from '../ipc/api';
import type { FolioState } from './index';

/** The document open in the editor pane. */
export interface DocumentSlice {
  selectedPath: string | null;
  document: DocumentSnapshot | null;
  documentError: string | null;
  openDocument: (path: string) => Promise<void>;
  closeDocument: () => void;
}

export const createDocumentSlice: StateCreator<FolioState, [], [], DocumentSlice> = (set, get) => ({
  selectedPath: null,
  document: null,
  documentError: null,
  openDocument: async (path) => {
    set({ selectedPath: path, documentError: null });
    const result = await api['document:read'](path);
    // A slower answer for an item the user already left must not replace the newer one.
    if (get().selectedPath !== path) return;
    if (result.ok) set({ document: result.value });
    else set({ document: null, documentError: result.error.message });
  },
  closeDocument: () => set({ selectedPath: null, document: null, documentError: null }),
});
