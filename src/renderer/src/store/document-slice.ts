import type { StateCreator } from 'zustand';
import type { ChangeKind, DocumentSnapshot, SaveConflictDetail } from '../../../shared/contract';
import { editFrontMatter, replaceBody, type FrontMatterEdit } from '../../../shared/domain/frontmatter';
import { api } from '../ipc/api';
import type { FolioState } from './index';

/**
 * The document open in the editor pane. `document` is the version on disk the buffer is based on
 * (its hash goes with the next save); `text` is the buffer every editor (form, raw YAML, Monaco)
 * edits. Form edits go through the engine's span edits, so only the edited bytes change.
 */
export interface DocumentSlice {
  selectedPath: string | null;
  document: DocumentSnapshot | null;
  /** The edited full text; equal to `document.text` when clean. */
  text: string | null;
  documentError: string | null;
  /** The last edit the engine refused (the buffer is unchanged). */
  editError: string | null;
  saving: boolean;
  /** The disk version, when a save found the file changed by someone else. */
  conflict: SaveConflictDetail | null;
  /** The file changed on disk while the buffer was dirty: never reloaded silently. */
  changedOnDisk: boolean;
  /** True when the open file was deleted or renamed on disk; the buffer stays. */
  deletedOnDisk: boolean;
  /** An item the user asked to open while the current one has unsaved edits. */
  pendingOpen: string | null;

  openDocument: (path: string) => Promise<void>;
  closeDocument: () => void;
  /** Applies form edits through the engine; returns false (and sets editError) if refused. */
  applyEdits: (edits: readonly FrontMatterEdit[]) => boolean;
  /** Replaces the body, keeping the front matter bytes. */
  setBody: (body: string) => void;
  /** Replaces the whole text (raw editing). */
  setText: (text: string) => void;
  /** Saves the buffer against the hash it was based on; a conflict keeps the buffer. */
  save: () => Promise<boolean>;
  /** Drops unsaved edits and shows the disk version again. */
  revert: () => Promise<void>;
  /** Continues a pending open after the user chose to save or discard. */
  resolvePendingOpen: (choice: 'save' | 'discard' | 'cancel') => Promise<void>;
  /** Reacts to a change on disk of the open file. */
  documentChangedOnDisk: (kind: ChangeKind) => Promise<void>;
}

/** True when the buffer differs from the version on disk it is based on. */
export function selectIsDirty(state: Pick<FolioState, 'document' | 'text'>): boolean {
  return state.document !== null && state.text !== null && state.text !== state.document.text;
}

export const createDocumentSlice: StateCreator<FolioState, [], [], DocumentSlice> = (set, get) => {
  const load = async (path: string) => {
    set({ selectedPath: path, documentError: null, editError: null, deletedOnDisk: false, changedOnDisk: false, conflict: null, pendingOpen: null });
    const result = await api['document:read'](path);
    // A slower answer for an item the user already left must not replace the newer one.
    if (get().selectedPath !== path) return;
    if (result.ok) set({ document: result.value, text: result.value.text });
    else set({ document: null, text: null, documentError: result.error.message });
  };

  return {
    selectedPath: null,
    document: null,
    text: null,
    documentError: null,
    editError: null,
    saving: false,
    conflict: null,
    changedOnDisk: false,
    deletedOnDisk: false,
    pendingOpen: null,

    openDocument: async (path) => {
      if (path === get().selectedPath) return;
      // Never throw away an edit: ask first (save, discard or cancel).
      if (selectIsDirty(get())) return set({ pendingOpen: path });
      await load(path);
    },

    closeDocument: () => set({ selectedPath: null, document: null, text: null, documentError: null, editError: null, deletedOnDisk: false, changedOnDisk: false, conflict: null, pendingOpen: null }),

    applyEdits: (edits) => {
      const { text, document } = get();
      if (text === null || document === null || document.readOnly) return false;
      const outcome = editFrontMatter(text, edits);
      if (!outcome.ok) {
        set({ editError: outcome.diagnostic.message });
        return false;
      }
      set({ text: outcome.value, editError: null });
      return true;
    },

    setBody: (body) => {
      const { text, document } = get();
      if (text === null || document === null || document.readOnly) return;
      set({ text: replaceBody(text, body) });
    },

    setText: (next) => {
      const { document } = get();
      if (document === null || document.readOnly) return;
      set({ text: next });
    },

    save: async () => {
      const { document, text, saving } = get();
      if (document === null || text === null || saving || document.readOnly || document.hash === null) return false;
      set({ saving: true });
      const result = await api['document:save']({ path: document.path, text, baseHash: document.hash });
      set({ saving: false });
      if (get().document?.path !== document.path) return false;
      if (result.ok) {
        // The buffer may have moved on while saving; only what was saved becomes the base.
        set({ document: { ...document, text, hash: result.value.hash, size: result.value.size, mtimeMs: result.value.mtimeMs }, conflict: null, changedOnDisk: false, deletedOnDisk: false });
        return true;
      }
      if (result.error.code === 'conflict') {
        const detail = result.error.detail as SaveConflictDetail | undefined;
        set({ conflict: { diskText: detail?.diskText ?? null, diskHash: detail?.diskHash ?? null } });
      } else {
        get().showNotice({ level: 'error', message: result.error.message });
      }
      return false;
    },

    revert: async () => {
      const path = get().selectedPath;
      if (path === null) return;
      set({ document: null, text: null });
      await load(path);
    },

    resolvePendingOpen: async (choice) => {
      const next = get().pendingOpen;
      if (next === null) return;
      if (choice === 'cancel') return set({ pendingOpen: null });
      if (choice === 'save' && !(await get().save())) return set({ pendingOpen: null });
      await load(next);
    },

    documentChangedOnDisk: async (kind) => {
      const path = get().selectedPath;
      if (path === null) return;
      // Never recreate or blank a deleted file: keep the buffer and say it is gone.
      if (kind === 'unlink') return set({ deletedOnDisk: true });
      if (selectIsDirty(get())) return set({ changedOnDisk: true });
      const result = await api['document:read'](path);
      if (get().selectedPath !== path || selectIsDirty(get())) return;
      if (result.ok) set({ document: result.value, text: result.value.text, deletedOnDisk: false, changedOnDisk: false });
    },
  };
};
