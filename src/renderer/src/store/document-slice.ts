import type { StateCreator } from 'zustand';
import type { ChangeKind, DocumentSnapshot, DraftDto, ItemSchemaDto, SaveConflictDetail } from '../../../shared/contract';
import { editFrontMatterDocument, replaceBody, type FrontMatterEdit } from '../../../shared/domain/frontmatter';
import { api } from '../ipc/api';
import { frontMatterModelOf, rememberFrontMatterModel } from './front-matter-model';
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
  /**
   * True when the buffer came from a draft whose base version is no longer on disk: the text it
   * was loaded from is unknown, so a merge cannot tell who changed what and asks about every
   * difference.
   */
  mergeBaseUnknown: boolean;
  /** The merge view's inputs while it is open: the loaded text (null when unknown) and the disk now. */
  mergeSession: MergeSession | null;
  /**
   * The item's schema, fetched alongside the document when an item opens, so the form's first
   * render already has its widgets (instead of rendering every field twice). The form fetches it
   * itself when this is missing or for another item.
   */
  itemSchema: PrefetchedItemSchema | null;
  /**
   * The item whose schema the store is still fetching (it missed the grace below): the form waits
   * for it instead of asking main a second time.
   */
  itemSchemaLoading: string | null;

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
  /**
   * Makes `disk` the version the buffer is based on and `mergedText` the buffer (after a merge):
   * the next save is checked against the disk hash, so it replaces exactly what was merged with.
   */
  rebase: (disk: DiskVersion, mergedText: string) => void;
  /** Opens an item with a draft's text as the buffer; a changed disk opens the merge instead. */
  restoreDraft: (draft: DraftDto) => Promise<void>;
  /** Fetches the disk version (unless a conflict already carries it) and opens the merge view. */
  openMerge: () => Promise<void>;
  closeMerge: () => void;
  /** Rebases the buffer on the merge's disk version with the merged text. */
  applyMerge: (mergedText: string) => void;
  /** "Keep mine": saves the buffer over whatever is on disk now (the caller confirms first). */
  overwriteDisk: () => Promise<boolean>;
  /**
   * "Save mine elsewhere": writes the buffer to a new file (never over an existing one), then
   * opens that file; the original shows its disk version again.
   */
  saveElsewhere: (newPath: string) => Promise<boolean>;
}

/** A version of the open file on disk: its text and hash (null when the file is missing). */
export interface DiskVersion {
  readonly text: string;
  readonly hash: string | null;
}

/** What the merge view merges: base = as loaded (null when unknown), disk = the file now. */
export interface MergeSession {
  readonly path: string;
  readonly base: string | null;
  readonly disk: DiskVersion;
}

/** An item's schema as `schema:forItem` answered when the item was opened. */
export interface PrefetchedItemSchema {
  readonly path: string;
  readonly value: ItemSchemaDto;
}

/** What the form uses when main cannot say: no known fields, inferred. */
export const FALLBACK_ITEM_SCHEMA: ItemSchemaDto = { contentType: null, schema: {}, inferred: true };

/**
 * How long an open waits for the schema after the document itself arrived. Both are requested at
 * once and, once main has the folder's schema, land within a few ms of each other: waiting for
 * the schema then costs nothing and spares the form a first render without its widgets, the
 * second render with them (every field's widget swapped) and a second `schema:forItem`. Only a
 * cold schema (main working out the folder's schema on its first request after a scan) misses
 * the grace: the item then shows at once and its form takes the widgets when the schema lands.
 */
export const SCHEMA_GRACE_MS = 120;

/**
 * True when the buffer belongs to another item than the selected one: the selected item is
 * loading, and the previous one's editors stay on screen meanwhile. Its buffer is about to be
 * replaced (the open went ahead because it held no edit), so it takes no edit now: one would be
 * lost without a question.
 */
function isLeaving(state: Pick<FolioState, 'document' | 'selectedPath'>): boolean {
  return state.document !== null && state.document.path !== state.selectedPath;
}

let schemaInFlight: Promise<void> | null = null;

/** A save is on its way (see `save`): a second one waits for its answer. */
let saveInFlight = false;

/** How long a save runs before the UI says so (see `save`). */
export const SAVING_SHOWN_AFTER_MS = 150;

/**
 * An item's schema from main (`schema:forItem`), the fallback when main cannot say. One request
 * at a time: main works out the folder's schema on the first request after a scan (reading
 * `.folio/schema.json`, or inferring one from the index) and caches it, and requests sent
 * meanwhile each did that work again, side by side, on the cores the open item needs. Queued
 * behind the first, they find the cache; with the cache warm each takes about a millisecond, so
 * the queue costs nothing. Asked at once when nothing is in flight.
 */
export function fetchItemSchema(path: string): Promise<ItemSchemaDto> {
  const ask = () => api['schema:forItem'](path).then((r) => (r.ok ? r.value : FALLBACK_ITEM_SCHEMA), () => FALLBACK_ITEM_SCHEMA);
  const request = schemaInFlight === null ? ask() : schemaInFlight.then(ask);
  const settled = request.then(() => undefined);
  schemaInFlight = settled;
  void settled.then(() => {
    if (schemaInFlight === settled) schemaInFlight = null;
  });
  return request;
}

/** True when the buffer differs from the version on disk it is based on. */
export function selectIsDirty(state: Pick<FolioState, 'document' | 'text'>): boolean {
  return state.document !== null && state.text !== null && state.text !== state.document.text;
}

export const createDocumentSlice: StateCreator<FolioState, [], [], DocumentSlice> = (set, get) => {
  const load = async (path: string) => {
    set({ selectedPath: path, documentError: null, editError: null, deletedOnDisk: false, changedOnDisk: false, conflict: null, pendingOpen: null, mergeBaseUnknown: false, mergeSession: null });
    // In parallel, not one after the other: each is a round trip to main.
    const schemaRequest = fetchItemSchema(path).then((value): PrefetchedItemSchema => ({ path, value }));
    const result = await api['document:read'](path);
    // A slower answer for an item the user already left must not replace the newer one.
    if (get().selectedPath !== path) return;
    const schema = await Promise.race([schemaRequest, new Promise<null>((resolve) => setTimeout(() => resolve(null), SCHEMA_GRACE_MS))]);
    if (get().selectedPath !== path) return;
    if (result.ok) set({ document: result.value, text: result.value.text, ...(schema === null ? { itemSchemaLoading: path } : { itemSchema: schema, itemSchemaLoading: null }) });
    else set({ document: null, text: null, documentError: result.error.message, itemSchemaLoading: null });
    if (schema === null && result.ok) {
      void schemaRequest.then((late) => {
        if (get().selectedPath === path) set({ itemSchema: late, itemSchemaLoading: null });
        else if (get().itemSchemaLoading === path) set({ itemSchemaLoading: null });
      });
    }
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
    mergeBaseUnknown: false,
    mergeSession: null,
    itemSchema: null,
    itemSchemaLoading: null,

    openDocument: async (path) => {
      if (path === get().selectedPath) return;
      // Never throw away an edit: ask first (save, discard or cancel).
      if (selectIsDirty(get())) return set({ pendingOpen: path });
      await load(path);
    },

    closeDocument: () => set({ selectedPath: null, document: null, text: null, documentError: null, editError: null, deletedOnDisk: false, changedOnDisk: false, conflict: null, pendingOpen: null, mergeBaseUnknown: false, mergeSession: null }),

    applyEdits: (edits) => {
      const { text, document } = get();
      if (text === null || document === null || document.readOnly || isLeaving(get())) return false;
      // The form read this text's model already; the edit's verifying parse is the next model.
      const outcome = editFrontMatterDocument(frontMatterModelOf(text), edits);
      if (!outcome.ok) {
        set({ editError: outcome.diagnostic.message });
        return false;
      }
      rememberFrontMatterModel(outcome.model);
      set({ text: outcome.value, editError: null });
      return true;
    },

    setBody: (body) => {
      const { text, document } = get();
      if (text === null || document === null || document.readOnly || isLeaving(get())) return;
      set({ text: replaceBody(text, body) });
    },

    setText: (next) => {
      const { document } = get();
      if (document === null || document.readOnly || isLeaving(get())) return;
      set({ text: next });
    },

    save: async () => {
      const { document, text, saving } = get();
      if (document === null || text === null || saving || saveInFlight || document.readOnly || document.hash === null) return false;
      saveInFlight = true;
      // `saving` (the "Saving…" button, disabled buttons) shows once a save is slow enough to see.
      // Most answer within a few ms, and marking each at once re-rendered the document pane and
      // painted a frame that the answer then waited behind, for the row's frame to follow.
      const showSaving = setTimeout(() => set({ saving: true }), SAVING_SHOWN_AFTER_MS);
      const { columns } = get();
      let result: Awaited<ReturnType<(typeof api)['document:save']>>;
      try {
        result = await api['document:save']({ path: document.path, text, baseHash: document.hash, columns });
      } finally {
        clearTimeout(showSaving);
        saveInFlight = false;
      }
      set({ saving: false });
      if (get().document?.path !== document.path) return false;
      if (result.ok) {
        // Main has indexed the saved file by now and sent its row; its sort place and facets
        // follow. No workspace:changed comes for Folio's own save: the watcher drops the echo.
        // The row goes in first, so whatever hears of the saved document finds it in place (React
        // renders both at once).
        if (result.value.written) get().showSavedRow(document.path, result.value.row, columns);
        // The buffer may have moved on while saving; only what was saved becomes the base.
        set({ document: { ...document, text, hash: result.value.hash, size: result.value.size, mtimeMs: result.value.mtimeMs }, conflict: null, changedOnDisk: false, deletedOnDisk: false, mergeBaseUnknown: false });
        // The draft is only dropped once nothing unsaved is left (typing may have gone on meanwhile).
        if (!selectIsDirty(get())) await get().discardDraft(document.path);
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
      await get().discardDraft(path);
      await load(path);
    },

    resolvePendingOpen: async (choice) => {
      const next = get().pendingOpen;
      if (next === null) return;
      if (choice === 'cancel') return set({ pendingOpen: null });
      if (choice === 'save' && !(await get().save())) return set({ pendingOpen: null });
      const left = get().selectedPath;
      if (choice === 'discard' && left !== null) await get().discardDraft(left);
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

    rebase: (disk, mergedText) => {
      const { document } = get();
      if (document === null || document.readOnly) return;
      set({
        document: { ...document, text: disk.text, hash: disk.hash },
        text: mergedText,
        conflict: null,
        changedOnDisk: false,
        deletedOnDisk: disk.hash === null,
        mergeBaseUnknown: false,
        mergeSession: null,
        editError: null,
      });
    },

    restoreDraft: async (draft) => {
      const { selectedPath } = get();
      if (selectIsDirty(get()) && selectedPath !== draft.path) {
        get().showNotice({ level: 'warning', message: `Save or revert ${selectedPath ?? 'the open item'} before restoring another item's unsaved edits.` });
        return;
      }
      set({ selectedPath: draft.path, document: null, text: null, documentError: null, editError: null, deletedOnDisk: false, changedOnDisk: false, conflict: null, pendingOpen: null, mergeBaseUnknown: false, mergeSession: null });
      const result = await api['document:read'](draft.path);
      if (get().selectedPath !== draft.path) return;
      if (result.ok) {
        const disk = result.value;
        if (disk.readOnly !== undefined || disk.hash === null) {
          set({ document: disk, text: disk.text });
          get().showNotice({ level: 'warning', message: `${draft.path} can no longer be edited here (${disk.readOnly ?? 'partly read'}); its draft is kept.` });
          return;
        }
        if (disk.hash === draft.baseHash) return set({ document: disk, text: draft.text });
        // The disk moved on since the draft was taken. Keep the draft's base hash so a plain save
        // is refused as a conflict, and merge: the text the draft started from is not known.
        set({ document: { ...disk, hash: draft.baseHash }, text: draft.text, mergeBaseUnknown: true, conflict: { diskText: disk.text, diskHash: disk.hash } });
        await get().openMerge();
        return;
      }
      if (result.error.code === 'not-found') {
        // Deleted since: the edits come back marked as such; saving recreates only on request.
        const missing: DocumentSnapshot = { path: draft.path, text: '', hash: draft.baseHash, truncated: false, size: 0, mtimeMs: 0 };
        set({ document: missing, text: draft.text, deletedOnDisk: true, mergeBaseUnknown: true, conflict: { diskText: null, diskHash: null } });
        return;
      }
      set({ documentError: result.error.message });
    },

    openMerge: async () => {
      const { document, conflict, mergeBaseUnknown } = get();
      if (document === null) return;
      let disk: DiskVersion;
      if (conflict?.diskText != null) disk = { text: conflict.diskText, hash: conflict.diskHash };
      else {
        const result = await api['document:read'](document.path);
        if (get().document?.path !== document.path) return;
        if (!result.ok) {
          get().showNotice({ level: 'warning', message: `${document.path} cannot be merged: ${result.error.message} Keep yours or save it elsewhere.` });
          return;
        }
        if (result.value.readOnly !== undefined || result.value.hash === null) {
          get().showNotice({ level: 'warning', message: `${document.path} is no longer editable text on disk, so it cannot be merged. Save yours elsewhere.` });
          return;
        }
        disk = { text: result.value.text, hash: result.value.hash };
      }
      set({ mergeSession: { path: document.path, base: mergeBaseUnknown ? null : document.text, disk } });
    },

    closeMerge: () => set({ mergeSession: null }),

    applyMerge: (mergedText) => {
      const session = get().mergeSession;
      if (session === null || get().document?.path !== session.path) return;
      get().rebase(session.disk, mergedText);
    },

    overwriteDisk: async () => {
      const { document, text } = get();
      if (document === null || text === null || document.readOnly) return false;
      const current = await api['document:read'](document.path);
      if (get().document?.path !== document.path) return false;
      let diskHash: string | null;
      if (current.ok) diskHash = current.value.hash;
      else if (current.error.code === 'not-found') diskHash = null;
      else {
        get().showNotice({ level: 'error', message: current.error.message });
        return false;
      }
      if (current.ok && (current.value.readOnly !== undefined || diskHash === null)) {
        get().showNotice({ level: 'error', message: `${document.path} is not editable text on disk any more; save yours elsewhere.` });
        return false;
      }
      if (diskHash === null) {
        // Recreate a deleted file, only because the user asked: a create never overwrites.
        set({ saving: true });
        const created = await api['document:save']({ path: document.path, text, baseHash: null });
        set({ saving: false });
        if (!created.ok) {
          get().showNotice({ level: 'error', message: created.error.message });
          return false;
        }
        set({ document: { ...document, text, hash: created.value.hash, size: created.value.size, mtimeMs: created.value.mtimeMs }, conflict: null, changedOnDisk: false, deletedOnDisk: false, mergeBaseUnknown: false });
        if (!selectIsDirty(get())) await get().discardDraft(document.path);
        return true;
      }
      get().rebase({ text: current.ok ? current.value.text : '', hash: diskHash }, text);
      return get().save();
    },

    saveElsewhere: async (newPath) => {
      const { document, text } = get();
      if (document === null || text === null) return false;
      const result = await api['document:save']({ path: newPath, text, baseHash: null });
      if (!result.ok) {
        get().showNotice({ level: 'error', message: result.error.message });
        return false;
      }
      await get().discardDraft(document.path);
      get().showNotice({ level: 'info', message: `Your version was saved as ${newPath}; ${document.path} is as on disk.` });
      await load(newPath);
      return true;
    },
  };
};
