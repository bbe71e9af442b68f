// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FolioJsonSchema } from '../../../../shared/domain/schema';

const apiMock = vi.hoisted(() => ({
  'schema:forItem': vi.fn(),
  'document:read': vi.fn(),
  'list:values': vi.fn(),
}));
vi.mock('../../ipc/api', () => ({ api: apiMock }));

const { useFolioStore } = await import('../../store');
const { FrontMatterForm } = await import('./front-matter-form');
const { SCHEMA_GRACE_MS } = await import('../../store/document-slice');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const path = 'news/a.md';
const text = '---\ntitle: A\ndate: 2024-01-02\nextra: x\n---\nBody\n';
const schema: FolioJsonSchema = { type: 'object', properties: { title: { type: 'string' }, date: { type: 'string', format: 'date', 'x-folio-widget': 'date' } } };
const snapshot = { path, text, hash: 'a'.repeat(64), truncated: false, size: text.length, mtimeMs: 0 };

beforeEach(() => {
  apiMock['schema:forItem'].mockResolvedValue({ ok: true, value: { contentType: 'news', schema, inferred: false } });
  apiMock['document:read'].mockResolvedValue({ ok: true, value: snapshot });
  useFolioStore.setState({ selectedPath: null, document: null, text: null, itemSchema: null, itemSchemaLoading: null });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('opening an item', () => {
  it('asks for the document and its schema at once, and the form starts from that schema', async () => {
    let answerRead: (value: unknown) => void = () => undefined;
    apiMock['document:read'].mockReturnValue(new Promise((resolve) => (answerRead = resolve)));
    const opening = useFolioStore.getState().openDocument(path);
    // Both requests are out before either answered.
    expect(apiMock['schema:forItem']).toHaveBeenCalledWith(path);
    expect(apiMock['document:read']).toHaveBeenCalledWith(path);
    answerRead({ ok: true, value: snapshot });
    await act(async () => opening);
    expect(useFolioStore.getState().itemSchema?.value.schema).toEqual(schema);

    render(<FrontMatterForm />);
    // The first render already has the schema's widgets and groups: no second request, every field shown.
    expect(document.querySelector('input[type="date"][data-field-path="date"]')).not.toBeNull();
    expect(document.querySelector('[data-field-path="title"]')).not.toBeNull();
    expect(screen.getByText('Other fields')).toBeTruthy();
    await act(async () => Promise.resolve());
    expect(apiMock['schema:forItem']).toHaveBeenCalledTimes(1);
  });

  it('waits for a schema that missed the grace instead of asking main a second time', async () => {
    let answerSchema: (value: unknown) => void = () => undefined;
    apiMock['schema:forItem'].mockReturnValue(new Promise((resolve) => (answerSchema = resolve)));
    await act(async () => {
      await useFolioStore.getState().openDocument(path);
      await new Promise((resolve) => setTimeout(resolve, SCHEMA_GRACE_MS));
    });
    render(<FrontMatterForm />);
    await act(async () => Promise.resolve());
    expect(screen.getByRole('form', { name: 'Front matter' }).getAttribute('aria-busy')).toBe('true');
    expect(apiMock['schema:forItem']).toHaveBeenCalledTimes(1);

    await act(async () => {
      answerSchema({ ok: true, value: { contentType: 'news', schema, inferred: false } });
      await Promise.resolve();
    });
    expect(document.querySelector('input[type="date"][data-field-path="date"]')).not.toBeNull();
    expect(apiMock['schema:forItem']).toHaveBeenCalledTimes(1);
  });

  it('asks again when the form is mounted a second time for the same item (an edited schema shows)', async () => {
    await act(async () => useFolioStore.getState().openDocument(path));
    const first = render(<FrontMatterForm />);
    first.unmount();
    const changed: FolioJsonSchema = { type: 'object', properties: { title: { type: 'string' }, date: { type: 'string' }, extra: { type: 'string' } } };
    apiMock['schema:forItem'].mockResolvedValue({ ok: true, value: { contentType: 'news', schema: changed, inferred: false } });
    render(<FrontMatterForm />);
    await act(async () => Promise.resolve());
    expect(apiMock['schema:forItem']).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('Other fields')).toBeNull();
  });
});
