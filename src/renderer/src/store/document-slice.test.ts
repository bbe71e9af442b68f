import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentSnapshot, ItemSchemaDto, SaveResult } from '../../../shared/contract';
import type { Result } from '../../../shared/lib/result';

const apiMock = vi.hoisted(() => ({
  'schema:forItem': vi.fn(),
  'document:read': vi.fn(),
  'document:save': vi.fn(),
  'drafts:discard': vi.fn(),
  'list:query': vi.fn(),
  'list:facets': vi.fn(),
}));
vi.mock('../ipc/api', () => ({ api: apiMock }));

const { useFolioStore } = await import('./index');
const { SAVING_SHOWN_AFTER_MS, SCHEMA_GRACE_MS, fetchItemSchema } = await import('./document-slice');

const hash = 'a'.repeat(64);
function snapshot(path: string): DocumentSnapshot {
  const text = `---\ntitle: ${path}\n---\nBody\n`;
  return { path, text, hash, truncated: false, size: text.length, mtimeMs: 1 };
}
const schema: ItemSchemaDto = { contentType: 'news', schema: { type: 'object', properties: { title: { type: 'string' } } }, inferred: true };

/** A promise the test settles by hand, for answers that arrive late. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  apiMock['document:read'].mockImplementation((path: string) => Promise.resolve({ ok: true, value: snapshot(path) }));
  apiMock['schema:forItem'].mockResolvedValue({ ok: true, value: schema });
  apiMock['drafts:discard'].mockResolvedValue({ ok: true, value: null });
  apiMock['list:query'].mockResolvedValue({ ok: false, error: { code: 'no-workspace', message: 'none' } });
  apiMock['list:facets'].mockResolvedValue({ ok: true, value: [] });
  globalThis.requestAnimationFrame = (callback: FrameRequestCallback) => setTimeout(() => callback(0), 0) as unknown as number;
  useFolioStore.setState({ selectedPath: null, document: null, text: null, itemSchema: null, itemSchemaLoading: null });
});
afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

describe('opening an item', () => {
  it('takes no edit for the previous item while the next one loads, so none is lost to the switch', async () => {
    await useFolioStore.getState().openDocument('news/a.md');
    const read = deferred<Result<DocumentSnapshot>>();
    apiMock['document:read'].mockReturnValueOnce(read.promise);
    const opening = useFolioStore.getState().openDocument('news/b.md');

    // a.md is still the buffer (its editors stay on screen), but b.md is selected.
    expect(useFolioStore.getState().document?.path).toBe('news/a.md');
    expect(useFolioStore.getState().applyEdits([{ kind: 'set', path: ['title'], value: 'lost' }])).toBe(false);
    useFolioStore.getState().setBody('lost body\n');
    useFolioStore.getState().setText('lost text');
    expect(useFolioStore.getState().text).toBe(snapshot('news/a.md').text);

    read.resolve({ ok: true, value: snapshot('news/b.md') });
    await opening;
    expect(useFolioStore.getState().applyEdits([{ kind: 'set', path: ['title'], value: 'kept' }])).toBe(true);
    expect(useFolioStore.getState().text).toContain('title: kept');
  });

  it('shows the item without its schema when the schema misses the grace, and takes the schema when it lands', async () => {
    vi.useFakeTimers();
    const late = deferred<Result<ItemSchemaDto>>();
    apiMock['schema:forItem'].mockReturnValueOnce(late.promise);
    const opening = useFolioStore.getState().openDocument('news/a.md');
    await vi.advanceTimersByTimeAsync(SCHEMA_GRACE_MS);
    await opening;
    expect(useFolioStore.getState().document?.path).toBe('news/a.md');
    expect(useFolioStore.getState().itemSchema).toBeNull();
    // The form waits for this request instead of sending its own.
    expect(useFolioStore.getState().itemSchemaLoading).toBe('news/a.md');

    late.resolve({ ok: true, value: schema });
    await vi.advanceTimersByTimeAsync(0);
    expect(useFolioStore.getState().itemSchema).toEqual({ path: 'news/a.md', value: schema });
    expect(useFolioStore.getState().itemSchemaLoading).toBeNull();
  });
});

describe('fetchItemSchema', () => {
  it('sends one request at a time: the next waits for the answer before it (main infers the folder schema once)', async () => {
    const first = deferred<Result<ItemSchemaDto>>();
    apiMock['schema:forItem'].mockReturnValueOnce(first.promise);
    const a = fetchItemSchema('news/a.md');
    const b = fetchItemSchema('news/b.md');
    await Promise.resolve();
    expect(apiMock['schema:forItem']).toHaveBeenCalledTimes(1);

    first.resolve({ ok: false, error: { code: 'no-workspace', message: 'No folder is open.' } });
    expect(await a).toEqual({ contentType: null, schema: {}, inferred: true });
    expect(await b).toEqual(schema);
    expect(apiMock['schema:forItem']).toHaveBeenLastCalledWith('news/b.md');
    // Nothing in flight any more: asked at once.
    await new Promise((resolve) => setTimeout(resolve, 0));
    void fetchItemSchema('news/c.md');
    expect(apiMock['schema:forItem']).toHaveBeenLastCalledWith('news/c.md');
  });
});

describe('saving', () => {
  const savedHash = 'b'.repeat(64);
  const answer = (title: string): Result<SaveResult> => ({
    ok: true,
    value: { path: 'news/a.md', hash: savedHash, size: 1, mtimeMs: 2, written: true, row: { path: 'news/a.md', title, cells: { title }, problems: { error: 0, warning: 0, info: 0 } } },
  });

  async function openEdited(): Promise<void> {
    await useFolioStore.getState().openDocument('news/a.md');
    useFolioStore.getState().applyEdits([{ kind: 'set', path: ['title'], value: 'Edited' }]);
  }

  it("sends the list's columns and shows the answer's row in the same update as the saved document", async () => {
    await openEdited();
    apiMock['document:save'].mockResolvedValueOnce(answer('Edited'));
    const rowWhenSaved: (string | null | undefined)[] = [];
    const unsubscribe = useFolioStore.subscribe((state, prev) => {
      if (state.document?.hash === savedHash && prev.document?.hash !== savedHash) rowWhenSaved.push(state.rows.get('news/a.md')?.title);
    });
    expect(await useFolioStore.getState().save()).toBe(true);
    unsubscribe();
    expect(apiMock['document:save']).toHaveBeenCalledWith(expect.objectContaining({ path: 'news/a.md', columns: useFolioStore.getState().columns }));
    // One render shows both: the row is in place by the time the document update is delivered.
    expect(rowWhenSaved).toEqual(['Edited']);
  });

  it('marks a save as running only once it is slow enough to see, and never sends a second one meanwhile', async () => {
    await openEdited();
    vi.useFakeTimers();
    const slow = deferred<Result<SaveResult>>();
    apiMock['document:save'].mockReturnValueOnce(slow.promise);
    const saving = useFolioStore.getState().save();
    expect(useFolioStore.getState().saving).toBe(false);
    expect(await useFolioStore.getState().save()).toBe(false);
    expect(apiMock['document:save']).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(SAVING_SHOWN_AFTER_MS);
    expect(useFolioStore.getState().saving).toBe(true);
    slow.resolve(answer('Edited'));
    expect(await saving).toBe(true);
    expect(useFolioStore.getState().saving).toBe(false);
  });
});