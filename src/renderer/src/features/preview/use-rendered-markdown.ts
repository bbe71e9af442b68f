import { useEffect, useRef, useState } from 'react';
import { renderMarkdown } from '../../../../shared/domain/markdown';
import type { RenderedMarkdown } from '../../../../shared/domain/markdown';
import { RenderWorkerClient } from './render-worker-client';

/**
 * Bodies up to this size render on the main thread. Measured worst case for adversarial input
 * is about 1-2 ms per KB (tables, `[a` runs), so 8 KB stays within one 16 ms frame; the seed's
 * body (0.2 KB) takes about 0.1 ms. Larger bodies go to the worker.
 */
export const SYNC_RENDER_MAX_CHARS = 8 * 1024;

/** Delay after the last keystroke before the preview re-renders. */
export const PREVIEW_DEBOUNCE_MS = 150;

/** The latest rendered body, or why there is none. */
export interface RenderedMarkdownState {
  readonly result: RenderedMarkdown | null;
  readonly error: string | null;
}

/** How long a deferred first render waits at most for the page to be idle. */
export const DEFERRED_FIRST_RENDER_MAX_MS = 150;

/** Runs `work` once the page is idle (at most `timeout` ms from now); returns a cancel. */
function whenIdle(work: () => void, timeout: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(work, 0);
  return () => window.clearTimeout(handle);
}

/**
 * Renders a Markdown body for the preview off the typing path: the first render is immediate (or,
 * with `deferFirst`, as soon as the page is idle: an item opening paints its form and editor
 * first), later ones wait for a pause in typing; large bodies render in a worker (when the
 * platform has workers) with a time cut-off. Results that arrive after a newer body was requested
 * are dropped.
 */
export function useRenderedMarkdown(body: string, allowRemote: boolean, debounceMs = PREVIEW_DEBOUNCE_MS, deferFirst = false): RenderedMarkdownState {
  const [state, setState] = useState<RenderedMarkdownState>({ result: null, error: null });
  const client = useRef<RenderWorkerClient | null>(null);
  const generation = useRef(0);
  const first = useRef(true);

  useEffect(() => {
    const current = ++generation.current;
    const run = (): void => {
      if (body.length <= SYNC_RENDER_MAX_CHARS || typeof Worker === 'undefined') {
        try {
          setState({ result: renderMarkdown(body, { allowRemote }), error: null });
        } catch (error) {
          setState({ result: null, error: error instanceof Error ? error.message : String(error) });
        }
        return;
      }
      client.current ??= new RenderWorkerClient();
      client.current.render(body, allowRemote).then(
        (result) => {
          if (current === generation.current) setState({ result, error: null });
        },
        (error: unknown) => {
          if (current === generation.current) setState({ result: null, error: error instanceof Error ? error.message : String(error) });
        },
      );
    };
    if (first.current) {
      first.current = false;
      if (!deferFirst) {
        run();
        return undefined;
      }
      // Cancelled by a newer body: the effect for that one renders instead (debounced).
      return whenIdle(run, DEFERRED_FIRST_RENDER_MAX_MS);
    }
    const timer = setTimeout(run, debounceMs);
    return () => clearTimeout(timer);
  }, [body, allowRemote, debounceMs, deferFirst]);

  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [],
  );

  return state;
}
