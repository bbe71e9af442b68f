import { describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../../shared/domain/validation/problem';

const apiMock = vi.hoisted(() => ({ 'validation:problems': vi.fn(), 'list:rows': vi.fn() }));
vi.mock('../ipc/api', () => ({ api: apiMock }));

const { useFolioStore } = await import('./index');

const problem = { file: 'a.md', field: 'title', code: 'required', severity: 'error', message: 'Title is required.', line: 2, column: 1 } as unknown as Problem;

describe('validation updates and the open item', () => {
  it('keeps the open item’s problems array when a folder-wide update leaves them as they were', async () => {
    // A fresh array per answer, as the IPC gives.
    apiMock['validation:problems'].mockImplementation(() => Promise.resolve({ ok: true, value: { problems: [{ ...problem }], counts: { error: 1, warning: 0, info: 0 }, files: 1, running: false, codes: [], contentTypes: [] } }));
    apiMock['list:rows'].mockResolvedValue({ ok: true, value: [] });
    useFolioStore.setState({ selectedPath: 'a.md' });
    await useFolioStore.getState().refreshDocumentProblems('a.md');
    const first = useFolioStore.getState().documentProblems;
    expect(first).toHaveLength(1);
    await useFolioStore.getState().validationChanged({ counts: { error: 1, warning: 0, info: 0 }, running: false, files: null });
    expect(apiMock['validation:problems']).toHaveBeenCalledTimes(2);
    // Same object: the form, the markers and the pane do not re-render for an unchanged list.
    expect(useFolioStore.getState().documentProblems).toBe(first);
  });
});
