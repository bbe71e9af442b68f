// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../../../shared/domain/validation/problem';

const apiMock = vi.hoisted(() => ({ 'validation:problems': vi.fn() }));
vi.mock('../../ipc/api', () => ({ api: apiMock }));

const { useFolioStore } = await import('../../store');
const { useDocumentProblems } = await import('./use-document-problems');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const problems: Problem[] = [
  { file: 'a.md', severity: 'warning', code: 'dangling-relation', message: 'no such item', line: 3, column: 3, field: 'related' },
  { file: 'a.md', severity: 'warning', code: 'broken-link', message: 'broken', line: 6, column: 1 },
];

afterEach(cleanup);

describe('useDocumentProblems', () => {
  it('keeps the same arrays while typing leaves the lines in place, so the form does not re-render every field', () => {
    apiMock['validation:problems'].mockReturnValue(new Promise(() => undefined));
    act(() => useFolioStore.setState({ selectedPath: 'a.md', documentProblemsPath: 'a.md', documentProblems: problems, text: '---\ntitle: A\nrelated: x\n---\n\n[l](nope.md)\n' }));
    const { result } = renderHook(() => useDocumentProblems());
    const first = result.current;
    expect(first.formProblems).toEqual([{ field: 'related', severity: 'warning', message: 'no such item' }]);
    expect(first.yamlMarkers.map((m) => m.line)).toEqual([2]);
    expect(first.bodyMarkers?.map((m) => m.line)).toEqual([2]);

    act(() => useFolioStore.setState({ text: '---\ntitle: AB\nrelated: x\n---\n\n[l](nope.md)\n' }));
    expect(result.current.formProblems).toBe(first.formProblems);
    expect(result.current).toBe(first);

    // A new line before the body moves the body's markers.
    act(() => useFolioStore.setState({ text: '---\ntitle: AB\nextra: 1\nrelated: x\n---\n\n[l](nope.md)\n' }));
    expect(result.current).not.toBe(first);
    expect(result.current.bodyMarkers?.map((m) => m.line)).toEqual([1]);
  });
});
