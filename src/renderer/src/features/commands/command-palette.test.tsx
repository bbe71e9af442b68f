// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentSnapshot } from '../../../../shared/contract';

const apiMock = vi.hoisted(() => ({
  'document:read': vi.fn(),
  // Opening an item asks for its schema alongside the document.
  'schema:forItem': vi.fn(() => Promise.resolve({ ok: true, value: { contentType: null, schema: {}, inferred: true } })),
  'document:save': vi.fn(),
  'drafts:discard': vi.fn(),
}));
vi.mock('../../ipc/api', () => ({ api: apiMock }));

const { useFolioStore } = await import('../../store');
const { CommandPalette } = await import('./command-palette');
const { useCommandKeys } = await import('./use-command-keys');
const { appCommands } = await import('./app-commands');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const text = '---\ntitle: One\n---\nBody\n';
const snapshot = (path: string, body = text): DocumentSnapshot => ({ path, text: body, hash: `hash-${path}`, truncated: false, size: body.length, mtimeMs: 1 });
const initial = useFolioStore.getState();

/** The app as far as commands go: a button that had the focus, the keys, and the palette when open. */
function Harness() {
  useCommandKeys();
  const dialog = useFolioStore((s) => s.dialog);
  const closeDialog = useFolioStore((s) => s.closeDialog);
  return (
    <>
      <button type="button">before</button>
      <input aria-label="a field" />
      <div className="monaco-editor" tabIndex={0} aria-label="editor" />
      {dialog?.kind === 'commands' && <CommandPalette onClose={closeDialog} />}
    </>
  );
}

function openItem(path: string, body = text): void {
  useFolioStore.setState({ selectedPath: path, document: snapshot(path, body), text: body });
}

const input = () => screen.getByRole('combobox', { name: 'Command' });
const option = (id: string) => document.querySelector(`[role="option"][data-command="${id}"]`);
const activeOption = () => document.getElementById(input().getAttribute('aria-activedescendant') ?? '');

beforeEach(() => {
  useFolioStore.setState(initial, true);
  useFolioStore.setState({ workspace: { root: '/tmp/site', name: 'site' }, paths: ['a.md', 'b.md', 'c.md'], frontMatterTab: 'form' });
  apiMock['document:read'].mockImplementation((path: string) => Promise.resolve({ ok: true, value: snapshot(path) }));
  apiMock['document:save'].mockResolvedValue({ ok: true, value: { path: 'a.md', hash: 'h2', size: 1, mtimeMs: 2 } });
  apiMock['drafts:discard'].mockResolvedValue({ ok: true, value: undefined });
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('command palette', () => {
  it('opens with Ctrl+Shift+P as an accessible dialog listing every visible command with its shortcut', () => {
    render(<Harness />);
    fireEvent.keyDown(document.body, { key: 'P', ctrlKey: true, shiftKey: true });
    expect(screen.getByRole('dialog', { name: 'Command palette' })).toBeTruthy();
    expect(document.activeElement).toBe(input());
    const listed = screen.getAllByRole('option').map((o) => o.getAttribute('data-command'));
    expect(listed).toEqual(appCommands.filter((c) => !c.hidden).map((c) => c.id));
    expect(option('palette.quickOpen')?.querySelector('kbd')?.textContent).toBe('Ctrl+P');
    expect(option('list.nextItem')?.querySelector('kbd')?.textContent).toBe('Alt+↓');
    expect(input().getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]?.id);
  });

  it('filters fuzzily by title, best match first, and marks the matched letters', () => {
    useFolioStore.setState({ dialog: { kind: 'commands' } });
    render(<Harness />);
    fireEvent.change(input(), { target: { value: 'raw yaml' } });
    const first = screen.getAllByRole('option')[0];
    expect(first?.getAttribute('data-command')).toBe('document.showRawYaml');
    expect([...(first?.querySelectorAll('mark') ?? [])].map((m) => m.textContent).join('')).toBe('raw YAML');
    fireEvent.change(input(), { target: { value: 'nxtitm' } });
    expect(screen.getAllByRole('option')[0]?.getAttribute('data-command')).toBe('list.nextItem');
    fireEvent.change(input(), { target: { value: 'zzzz' } });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('No command matches.')).toBeTruthy();
  });

  it('shows disabled commands with the reason and does not run them', () => {
    useFolioStore.setState({ dialog: { kind: 'commands' } });
    render(<Harness />);
    fireEvent.change(input(), { target: { value: 'save' } });
    const save = option('document.save');
    expect(save?.getAttribute('aria-disabled')).toBe('true');
    expect(save?.textContent).toContain('No item is open.');
    expect(activeOption()).toBe(save);
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(useFolioStore.getState().dialog).toEqual({ kind: 'commands' });
    expect(apiMock['document:save']).not.toHaveBeenCalled();
  });

  it('moves with Up/Down (wrapping), runs with Enter, closes and gives the focus back', () => {
    openItem('a.md');
    render(<Harness />);
    const before = screen.getByRole('button', { name: 'before' });
    before.focus();
    fireEvent.keyDown(before, { key: 'p', ctrlKey: true, shiftKey: true });
    fireEvent.change(input(), { target: { value: 'front matter' } });
    // Form is already shown (disabled), raw YAML is the other match.
    const ids = screen.getAllByRole('option').map((o) => o.getAttribute('data-command'));
    expect(ids.slice(0, 2).sort()).toEqual(['document.showForm', 'document.showRawYaml']);
    fireEvent.keyDown(input(), { key: 'ArrowUp' });
    expect(activeOption()).toBe(screen.getAllByRole('option').at(-1));
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(activeOption()).toBe(screen.getAllByRole('option')[0]);
    while (activeOption()?.getAttribute('data-command') !== 'document.showRawYaml') fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(useFolioStore.getState().frontMatterTab).toBe('raw');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(before);
  });

  it('Escape closes without running anything and restores the focus', () => {
    render(<Harness />);
    const field = screen.getByRole('textbox', { name: 'a field' });
    field.focus();
    fireEvent.keyDown(field, { key: 'P', ctrlKey: true, shiftKey: true });
    expect(document.activeElement).toBe(input());
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(useFolioStore.getState().dialog).toBeNull();
    expect(document.activeElement).toBe(field);
  });

  it('runs Save from the palette on a dirty item (the same command as Ctrl+S)', async () => {
    openItem('a.md');
    useFolioStore.setState({ text: `${text}more\n`, dialog: { kind: 'commands' } });
    render(<Harness />);
    fireEvent.change(input(), { target: { value: 'save' } });
    expect(option('document.save')?.getAttribute('aria-disabled')).toBeNull();
    await act(async () => {
      fireEvent.keyDown(input(), { key: 'Enter' });
      await Promise.resolve();
    });
    expect(apiMock['document:save']).toHaveBeenCalledWith({ path: 'a.md', text: `${text}more\n`, baseHash: 'hash-a.md', columns: useFolioStore.getState().columns });
  });
});

describe('keyboard shortcuts through the registry', () => {
  it('Ctrl+S saves a dirty item even from inside the editor, and is swallowed when there is nothing to save', () => {
    openItem('a.md');
    render(<Harness />);
    const editor = screen.getByLabelText('editor');
    expect(fireEvent.keyDown(editor, { key: 's', ctrlKey: true })).toBe(false);
    expect(apiMock['document:save']).not.toHaveBeenCalled();
    useFolioStore.setState({ text: `${text}x` });
    fireEvent.keyDown(editor, { key: 's', metaKey: true });
    expect(apiMock['document:save']).toHaveBeenCalledTimes(1);
  });

  it('Alt+Down/Up open the next and previous item, except inside the editor (Monaco moves lines there)', async () => {
    openItem('a.md');
    render(<Harness />);
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'ArrowDown', altKey: true });
      await Promise.resolve();
    });
    expect(useFolioStore.getState().selectedPath).toBe('b.md');
    await act(async () => {
      fireEvent.keyDown(screen.getByLabelText('editor'), { key: 'ArrowDown', altKey: true });
      await Promise.resolve();
    });
    expect(useFolioStore.getState().selectedPath).toBe('b.md');
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'ArrowUp', altKey: true });
      await Promise.resolve();
    });
    expect(useFolioStore.getState().selectedPath).toBe('a.md');
  });

  it('F2 opens rename outside text fields only, and explains why not while the item has unsaved edits', () => {
    openItem('a.md');
    render(<Harness />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'a field' }), { key: 'F2' });
    expect(useFolioStore.getState().dialog).toBeNull();
    fireEvent.keyDown(document.body, { key: 'F2' });
    expect(useFolioStore.getState().dialog).toEqual({ kind: 'rename', path: 'a.md' });
    act(() => useFolioStore.setState({ dialog: null, text: `${text}x` }));
    fireEvent.keyDown(document.body, { key: 'F2' });
    expect(useFolioStore.getState().dialog).toBeNull();
    expect(useFolioStore.getState().notice?.message).toBe('Save or revert the open item before renaming it.');
  });

  it('"Go to the Problems panel" opens the panel and moves the focus to its first problem', async () => {
    const problem = document.createElement('button');
    problem.className = 'problem-open';
    const panel = document.createElement('section');
    panel.className = 'problems-panel';
    panel.append(problem);
    document.body.append(panel);
    useFolioStore.setState({ dialog: { kind: 'commands' }, refreshProblems: () => Promise.resolve() });
    render(<Harness />);
    fireEvent.change(input(), { target: { value: 'go to problems' } });
    await act(async () => {
      fireEvent.keyDown(input(), { key: 'Enter' });
      await new Promise((r) => requestAnimationFrame(r));
    });
    expect(useFolioStore.getState().problemsPanelOpen).toBe(true);
    expect(document.activeElement).toBe(problem);
    panel.remove();
  });

  it('a key a focused widget already handled is left alone', () => {
    openItem('a.md');
    render(<Harness />);
    const card = screen.getByRole('button', { name: 'before' });
    card.addEventListener('keydown', (e) => e.preventDefault());
    fireEvent.keyDown(card, { key: 'ArrowDown', altKey: true });
    expect(useFolioStore.getState().selectedPath).toBe('a.md');
  });
});
