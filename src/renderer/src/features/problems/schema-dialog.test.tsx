// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const apiMock = vi.hoisted(() => ({
  'schema:infer': vi.fn(),
  'schema:save': vi.fn(),
}));
vi.mock('../../ipc/api', () => ({ api: apiMock }));

const { SchemaDialog } = await import('./schema-dialog');

const inferredJson = `${JSON.stringify({ 'x-folio-version': 1, types: { post: { match: { glob: '**/*.md' }, schema: { type: 'object' } } } }, null, 2)}\n`;

beforeAll(() => {
  // jsdom has <dialog> without showModal.
  Object.defineProperty(HTMLDialogElement.prototype, 'showModal', {
    configurable: true,
    value(this: HTMLDialogElement) {
      this.open = true;
    },
  });
});

beforeEach(() => {
  apiMock['schema:save'].mockResolvedValue({ ok: true, value: null });
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

async function openDialog(existing: boolean): Promise<HTMLTextAreaElement> {
  apiMock['schema:infer'].mockResolvedValue({ ok: true, value: { json: inferredJson, existing } });
  render(<SchemaDialog onClose={() => undefined} />);
  return screen.findByLabelText<HTMLTextAreaElement>('Schema JSON');
}

describe('SchemaDialog', () => {
  it('saves the schema as the curator edited it, not as inferred', async () => {
    const editor = await openDialog(false);
    expect(editor.value).toBe(inferredJson);
    const edited = inferredJson.replace('"type": "object"', '"type": "object",\n        "required": ["title"]');
    fireEvent.change(editor, { target: { value: edited } });
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      return Promise.resolve();
    });
    expect(apiMock['schema:save']).toHaveBeenCalledWith(edited);
    expect(screen.getByRole('status').textContent).toContain('Saved');
    // Saved text is not offered again until it changes.
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
  });

  it('refuses to save broken JSON or a non-Folio schema, saying why, and can reset', async () => {
    const editor = await openDialog(false);
    fireEvent.change(editor, { target: { value: '{ "x-folio-version": 1, ' } });
    expect(screen.getByText(/not valid JSON/)).toBeTruthy();
    expect(editor.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
    fireEvent.change(editor, { target: { value: '{"x-folio-version": 1, "types": {"post": {}}}' } });
    expect(screen.getByText(/Content type "post" needs "match"/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to inferred' }));
    expect(editor.value).toBe(inferredJson);
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', false);
    expect(apiMock['schema:save']).not.toHaveBeenCalled();
  });

  it('replaces an existing .folio/schema.json only after an explicit confirmation', async () => {
    await openDialog(true);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByLabelText(/Replace the folder's existing/));
    expect(save).toHaveProperty('disabled', false);
    await act(() => {
      fireEvent.click(save);
      return Promise.resolve();
    });
    expect(apiMock['schema:save']).toHaveBeenCalledWith(inferredJson);
  });

  it('shows a save refused by main and keeps the text', async () => {
    apiMock['schema:save'].mockResolvedValue({ ok: false, error: { code: 'conflict', message: 'The schema file changed on disk.' } });
    const editor = await openDialog(false);
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      return Promise.resolve();
    });
    expect(screen.getByRole('alert').textContent).toBe('The schema file changed on disk.');
    expect(editor.value).toBe(inferredJson);
  });
});
