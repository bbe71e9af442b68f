// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const apiMock = vi.hoisted(() => ({ 'validation:problems': vi.fn() }));
vi.mock('../../ipc/api', () => ({ api: apiMock }));

const { useFolioStore } = await import('../../store');
const { ProblemsButton } = await import('./problems-panel');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(cleanup);

describe('ProblemsButton', () => {
  it('says the folder is still being checked instead of showing zero problems, then shows its counts', async () => {
    // A window that connects while the folder's validation waits for the scan: main says so.
    apiMock['validation:problems'].mockResolvedValueOnce({
      ok: true,
      value: { problems: [], counts: { error: 0, warning: 0, info: 0 }, files: 0, running: true, codes: [], contentTypes: [] },
    });
    await act(() => useFolioStore.getState().refreshProblemTotals());
    expect(apiMock['validation:problems']).toHaveBeenCalledWith({ limit: 0 });
    render(<ProblemsButton />);
    const button = screen.getByRole('button', { name: /^Problems/ });
    expect(button.textContent).toContain('checking…');
    expect(button.getAttribute('aria-busy')).toBe('true');

    // The run ends: its event carries the totals.
    await act(() => useFolioStore.getState().validationChanged({ counts: { error: 3, warning: 2, info: 0 }, running: false, files: [] }));
    expect(button.textContent).not.toContain('checking');
    expect(button.textContent).toContain('3');
    expect(button.getAttribute('aria-busy')).toBe('false');
  });
});
