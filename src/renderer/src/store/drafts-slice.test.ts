import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentSnapshot } from '../../../shared/contract';

const hash = 'a'.repeat(64);
const snapshot: DocumentSnapshot = { path: 'news/a.md', text: '---\ntitle: A\n---\nBody\n', hash, truncated: false, size: 20, mtimeMs: 1 };

type Call = { channel: string; args: unknown[] };

/** A fake `window.api` recording calls; each channel answers with what the test sets. */
function fakeApi(calls: Call[], answers: Record<string, unknown>) {
  return new Proxy(
    {},
    {
      get: (_target, channel: string) =>
        (...args: unknown[]) => {
          calls.push({ channel, args });
          return Promise.resolve(answers[channel] ?? { ok: true, value: null });
        },
    },
  );
}

describe('draft autosave', () => {
  let calls: Call[];
  let answers: Record<string, unknown>;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    calls = [];
    answers = { 'document:read': { ok: true, value: snapshot } };
    vi.stubGlobal('window', { api: fakeApi(calls, answers) });
    // A saved item's row is re-queried, and the list marks its paint in the next frame.
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const load = async () => {
    const { useFolioStore } = await import('./index');
    const { startDraftAutosave } = await import('./drafts-slice');
    const stop = startDraftAutosave(useFolioStore);
    useFolioStore.setState({ selectedPath: snapshot.path, document: snapshot, text: snapshot.text });
    return { store: useFolioStore, stop };
  };
  const puts = () => calls.filter((c) => c.channel === 'drafts:put');

  it('writes the buffer at most 3 s after an edit, however long the typing goes on', async () => {
    const { store, stop } = await load();
    store.getState().setText(`${snapshot.text}a`);
    await vi.advanceTimersByTimeAsync(2_000);
    store.getState().setText(`${snapshot.text}ab`);
    expect(puts()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(puts()).toEqual([{ channel: 'drafts:put', args: [{ path: 'news/a.md', baseHash: hash, text: `${snapshot.text}ab` }] }]);
    // Nothing new typed: no second write.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(puts()).toHaveLength(1);
    stop();
  });

  it('drops the draft after a save and after a revert, and cancels a pending write', async () => {
    const { store, stop } = await load();
    answers['document:save'] = { ok: true, value: { path: 'news/a.md', hash: 'b'.repeat(64), size: 21, mtimeMs: 2, written: true } };
    answers['list:query'] = { ok: true, value: { total: 1, count: 1, resultId: 2, start: 0, paths: ['news/a.md'], rows: [], progress: { done: 1, total: 1, scanning: false } } };
    store.getState().setText(`${snapshot.text}x`);
    expect(await store.getState().save()).toBe(true);
    expect(calls.filter((c) => c.channel === 'drafts:discard')).toEqual([{ channel: 'drafts:discard', args: ['news/a.md'] }]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(puts()).toEqual([]);
    // Main indexed the save before answering; the list asks again (after the next frame) for the
    // item's place in it.
    const channels = calls.map((c) => c.channel);
    expect(channels.indexOf('list:query')).toBeGreaterThan(channels.indexOf('document:save'));

    store.getState().setText(`${snapshot.text}y`);
    await store.getState().revert();
    expect(calls.filter((c) => c.channel === 'drafts:discard')).toHaveLength(2);
    expect(store.getState().text).toBe(snapshot.text);
    stop();
  });

  it('restores a draft exactly, and sends a changed disk to the merge instead', async () => {
    const { store, stop } = await load();
    const text = `${snapshot.text}restored \uFEFF\r\n`;
    await store.getState().restoreDraft({ path: 'news/a.md', baseHash: hash, text, savedAt: 1 });
    expect(store.getState().text).toBe(text);
    expect(store.getState().document?.hash).toBe(hash);
    expect(store.getState().mergeSession).toBeNull();

    answers['document:read'] = { ok: true, value: { ...snapshot, text: snapshot.text.replace('A', 'Disk'), hash: 'c'.repeat(64) } };
    await store.getState().restoreDraft({ path: 'news/a.md', baseHash: hash, text, savedAt: 1 });
    const state = store.getState();
    expect(state.text).toBe(text);
    // A plain save would still be checked against the draft's base, so it cannot overwrite.
    expect(state.document?.hash).toBe(hash);
    expect(state.mergeSession).toEqual({ path: 'news/a.md', base: null, disk: { text: snapshot.text.replace('A', 'Disk'), hash: 'c'.repeat(64) } });
    stop();
  });
});
