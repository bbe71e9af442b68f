import type { StateCreator } from 'zustand';
import type { DraftDto } from '../../../shared/contract';
import { api } from '../ipc/api';
import { selectIsDirty } from './document-slice';
import type { FolioState } from './index';

/** How long unsaved edits may wait before they are written to the draft store. */
export const DRAFT_INTERVAL_MS = 3_000;

/**
 * Crash recovery in the renderer: unsaved edits go to main's draft store every few seconds, and
 * drafts left by a crash or kill are offered back when a folder opens.
 */
export interface DraftsSlice {
  /** Drafts found when the folder opened, until each is restored or discarded. */
  draftOffers: readonly DraftDto[];
  /** The folder whose drafts were already looked up, so each is offered once per start. */
  draftsCheckedFor: string | null;
  /** Lists the open folder's drafts and offers them (once per folder). */
  checkDrafts: () => Promise<void>;
  /** Writes the buffer's draft now if it has unsaved edits not yet written. */
  flushDraft: () => Promise<void>;
  /** Deletes an item's draft (after a save, a revert or "don't save"). */
  discardDraft: (path: string) => Promise<void>;
  /** Opens the offered draft as the buffer and stops offering it. */
  restoreDraftOffer: (draft: DraftDto) => Promise<void>;
  /** Deletes offered drafts for good. */
  discardDraftOffers: (paths: readonly string[]) => Promise<void>;
  /** Hides the offer; the drafts stay and are offered again next start. */
  dismissDraftOffers: () => void;
}

// Outside the state: timers and bookkeeping are not something components render.
let timer: ReturnType<typeof setTimeout> | null = null;
let lastWritten: { readonly path: string; readonly text: string } | null = null;

export const createDraftsSlice: StateCreator<FolioState, [], [], DraftsSlice> = (set, get) => ({
  draftOffers: [],
  draftsCheckedFor: null,

  checkDrafts: async () => {
    const root = get().workspace?.root ?? null;
    if (root === null || get().draftsCheckedFor === root) return;
    set({ draftsCheckedFor: root });
    const result = await api['drafts:list']();
    if (get().workspace?.root !== root) return;
    if (!result.ok) return get().showNotice({ level: 'warning', message: `Unsaved edits from last time could not be read: ${result.error.message}` });
    // The open buffer's own draft is not "left over": it is this session's.
    const open = get().selectedPath;
    set({ draftOffers: result.value.filter((d) => !(d.path === open && selectIsDirty(get()))) });
  },

  flushDraft: async () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const state = get();
    const { document, text } = state;
    if (document === null || text === null || !selectIsDirty(state) || document.readOnly) return;
    if (lastWritten?.path === document.path && lastWritten.text === text) return;
    lastWritten = { path: document.path, text };
    const result = await api['drafts:put']({ path: document.path, baseHash: document.hash, text });
    if (!result.ok) {
      lastWritten = null;
      get().showNotice({ level: 'warning', message: result.error.message });
    }
  },

  discardDraft: async (path) => {
    if (timer !== null && get().document?.path === path) {
      clearTimeout(timer);
      timer = null;
    }
    if (lastWritten?.path === path) lastWritten = null;
    const result = await api['drafts:discard'](path);
    if (!result.ok) get().showNotice({ level: 'warning', message: result.error.message });
  },

  restoreDraftOffer: async (draft) => {
    set({ draftOffers: get().draftOffers.filter((d) => d.path !== draft.path) });
    await get().restoreDraft(draft);
    // Restored text already has a draft on disk; note it so an identical re-write is skipped.
    if (get().text === draft.text) lastWritten = { path: draft.path, text: draft.text };
  },

  discardDraftOffers: async (paths) => {
    set({ draftOffers: get().draftOffers.filter((d) => !paths.includes(d.path)) });
    for (const path of paths) await get().discardDraft(path);
  },

  dismissDraftOffers: () => set({ draftOffers: [] }),
});

/**
 * Starts writing drafts while the buffer is dirty: the first unsaved edit starts a timer and the
 * buffer as it is when the timer fires is written, so a draft is never more than
 * `DRAFT_INTERVAL_MS` behind however long the typing goes on (a plain debounce would wait for a
 * pause that may never come before a crash). Returns a function that stops it.
 */
export function startDraftAutosave(store: { getState: () => FolioState; subscribe: (listener: (state: FolioState, prev: FolioState) => void) => () => void }): () => void {
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.text === prev.text && state.document === prev.document) return;
    if (!selectIsDirty(state) || timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void store.getState().flushDraft();
    }, DRAFT_INTERVAL_MS);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
