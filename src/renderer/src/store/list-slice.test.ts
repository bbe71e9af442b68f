import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndexProgressDto, ListQueryRequest, ListSliceRequest } from '../../../shared/contract';

/** A fake index of 1,000 ordered paths answering the list channels by window, recording each call. */
const index = vi.hoisted(() => {
  const all = Array.from({ length: 1000 }, (_, i) => `item-${String(i).padStart(4, '0')}.md`);
  const calls: { channel: string; arg: unknown }[] = [];
  const state = { resultId: 0, progress: { done: 1000, total: 1000, scanning: false } as IndexProgressDto };
  const rowsOf = (paths: readonly string[], columns?: readonly string[]) => (columns ? paths.map((path) => ({ path, title: path, cells: {}, problems: { error: 0, warning: 0, info: 0 } })) : []);
  const api = {
    'list:query': (request: ListQueryRequest) => {
      calls.push({ channel: 'list:query', arg: request });
      const { start, count } = request.window ?? { start: 0, count: 100 };
      const paths = all.slice(start, start + count);
      return Promise.resolve({ ok: true, value: { total: all.length, count: all.length, resultId: ++state.resultId, start, paths, rows: rowsOf(paths, request.columns), progress: state.progress } });
    },
    'list:slice': (request: ListSliceRequest) => {
      calls.push({ channel: 'list:slice', arg: request });
      const paths = all.slice(request.start, request.start + request.count);
      return Promise.resolve({ ok: true, value: { found: request.resultId === state.resultId, start: request.start, paths, rows: rowsOf(paths, request.columns) } });
    },
    'list:rows': (request: { paths: readonly string[]; columns: readonly string[] }) => {
      calls.push({ channel: 'list:rows', arg: request });
      return Promise.resolve({ ok: true, value: rowsOf(request.paths, request.columns) });
    },
    'list:facets': (request: unknown) => {
      calls.push({ channel: 'list:facets', arg: request });
      return Promise.resolve({ ok: true, value: [{ key: 'status', values: [{ value: 'live', count: 1000 }] }] });
    },
  };
  return { all, calls, state, api };
});
vi.mock('../ipc/api', () => ({ api: index.api }));

const { useFolioStore } = await import('./index');
const initial = useFolioStore.getState();
const openDocument = vi.fn(() => Promise.resolve());

beforeEach(() => {
  useFolioStore.setState(initial, true);
  useFolioStore.setState({ openDocument });
  index.calls.length = 0;
  index.state.progress = { done: 1000, total: 1000, scanning: false };
  openDocument.mockClear();
  globalThis.requestAnimationFrame = (callback: FrameRequestCallback) => setTimeout(() => callback(0), 0) as unknown as number;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the list slice holds a window of the result, not every path', () => {
  it('keeps the match count with only the queried window filled, and fetches further windows by index', async () => {
    const store = useFolioStore.getState();
    await store.refreshList();
    const { paths } = useFolioStore.getState();
    expect(paths).toHaveLength(1000);
    expect(paths.filter((p) => p !== undefined).length).toBeLessThan(200);
    expect(store.pathAt(0)).toBe('item-0000.md');
    expect(store.pathAt(600)).toBeUndefined();
    expect(useFolioStore.getState().rows.get('item-0000.md')?.title).toBe('item-0000.md');

    await store.ensureWindow(600, 630);
    const slice = index.calls.find((c) => c.channel === 'list:slice')?.arg as ListSliceRequest;
    expect(slice.resultId).toBe(useFolioStore.getState().resultId);
    expect(slice.start).toBeLessThanOrEqual(600);
    expect(slice.start + slice.count).toBeGreaterThan(630);
    expect(store.pathAt(615)).toBe('item-0615.md');
    expect(store.indexOfPath('item-0615.md')).toBe(615);
    expect(useFolioStore.getState().rows.has('item-0630.md')).toBe(true);

    // The next query asks for the window on screen, with its rows, in one round trip.
    index.calls.length = 0;
    await store.refreshList();
    const query = index.calls.find((c) => c.channel === 'list:query')?.arg as ListQueryRequest;
    expect(query.window?.start).toBeLessThanOrEqual(600);
    expect(query.columns).toEqual(useFolioStore.getState().columns);
    expect(store.pathAt(615)).toBe('item-0615.md');
  });

  it('selects a shift-click range across rows never fetched, and moves the keyboard to an unfetched end', async () => {
    const store = useFolioStore.getState();
    await store.ensureWindow(0, 30); // scrolled to the top
    await store.refreshList();
    store.selectItem('item-0002.md', 'toggle');
    await store.ensureWindow(900, 920);
    store.selectItem('item-0910.md', 'range');
    await vi.waitFor(() => expect(useFolioStore.getState().selection.size).toBe(909));
    expect(useFolioStore.getState().selection.has('item-0500.md')).toBe(true);

    useFolioStore.setState({ selectedPath: 'item-0002.md' });
    store.moveSelection(1000, false);
    await vi.waitFor(() => expect(openDocument).toHaveBeenCalledWith('item-0999.md'));
  });

  it('queries again when a scrolled-to result is gone from the index', async () => {
    const store = useFolioStore.getState();
    await store.refreshList();
    index.state.resultId += 5; // newer queries elsewhere overtook it
    await store.ensureWindow(700, 720);
    await settle();
    expect(index.calls.filter((c) => c.channel === 'list:query')).toHaveLength(2);
  });

  it('fetches facet counts after the list, and only for the newest query', async () => {
    const store = useFolioStore.getState();
    await store.refreshList();
    await store.refreshList();
    expect(index.calls.some((c) => c.channel === 'list:facets')).toBe(false);
    await vi.waitFor(() => expect(useFolioStore.getState().facets).toHaveLength(1));
    expect(index.calls.filter((c) => c.channel === 'list:facets')).toHaveLength(1);
  });

  it('asks for facets once typing pauses, however long it goes on, but at least every second while a scan streams in', async () => {
    vi.useFakeTimers();
    try {
      const store = useFolioStore.getState();
      const facetCalls = () => index.calls.filter((c) => c.channel === 'list:facets').length;
      // 2 s of keystrokes 50 ms apart: no facet pass may land between them.
      for (let i = 0; i < 40; i += 1) {
        await store.refreshList();
        await vi.advanceTimersByTimeAsync(50);
      }
      expect(facetCalls()).toBe(0);
      await vi.advanceTimersByTimeAsync(200);
      expect(facetCalls()).toBe(1);
      // A scan's refreshes never pause: facets still come, about once a second.
      index.state.progress = { done: 500, total: 1000, scanning: true };
      for (let i = 0; i < 40; i += 1) {
        await store.refreshList();
        await vi.advanceTimersByTimeAsync(50);
      }
      expect(facetCalls()).toBeGreaterThanOrEqual(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the end of a scan with the list that includes it, never a partial or empty count', async () => {
    index.state.progress = { done: 0, total: 0, scanning: true };
    const store = useFolioStore.getState();
    await store.refreshList();
    index.state.progress = { done: 1000, total: 1000, scanning: false };
    store.progressChanged(index.state.progress);
    // The event alone does not end the scanning state: the list still holds the early answer.
    expect(useFolioStore.getState().progress.scanning).toBe(true);
    await vi.waitFor(() => expect(useFolioStore.getState().progress.scanning).toBe(false));
    expect(useFolioStore.getState().paths).toHaveLength(1000);
  });
});

describe('a folder-wide validation update refetches the rows on screen without blanking them', () => {
  it('keeps every visible row shown while its new version is fetched, and unchanged rows keep their object', async () => {
    const store = useFolioStore.getState();
    await store.refreshList();
    await store.ensureWindow(0, 20);
    const before = useFolioStore.getState().rows.get('item-0005.md');
    expect(before).toBeDefined();
    const seen: boolean[] = [];
    const unsubscribe = useFolioStore.subscribe((s) => seen.push(s.rows.has('item-0005.md')));
    index.calls.length = 0;
    await store.validationChanged({ counts: { error: 1, warning: 0, info: 0 }, running: false, files: null });
    unsubscribe();
    expect(seen.every(Boolean)).toBe(true);
    expect(index.calls.some((c) => c.channel === 'list:rows')).toBe(true);
    // Same content: the row component sees the same object and does not re-render.
    expect(useFolioStore.getState().rows.get('item-0005.md')).toBe(before);
  });
});

describe('a saved item', () => {
  const row = (title: string) => ({ path: 'item-0003.md', title, cells: { title }, problems: { error: 0, warning: 0, info: 0 } });

  it('shows the row the save answered with at once, and asks the list again only after that frame', async () => {
    const store = useFolioStore.getState();
    await store.refreshList();
    index.calls.length = 0;
    const frames: FrameRequestCallback[] = [];
    globalThis.requestAnimationFrame = (callback: FrameRequestCallback) => frames.push(callback);

    store.showSavedRow('item-0003.md', row('Saved title'), useFolioStore.getState().columns);
    expect(useFolioStore.getState().rows.get('item-0003.md')?.title).toBe('Saved title');
    expect(index.calls).toEqual([]);

    // The sort or a filter may move the item: the list is asked again once the frame is painted.
    for (const frame of frames.splice(0)) frame(0);
    await vi.waitFor(() => expect(index.calls.map((c) => c.channel)).toContain('list:query'));
    expect(index.calls.map((c) => c.channel)).not.toContain('list:rows');
  });

  it('forgets the row when the answer has none for these columns, and asks again', async () => {
    const store = useFolioStore.getState();
    await store.refreshList();
    index.calls.length = 0;
    store.showSavedRow('item-0003.md', null, store.columns);
    expect(useFolioStore.getState().rows.has('item-0003.md')).toBe(false);
    store.showSavedRow('item-0004.md', { ...row('Other columns'), path: 'item-0004.md' }, ['title', 'date']);
    expect(useFolioStore.getState().rows.has('item-0004.md')).toBe(false);
    await vi.waitFor(() => expect(index.calls.map((c) => c.channel)).toContain('list:query'));
  });
});
