// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { diffLines } from 'diff';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrontMatterEdit } from '../../../../shared/domain/frontmatter';
import { sampleNewsItem } from '../../../../shared/domain/frontmatter/test-fixtures/sample-news-item';
import type { FolioJsonSchema } from '../../../../shared/domain/schema';

const apiMock = vi.hoisted(() => ({
  'schema:forItem': vi.fn(),
  'list:values': vi.fn(),
  'document:asset': vi.fn(),
  'shell:openExternal': vi.fn(),
  'document:read': vi.fn(),
}));
vi.mock('../../ipc/api', () => ({ api: apiMock }));

const { useFolioStore } = await import('../../store');
const { FrontMatterForm } = await import('./front-matter-form');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const str = (extra: FolioJsonSchema = {}): FolioJsonSchema => ({ type: 'string', ...extra });
const schema: FolioJsonSchema = {
  type: 'object',
  properties: {
    title: str({ 'x-folio-widget': 'string' }),
    description: str({ 'x-folio-widget': 'text' }),
    date: str({ format: 'date', 'x-folio-widget': 'date' }),
    lastMod: str({ format: 'date-time', 'x-folio-widget': 'datetime' }),
    sub: str({ enum: ['brief', 'feature', 'video'], 'x-folio-widget': 'select' }),
    tags: { type: 'array', items: str(), 'x-folio-widget': 'tags' },
    id: { type: 'integer', 'x-folio-widget': 'number' },
    status: str(),
    subtitle: str({ 'x-folio-label': 'Subtitle' }),
    link: { type: 'object', properties: { brand: str(), href: str({ format: 'uri', 'x-folio-widget': 'url' }) } },
    featuredImage: { type: 'object', properties: { alt: str(), href: str(), valid: { type: 'boolean' } } },
    htmlMetaData: {
      type: 'object',
      properties: {
        author: { type: ['string', 'null'] },
        description: str({ 'x-folio-mirrorOf': 'description' }),
        ogdescription: str({ 'x-folio-mirrorOf': 'description' }),
      },
    },
    openGraphMetaData: { type: 'object', properties: { ogdescription: str({ 'x-folio-mirrorOf': 'description' }), ogtitle: str({ 'x-folio-mirrorOf': 'title' }) } },
    twitterMetaData: { type: 'object', properties: { twitterdescription: str({ 'x-folio-mirrorOf': 'description' }) } },
    relatedOfferings: {
      type: 'array',
      'x-folio-widget': 'list',
      items: { type: 'object', properties: { label: str(), permalink: str({ 'x-folio-widget': 'relation' }), categories: { type: 'array', items: str() }, offeringId: { type: 'integer' } } },
    },
  },
};

const path = 'news/sample.md';
// The real action, captured once: each mount wraps it to record the calls.
const realApplyEdits = useFolioStore.getState().applyEdits;
let calls: FrontMatterEdit[][];

async function mount(text: string = sampleNewsItem, props: Parameters<typeof FrontMatterForm>[0] = {}) {
  calls = [];
  useFolioStore.setState({
    selectedPath: path,
    document: { path, text, hash: 'a'.repeat(64), truncated: false, size: text.length, mtimeMs: 0 },
    text,
    editError: null,
    applyEdits: (edits) => {
      calls.push([...edits]);
      return realApplyEdits(edits);
    },
  });
  const view = render(<FrontMatterForm {...props} />);
  await act(async () => {
    await Promise.resolve();
  });
  return view;
}

const buffer = () => useFolioStore.getState().text ?? '';
const field = (p: string) => {
  const el = document.querySelector<HTMLInputElement>(`[data-field-path="${p.replace(/\\/g, '\\\\')}"]`);
  if (el === null) throw new Error(`no input for ${p}`);
  return el;
};

/** The lines removed and added between two texts. */
function changed(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.removed) removed.push(...lines);
    if (part.added) added.push(...lines);
  }
  // Order-independent: several values may change in one step.
  return { removed: removed.sort(), added: added.sort() };
}

const sorted = (lines: string[]) => [...lines].sort();

beforeEach(() => {
  apiMock['schema:forItem'].mockResolvedValue({ ok: true, value: { contentType: 'curated-content', schema, inferred: true } });
  apiMock['list:values'].mockResolvedValue({ ok: true, value: [{ value: 'Interoperability', count: 4 }] });
  apiMock['document:asset'].mockResolvedValue({ ok: false, error: { code: 'not-found', message: 'missing' } });
  apiMock['shell:openExternal'].mockResolvedValue({ ok: true, value: null });
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('FrontMatterForm widgets', () => {
  it('text: sets only the title and its mirror, in one applyEdits call', async () => {
    await mount();
    fireEvent.change(field('title'), { target: { value: 'A new title' } });
    expect(calls).toEqual([
      [
        { kind: 'set', path: 'title', value: 'A new title' },
        { kind: 'set', path: 'openGraphMetaData.ogtitle', value: 'A new title' },
      ],
    ]);
    expect(changed(sampleNewsItem, buffer())).toEqual({
      removed: sorted(['title: Reminders after the move online', '  ogtitle: Reminders after the move online']),
      added: sorted(['title: A new title', '  ogtitle: A new title']),
    });
  });

  it('long text: a folded description stays folded and every linked mirror follows in the same step', async () => {
    await mount();
    expect(field('description').tagName).toBe('TEXTAREA');
    fireEvent.change(field('description'), { target: { value: 'Short summary.' } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.map((e) => e.path)).toEqual(['description', 'htmlMetaData.description', 'htmlMetaData.ogdescription', 'openGraphMetaData.ogdescription', 'twitterMetaData.twitterdescription']);
    const { added } = changed(sampleNewsItem, buffer());
    expect(added.filter((l) => l.trim() === 'Short summary.')).toHaveLength(5);
    expect(added.filter((l) => l.trim().endsWith('>-'))).toEqual([]);
    expect(buffer()).toContain('description: >-\n  Short summary.\n');
    // Linked mirrors are shown as such and follow instead of being typed into.
    expect(field('openGraphMetaData.ogdescription').readOnly).toBe(true);
  });

  it('unlink: an unlinked mirror stops following its source', async () => {
    await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Unlink openGraphMetaData.ogdescription from description' }));
    fireEvent.change(field('description'), { target: { value: 'Only some mirrors.' } });
    expect(calls[0]?.map((e) => e.path)).not.toContain('openGraphMetaData.ogdescription');
    expect(calls[0]?.map((e) => e.path)).toContain('twitterMetaData.twitterdescription');
    expect(field('openGraphMetaData.ogdescription').readOnly).toBe(false);
    expect(screen.getByRole('button', { name: 'Link openGraphMetaData.ogdescription to description' })).toBeTruthy();
  });

  it('date: keeps a quoted date-only string', async () => {
    await mount();
    expect(field('date').type).toBe('date');
    expect(field('date').value).toBe('2021-10-16');
    fireEvent.change(field('date'), { target: { value: '2022-01-05' } });
    expect(calls).toEqual([[{ kind: 'set', path: 'date', value: '2022-01-05' }]]);
    expect(changed(sampleNewsItem, buffer())).toEqual({ removed: sorted(["date: '2021-10-16'"]), added: sorted(["date: '2022-01-05'"]) });
  });

  it('date-time: keeps the offset and shape as written', async () => {
    const text = sampleNewsItem.replace(/^lastMod: .*$/m, "lastMod: '2021-10-15T12:28:42-04:00'");
    await mount(text);
    expect(field('lastMod').value).toMatch(/^2021-10-15T12:28:42(?:\.000)?$/);
    fireEvent.change(field('lastMod'), { target: { value: '2021-10-15T13:05:00' } });
    expect(changed(text, buffer())).toEqual({ removed: sorted(["lastMod: '2021-10-15T12:28:42-04:00'"]), added: sorted(["lastMod: '2021-10-15T13:05:00-04:00'"]) });
  });

  it('select: offers the enum and writes the chosen value', async () => {
    await mount();
    const select = field('sub') as unknown as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(expect.arrayContaining(['brief', 'feature', 'video']));
    fireEvent.change(select, { target: { value: 'feature' } });
    expect(changed(sampleNewsItem, buffer())).toEqual({ removed: sorted(['sub: brief']), added: sorted(['sub: feature']) });
  });

  it('tags: add is insert-item, remove is remove-item, suggestions come from the folder', async () => {
    await mount();
    const group = screen.getByRole('group', { name: 'tags' });
    const input = within(group).getByLabelText('Add to tags', { selector: 'input' });
    fireEvent.focus(input);
    await act(async () => {
      await Promise.resolve();
    });
    expect(apiMock['list:values']).toHaveBeenCalledWith({ key: 'tags', prefix: '' });
    fireEvent.change(input, { target: { value: 'Portals' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(calls[0]).toEqual([{ kind: 'insert-item', path: 'tags', index: 1, value: 'Portals' }]);
    expect(changed(sampleNewsItem, buffer())).toEqual({ removed: sorted([]), added: sorted(['  - Portals']) });
    fireEvent.click(within(group).getByRole('button', { name: 'Remove News from tags' }));
    expect(calls[1]).toEqual([{ kind: 'remove-item', path: 'tags', index: 0 }]);
    expect(changed(sampleNewsItem, buffer())).toEqual({ removed: sorted(['  - News']), added: sorted(['  - Portals']) });
  });

  it('number and boolean: write a number and a boolean in place', async () => {
    await mount();
    fireEvent.change(field('id'), { target: { value: '4243' } });
    fireEvent.click(field('featuredImage.valid'));
    expect(calls).toEqual([[{ kind: 'set', path: 'id', value: 4243 }], [{ kind: 'set', path: 'featuredImage.valid', value: false }]]);
    expect(changed(sampleNewsItem, buffer())).toEqual({ removed: sorted(['id: 4242', '  valid: true']), added: sorted(['id: 4243', '  valid: false']) });
  });

  it('nested object: edits link.brand in its group', async () => {
    await mount();
    const group = screen.getByRole('group', { name: 'link' });
    fireEvent.change(within(group).getByLabelText('brand'), { target: { value: 'brand.example.org' } });
    expect(changed(sampleNewsItem, buffer())).toEqual({ removed: sorted(['  brand: news.example.org']), added: sorted(['  brand: brand.example.org']) });
  });

  it('null and empty stay distinct', async () => {
    await mount();
    const author = field('htmlMetaData.author');
    expect(author.value).toBe('');
    expect(author.placeholder).toBe('null');
    fireEvent.click(screen.getByRole('button', { name: 'Clear author to empty' }));
    expect(buffer()).toContain("  author: ''\n");
    fireEvent.click(screen.getByRole('button', { name: 'Set author to null' }));
    expect(buffer()).toBe(sampleNewsItem);
    // A field whose value is '' shows empty, not null.
    expect(field('status').placeholder).toBe('');
  });

  it('url: validates and opens through the shell channel', async () => {
    await mount();
    const href = field('link.href');
    expect(href.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Open https:/ }));
    expect(apiMock['shell:openExternal']).toHaveBeenCalledWith(href.value);
    fireEvent.change(href, { target: { value: 'not a url' } });
    expect(field('link.href').getAttribute('aria-invalid')).toBe('true');
  });

  it('image: asks main for a local preview relative to the item', async () => {
    await mount();
    await act(async () => {
      await Promise.resolve();
    });
    expect(apiMock['document:asset']).toHaveBeenCalledWith('news/0f0e0d0c-1111-4222-8333-944455556666-featuredImage.jpeg');
  });

  it('unknown keys are kept and shown under Other fields, editable by their written type', async () => {
    await mount();
    const other = screen.getByRole('group', { name: 'Other fields' });
    const mastHead = within(other).getByLabelText('mastHead');
    fireEvent.change(mastHead, { target: { value: 'BRIEFS' } });
    expect(changed(sampleNewsItem, buffer())).toEqual({ removed: sorted(['mastHead: NEWS']), added: sorted(['mastHead: BRIEFS']) });
    expect(screen.getByRole('button', { name: 'Add subtitle' })).toBeTruthy();
  });

  it('cards: move, keyboard move, duplicate, remove and add are single list edits', async () => {
    await mount();
    const list = document.querySelector<HTMLElement>('[data-row-path="relatedOfferings"]') as HTMLElement;
    fireEvent.click(within(list).getByRole('button', { name: 'Move relatedOfferings 1: Reminder Scheduler down' }));
    expect(calls[0]).toEqual([{ kind: 'move-item', path: 'relatedOfferings', from: 0, to: 1 }]);
    expect(useFolioStore.getState().text).toMatch(/relatedOfferings:\n {2}- label: Paperless Statements/);
    const card = document.querySelector<HTMLElement>('[data-card-index="1"]');
    card?.focus();
    fireEvent.keyDown(card as HTMLElement, { key: 'ArrowUp', altKey: true });
    expect(calls[1]).toEqual([{ kind: 'move-item', path: 'relatedOfferings', from: 1, to: 0 }]);
    expect(buffer()).toBe(sampleNewsItem);
    expect(document.activeElement?.getAttribute('data-card-index')).toBe('0');
    fireEvent.click(within(list).getByRole('button', { name: 'Duplicate relatedOfferings 1: Reminder Scheduler' }));
    expect(calls[2]?.[0]).toMatchObject({ kind: 'insert-item', path: 'relatedOfferings', index: 1 });
    fireEvent.click(within(list).getByRole('button', { name: 'Remove relatedOfferings 2: Reminder Scheduler' }));
    expect(buffer()).toBe(sampleNewsItem);
    fireEvent.click(within(list).getByRole('button', { name: 'Add relatedOfferings item' }));
    const last = calls[calls.length - 1]?.[0];
    expect(last).toMatchObject({ kind: 'insert-item', path: 'relatedOfferings', value: { label: '', permalink: '', categories: [], offeringId: null } });
    expect(changed(sampleNewsItem, buffer()).removed).toEqual([]);
  });

  it('shows problems under their field', async () => {
    await mount(sampleNewsItem, { problems: [{ field: 'title', severity: 'error', message: 'Title is too long.' }] });
    const title = field('title');
    const describedBy = title.getAttribute('aria-describedby');
    expect(describedBy).not.toBeNull();
    expect(document.getElementById(describedBy ?? '')?.textContent).toContain('Title is too long.');
  });

  it('moves problems with each new list from validation: shown under their new field, gone from the old one', async () => {
    const view = await mount(sampleNewsItem, { problems: [{ field: 'title', severity: 'error', message: 'Title is too long.' }] });
    view.rerender(<FrontMatterForm problems={[{ field: 'date', severity: 'warning', message: 'Date is in the future.' }]} />);
    expect(field('title').getAttribute('aria-describedby')).toBeNull();
    expect(document.getElementById(field('date').getAttribute('aria-describedby') ?? '')?.textContent).toContain('Date is in the future.');
    expect(screen.queryByText('Title is too long.')).toBeNull();
  });

  it('stays mounted for the next item: its values show, and no widget carries a half-typed value over', async () => {
    await mount();
    const tags = within(screen.getByRole('group', { name: 'tags' })).getByLabelText<HTMLInputElement>('Add to tags', { selector: 'input' });
    fireEvent.change(tags, { target: { value: 'Half-typ' } });
    const nextPath = 'news/next.md';
    const nextText = sampleNewsItem.replace(/^title: .*$/m, 'title: The next item');
    await act(async () => {
      useFolioStore.setState({ selectedPath: nextPath, document: { path: nextPath, text: nextText, hash: 'b'.repeat(64), truncated: false, size: nextText.length, mtimeMs: 0 }, text: nextText });
      await Promise.resolve();
    });
    expect(screen.getByRole('form', { name: 'Front matter' }).getAttribute('data-item-path')).toBe(nextPath);
    expect(field('title').value).toBe('The next item');
    expect(within(screen.getByRole('group', { name: 'tags' })).getByLabelText('Add to tags', { selector: 'input' })).toBe(tags);
    expect(tags.value).toBe('');
  });

  it('keeps a field’s widget (and its focus) while typing carries the value past the long-text length', async () => {
    const title = 'A title of seventy-eight characters, two short of the long-text line'.padEnd(78, '.');
    await mount(sampleNewsItem.replace('title: Reminders after the move online', `title: ${title}`));
    const input = field('title');
    expect(input.tagName).toBe('INPUT');
    input.focus();
    for (const typed of [`${title} s`, `${title} sa`, `${title} sav`, `${title} save`]) fireEvent.change(field('title'), { target: { value: typed } });
    // The same element, still focused: a textarea swapped in would have dropped the next keystrokes.
    expect(field('title')).toBe(input);
    expect(document.activeElement).toBe(input);
    expect(buffer()).toContain(`title: ${title} save\n`);
    // The next item chooses afresh from its own value.
    const nextPath = 'news/next.md';
    const nextText = sampleNewsItem.replace(/^title: .*$/m, `title: ${title} and far more words than eighty`);
    await act(async () => {
      useFolioStore.setState({ selectedPath: nextPath, document: { path: nextPath, text: nextText, hash: 'b'.repeat(64), truncated: false, size: nextText.length, mtimeMs: 0 }, text: nextText });
      await Promise.resolve();
    });
    expect(field('title').tagName).toBe('TEXTAREA');
  });

  it('is busy until the item’s schema is known, since its widgets come from it', async () => {
    let answer: (value: unknown) => void = () => undefined;
    apiMock['schema:forItem'].mockReturnValue(new Promise((resolve) => (answer = resolve)));
    await mount();
    const form = screen.getByRole('form', { name: 'Front matter' });
    expect(form.getAttribute('aria-busy')).toBe('true');
    await act(async () => {
      answer({ ok: true, value: { contentType: 'curated-content', schema, inferred: true } });
      await Promise.resolve();
    });
    expect(form.getAttribute('aria-busy')).toBe('false');
  });

  it('is read-only with a pointer to the Raw YAML tab when the YAML is broken', async () => {
    const broken = sampleNewsItem.replace("title: Reminders after the move online", "title: 'unclosed");
    await mount(broken);
    expect(screen.getByRole('status').textContent).toMatch(/Raw YAML/);
    expect(field('date').closest('fieldset:disabled')).not.toBeNull();
  });
});
