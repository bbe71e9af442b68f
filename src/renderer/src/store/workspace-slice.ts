import type { StateCreator } from 'zustand';
import type { WorkspaceChangedEvent, WorkspaceInfo } from '../../../shared/contract';
import { api } from '../ipc/api';
import type { FolioState } from './index';

/** The renderer's mirror of the open folder. */
export interface WorkspaceSlice {
  workspace: WorkspaceInfo | null;
  /** Loads the current folder (on start and after reconnects). */
  loadWorkspace: () => Promise<void>;
  workspaceOpened: (info: WorkspaceInfo) => Promise<void>;
  workspaceChanged: (event: WorkspaceChangedEvent) => Promise<void>;
}

export const createWorkspaceSlice: StateCreator<FolioState, [], [], WorkspaceSlice> = (set, get) => ({
  workspace: null,
  loadWorkspace: async () => {
    const current = await api['workspace:current']();
    if (!current.ok) return get().showNotice({ level: 'error', message: current.error.message });
    if (!current.value) return;
    await get().workspaceOpened(current.value);
    // Validation may have settled (or still be pending) before this window listened.
    void get().refreshProblemTotals();
    // Said before this window was listening (e.g. the watch limit hit during the first scan).
    if (current.value.watchNotice) get().showNotice(current.value.watchNotice);
  },
  workspaceOpened: async (info) => {
    set({ workspace: info });
    get().closeDocument();
    get().restoreListView(info.root);
    await get().refreshList();
  },
  workspaceChanged: async (event) => {
    const open = get().selectedPath;
    const change = open === null ? undefined : event.changes.find((c) => c.path === open);
    get().forgetRows(event.changes.map((c) => c.path));
    await Promise.all([get().refreshList(), change ? get().documentChangedOnDisk(change.kind) : null]);
  },
});
