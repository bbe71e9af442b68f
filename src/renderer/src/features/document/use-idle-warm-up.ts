import { useEffect } from 'react';
import { useFolioStore } from '../../store';
import { fetchItemSchema } from '../../store/document-slice';
import type { ModuleLoader } from './module-loader';

/** Runs `work` when the page is idle (or after `fallbackMs` without requestIdleCallback); returns a cancel. */
function whenIdle(work: () => void, fallbackMs = 200): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work);
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(work, fallbackMs);
  return () => window.clearTimeout(handle);
}

/** What the warm-up needs from the lazily loaded editor chunk. */
export interface EditorWarmUp {
  prewarmEditor(): void;
}

/**
 * Pays, while the curator is looking at the list, what the first item opened would otherwise pay:
 * the editor chunk and a first Monaco editor (built and rendered once off screen), and the
 * folder's schema in main, which works it out on the first `schema:forItem` after a scan (without
 * a `.folio/schema.json`, by inferring it from the index) and caches it; asked for here once a
 * scan has finished, the first open finds it ready.
 */
export function useIdleWarmUp(editor: ModuleLoader<EditorWarmUp>): void {
  useEffect(() => whenIdle(() => void editor.load().then((m) => m.prewarmEditor())), [editor]);

  // The root while its list is complete: one warm-up per finished scan (a new scan drops main's
  // cached schema).
  const readyRoot = useFolioStore((s) => (s.listLoaded && !s.progress.scanning ? (s.workspace?.root ?? null) : null));
  useEffect(() => {
    if (readyRoot === null) return undefined;
    return whenIdle(() => {
      const { paths, selectedPath } = useFolioStore.getState();
      // Any item will do (the schema is the folder's); one already opened fetched it anyway.
      const sample = selectedPath ?? paths.find((p) => p !== undefined);
      // Through the store's queue: an item opened meanwhile waits for this answer, not a second inference.
      if (sample !== undefined) void fetchItemSchema(sample);
    });
  }, [readyRoot]);
}
