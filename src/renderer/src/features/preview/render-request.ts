import { renderMarkdown } from '../../../../shared/domain/markdown';
import type { RenderedMarkdown } from '../../../../shared/domain/markdown';

/** A render job sent to the preview worker. */
export interface RenderRequest {
  readonly id: number;
  readonly body: string;
  readonly allowRemote: boolean;
}

/** The worker's answer; errors come back as values so one bad body never kills the worker. */
export type RenderResponse =
  | { readonly id: number; readonly ok: true; readonly result: RenderedMarkdown }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** Runs one render job; shared by the worker and by tests. */
export function handleRenderRequest(request: RenderRequest): RenderResponse {
  try {
    // resolveLocal is a function and cannot cross into a worker: the sanitiser applies it.
    return { id: request.id, ok: true, result: renderMarkdown(request.body, { allowRemote: request.allowRemote }) };
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
