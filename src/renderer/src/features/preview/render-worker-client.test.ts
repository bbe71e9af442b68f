import { describe, expect, it, vi } from 'vitest';
import { handleRenderRequest } from './render-request';
import type { RenderRequest, RenderResponse } from './render-request';
import { RenderTimeoutError, RenderWorkerClient } from './render-worker-client';
import type { RenderWorkerLike } from './render-worker-client';

function fakeWorker(respond: boolean): RenderWorkerLike & { terminated: boolean } {
  let listener: ((event: MessageEvent<RenderResponse>) => void) | null = null;
  return {
    terminated: false,
    addEventListener(_type, next) {
      listener = next;
    },
    postMessage(message: RenderRequest) {
      if (respond) queueMicrotask(() => listener?.({ data: handleRenderRequest(message) } as MessageEvent<RenderResponse>));
    },
    terminate() {
      this.terminated = true;
    },
  };
}

describe('RenderWorkerClient', () => {
  it('returns the worker render', async () => {
    const client = new RenderWorkerClient(() => fakeWorker(true));
    const result = await client.render('# Hi', false);
    expect(result.html).toContain('<h1 data-source-line="1" id="hi">Hi</h1>');
  });

  it('terminates a worker that exceeds the time budget and starts a fresh one next time', async () => {
    vi.useFakeTimers();
    const workers = [fakeWorker(false), fakeWorker(true)];
    let made = 0;
    const client = new RenderWorkerClient(() => workers[made++]!, 500);
    const slow = client.render('x', false);
    const assertion = expect(slow).rejects.toBeInstanceOf(RenderTimeoutError);
    vi.advanceTimersByTime(600);
    await assertion;
    expect(workers[0]!.terminated).toBe(true);
    vi.useRealTimers();
    await expect(client.render('ok', false)).resolves.toMatchObject({ truncated: false });
    expect(made).toBe(2);
  });
});
