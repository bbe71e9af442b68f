import type { StateCreator } from 'zustand';
import type { ChangeKind, DocumentSnapshot } from '../../../shared/contract';
import { api } from '../ipc/api';
import type { FolioState } from './index';

/** The document open in the editor pane. */
export interface DocumentSlice {
  selectedPath: string | null;
  document: DocumentSnapshot | null;
  documentError: string | null;
  /** True when the open file was deleted or renamed on disk; the last text stays on screen. */
  deletedOnDisk: boolean;
  openDocument: (path: string) => Promise<void>;
  closeDocument: () => void;
  /** Reacts to a change on disk of the open file: reload it, or mark it deleted. */
  documentChangedOnDisk: (kind: ChangeKind) => Promise<void>;
}

export const createDocumentSlice: StateCreator<FolioState, [], [], DocumentSlice> = (set, get) => ({
  selectedPath: null,
  document: null,
  documentError: null,
  deletedOnDisk: false,
  openDocument: async (path) => {
    set({ selectedPath: path, documentError: null, deletedOnDisk: false });
    const result = await api['document:read'](path);
    // A slower answer for an item the user already left must not replace the newer one.
    if (get().selectedPath !== path) return;
    if (result.ok) set({ document: result.value });
    else set({ document: null, documentError: result.error.message });
  },
  closeDocument: () => set({ selectedPath: null, document: null, documentError: null, deletedOnDisk: false }),
  documentChangedOnDisk: async (kind) => {
    const path = get().selectedPath;
    if (path === null) return;
    // Never recreate or blank a deleted file: keep what is on screen and say it is gone.
    if (kind === 'unlink') return set({ deletedOnDisk: true });
    // Nothing here can be edited yet, so the document is always clean and simply reloads.
    const result = await api['document:read'](path);
    if (get().selectedPath !== path) return;
    if (result.ok) set({ document: result.value, deletedOnDisk: false });
  },
});
