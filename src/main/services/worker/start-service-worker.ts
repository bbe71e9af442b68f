import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { WorkerHeapLimit } from './worker-heap-limit';

/**
 * Finds a worker entry beside the calling module: the bundled `name.js` in a build (electron-vite
 * emits it as its own entry), else `name.ts` when running from source under tsx. `from` is the
 * caller's `import.meta.url`.
 */
export function findWorkerEntry(name: string, from: string): URL | null {
  // Built from a variable so bundlers do not try to turn the URL into an asset.
  for (const file of [`${name}.js`, `${name}.ts`]) {
    const url = new URL(`./${file}`, from);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/** True for the error a worker dies with when its heap reaches `resourceLimits`. */
export function isWorkerOutOfMemory(error: unknown): boolean {
  return error instanceof Error && (error as Error & { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * Starts a service worker thread and waits for its `{ type: 'ready' }` message. Resolves with the
 * worker (no listeners left attached) or with the reason it could not start, so the caller can
 * fall back to working in-thread. Given a `WorkerHeapLimit`, a worker whose boot alone outgrows
 * the limit (its modules, or tsx compiling them from source) is started again with the doubled
 * limit, as one that outgrows it later is restarted.
 */
export async function startServiceWorker(entry: URL, limits?: ResourceLimits | WorkerHeapLimit): Promise<Worker | string> {
  for (;;) {
    const started = await startOnce(entry, limits instanceof WorkerHeapLimit ? limits.resourceLimits : limits);
    if (started instanceof Worker) return started;
    if (!started.outOfMemory || !(limits instanceof WorkerHeapLimit) || !limits.grow()) return started.reason;
  }
}

async function startOnce(entry: URL, resourceLimits: ResourceLimits | undefined): Promise<Worker | { readonly reason: string; readonly outOfMemory: boolean }> {
  let worker: Worker;
  try {
    if (entry.pathname.endsWith('.ts')) {
      // tsx's `--import` hooks are not active inside worker threads on Node 20 even though execArgv
      // is inherited, so the worker registers tsx itself before importing the TypeScript entry.
      const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
      const api = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
      const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
      worker = new Worker(boot, { eval: true, ...(resourceLimits === undefined ? {} : { resourceLimits }) });
    } else {
      worker = new Worker(entry, resourceLimits === undefined ? {} : { resourceLimits });
    }
  } catch (error) {
    return { reason: String(error), outOfMemory: false };
  }
  const noop = (): void => undefined;
  const listeners: { message: (m: { type?: unknown }) => void; error: (e: Error) => void; exit: (code: number) => void } = { message: noop, error: noop, exit: noop };
  const ready = await new Promise<true | { reason: string; outOfMemory: boolean }>((resolve) => {
    listeners.message = (m) => resolve(m.type === 'ready' ? true : { reason: `unexpected first message ${String(m.type)}`, outOfMemory: false });
    listeners.error = (error) => resolve({ reason: String(error), outOfMemory: isWorkerOutOfMemory(error) });
    listeners.exit = (code) => resolve({ reason: `exited with code ${code}`, outOfMemory: false });
    worker.on('message', listeners.message).on('error', listeners.error).on('exit', listeners.exit);
  });
  // Only our own listeners: Worker relies on internal 'newListener' hooks that removeAllListeners would break.
  worker.off('message', listeners.message).off('error', listeners.error).off('exit', listeners.exit);
  if (ready !== true) {
    await worker.terminate();
    return ready;
  }
  return worker;
}

/**
 * Starts a replacement for a worker that died (out of memory), with `start`. The owner may have
 * shut down while it started: then the new worker is terminated at once and null is returned.
 */
export async function restartServiceWorker(start: () => Promise<Worker | string>, stopped: () => boolean): Promise<Worker | string | null> {
  const started = await start();
  if (!stopped()) return started;
  if (typeof started !== 'string') await started.terminate();
  return null;
}
