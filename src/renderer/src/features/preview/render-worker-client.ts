import type { RenderedMarkdown } from '../../../../shared/domain/markdown';
import type { RenderRequest, RenderResponse } from './render-request';

/** The part of `Worker` the client uses, so tests can pass a fake. */
export interface RenderWorkerLike {
  postMessage(message: RenderRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RenderResponse>) => void): void;
  terminate(): void;
}

/** Why a worker render produced no result. */
export class RenderTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`Preview rendering took longer than ${ms / 1000} s and was stopped.`);
    this.name = 'RenderTimeoutError';
  }
}

/** Creates the real module worker (Vite bundles `render-worker.ts` from this URL). */
export function createRenderWorker(): RenderWorkerLike {
  return new Worker(new URL('./render-worker.ts', import.meta.url), { type: 'module', name: 'folio-preview' });
}

interface Pending {
  readonly resolve: (result: RenderedMarkdown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Sends render jobs to one worker. markdown-it cannot be interrupted, so the time cut-off is
 * terminating the worker; a fresh one starts on the next job.
 */
export class RenderWorkerClient {
  private worker: RenderWorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly factory: () => RenderWorkerLike = createRenderWorker,
    private readonly timeoutMs = 2000,
  ) {}

  /** Renders `body` in the worker; rejects with RenderTimeoutError after the time budget. */
  render(body: string, allowRemote: boolean): Promise<RenderedMarkdown> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.reset(new RenderTimeoutError(this.timeoutMs));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, body, allowRemote });
    });
  }

  /** Stops the worker and fails anything still waiting. */
  dispose(): void {
    this.reset(new Error('Preview closed.'));
  }

  private ensureWorker(): RenderWorkerLike {
    if (this.worker) return this.worker;
    const worker = this.factory();
    worker.addEventListener('message', (event) => {
      const response = event.data;
      const job = this.pending.get(response.id);
      if (!job) return;
      this.pending.delete(response.id);
      clearTimeout(job.timer);
      if (response.ok) job.resolve(response.result);
      else job.reject(new Error(response.message));
    });
    this.worker = worker;
    return worker;
  }

  private reset(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const job of this.pending.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    this.pending.clear();
  }
}
