/**
 * Preview render worker: markdown-it off the main thread for large bodies, so typing never waits
 * for it and a pathological body can be stopped by terminating the worker.
 */
import { handleRenderRequest } from './render-request';
import type { RenderRequest } from './render-request';

self.addEventListener('message', (event: MessageEvent<RenderRequest>) => {
  self.postMessage(handleRenderRequest(event.data));
});
