import type { StateCreator } from 'zustand';
import type { ItemSummary, WorkspaceChangedEvent, WorkspaceInfo } from '../../../shared/contract';
import { api } from '../ipc/api';
import type { FolioState } from './index';

/** The renderer's mirror of the open folder and its items. */
export interface WorkspaceSlice {
  workspace: WorkspaceInfo | null;
  items: readonly ItemSummary[];
  loadingItems: boolean;
  listError: string | null;
  /** Loads the current folder and its items (on start and after reconnects). */
  loadWorkspace: () => Promise<void>;
  workspaceOpened: (info: WorkspaceInfo) => Promise<void>;
  workspaceChanged: (event: WorkspaceChangedEvent) => Promise<void>;
}

export const createWorkspaceSlice: StateCreator<FolioState, [], [], WorkspaceSlice> = (set, get) => ({
  workspace: null,
  items: [],
  loadingItems: false,
  listError: null,
  loadWorkspace: async () => {
    const current = await api['workspace:current']();
    if (!current.ok) return set({ listError: current.error.message });
    set({ workspace: current.value });
    if (current.value) await refreshItems(set);
  },
  workspaceOpened: async (info) => {
    set({ workspace: info, items: [] });
    get().closeDocument();
    await refreshItems(set);
  },
  workspaceChanged: async (event) => {
    const open = get().selectedPath;
    const change = open === null ? undefined : event.changes.find((c) => c.path === open);
    await Promise.all([refreshItems(set), change ? get().documentChangedOnDisk(change.kind) : null]);
  },
});

async function refreshItems(set: (partial: Partial<FolioState>) => void): Promise<void> {
  set({ loadingItems: true });
  const result = await api['workspace:list']();
  if (result.ok) set({ items: result.value, loadingItems: false, listError: null });
  else set({ loadingItems: false, listError: result.error.message });
}
