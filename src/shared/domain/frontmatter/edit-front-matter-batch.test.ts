import { describe, expect, it, vi } from 'vitest';
import type { PlainValue } from './render-scalar';
import { sampleNewsItem } from './test-fixtures/sample-news-item';

// Counts parses: a batch of a field and its mirrors must verify with one parse, not one per edit.
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('./front-matter-document', async (importOriginal) => {
  const original = await importOriginal<typeof import('./front-matter-document')>();
  return {
    ...original,
    parseFrontMatterDocument: (...args: Parameters<typeof original.parseFrontMatterDocument>) => {
      parses.count += 1;
      return original.parseFrontMatterDocument(...args);
    },
  };
});

const { editFrontMatterDocument } = await import('./edit-front-matter');
const { parseFrontMatterDocument } = await import('./front-matter-document');
type FrontMatterEdit = import('./edit-front-matter').FrontMatterEdit;

/** The edits applied one call at a time: the reference the batch must match byte for byte. */
function oneByOne(text: string, edits: readonly FrontMatterEdit[]): string {
  let model = parseFrontMatterDocument(text);
  for (const edit of edits) {
    const outcome = editFrontMatterDocument(model, edit);
    if (!outcome.ok) throw new Error(`${outcome.diagnostic.code}: ${outcome.diagnostic.message}`);
    model = outcome.model;
  }
  return model.text;
}

/**
 * Applies `edits` as one batch and checks it took one parse, wrote what one-by-one edits write, and
 * handed back the new text's model with every value read back; returns that model.
 */
function editedWithOneParse(source: string, edits: readonly FrontMatterEdit[]): ReturnType<typeof parseFrontMatterDocument> {
  const model = parseFrontMatterDocument(source);
  parses.count = 0;
  const outcome = editFrontMatterDocument(model, edits);
  expect(parses.count).toBe(1);
  if (!outcome.ok) throw new Error(`${outcome.diagnostic.code}: ${outcome.diagnostic.message}`);
  expect(outcome.value).toBe(oneByOne(source, edits));
  expect(outcome.model.text).toBe(outcome.value);
  for (const edit of edits) if (edit.kind === 'set') expect(outcome.model.getValue(edit.path)).toEqual(edit.value);
  return outcome.model;
}

const mirrors = ['title', 'openGraphMetaData.ogtitle', 'twitterMetaData.twittertitle', 'htmlMetaData.ogtitle'];

describe('editFrontMatterDocument: a batch of scalar sets', () => {
  it('verifies a field and its three mirrors with one parse, writing what one-by-one edits write', () => {
    const model = parseFrontMatterDocument(sampleNewsItem);
    for (const path of mirrors) expect(model.getField(path)).toBeDefined();
    const edits = mirrors.map((path): FrontMatterEdit => ({ kind: 'set', path, value: 'Reminders after the move online, typed' }));
    const edited = editedWithOneParse(sampleNewsItem, edits);
    for (const path of mirrors) expect(edited.getValue(path)).toBe('Reminders after the move online, typed');
  });

  it('matches one-by-one edits when every scalar of the seed changes at once, whatever the style', () => {
    const model = parseFrontMatterDocument(sampleNewsItem);
    const scalars = model.fields.filter((f) => f.type !== 'map' && f.type !== 'seq');
    expect(scalars.length).toBeGreaterThan(40);
    // Values that keep a style, force quoting, need a block, or change the type.
    const values: PlainValue[] = ['plain text', 'needs: quoting', "it's # not a comment", 'two\nlines', 42, true, null, '', '2024-02-30', ' padded '];
    const edits = scalars.map((f, i): FrontMatterEdit => ({ kind: 'set', path: f.path, value: values[i % values.length] as PlainValue }));
    editedWithOneParse(sampleNewsItem, edits);
  });

  it('falls back to one edit at a time for batches whose edits depend on each other, with the same result', () => {
    const source = '---\ntitle: Old\nseo:\n  title: Old\ntags: [a, b]\n---\nBody\n';
    const model = parseFrontMatterDocument(source);
    const batches: FrontMatterEdit[][] = [
      // The same field twice: the last one wins.
      [
        { kind: 'set', path: 'title', value: 'First' },
        { kind: 'set', path: 'title', value: 'Second' },
      ],
      // A field and a value inside it.
      [
        { kind: 'set', path: 'seo', value: 'flat' },
        { kind: 'set', path: 'title', value: 'New' },
      ],
      // A key that does not exist yet, and a structural edit.
      [
        { kind: 'set', path: 'added', value: 'x' },
        { kind: 'set', path: 'title', value: 'New' },
      ],
      [
        { kind: 'insert-item', path: 'tags', index: 2, value: 'c' },
        { kind: 'set', path: 'tags.0', value: 'z' },
      ],
    ];
    for (const edits of batches) {
      const outcome = editFrontMatterDocument(model, edits);
      expect(outcome.ok && outcome.value).toBe(oneByOne(source, edits));
    }
  });

  it('refuses a batch with a bad value like one-by-one edits do, naming the edit at fault', () => {
    const model = parseFrontMatterDocument(sampleNewsItem);
    const edits = [
      { kind: 'set', path: 'title', value: 'fine' },
      { kind: 'set', path: 'twitterMetaData.twittertitle', value: undefined as unknown as PlainValue },
    ] as const satisfies readonly FrontMatterEdit[];
    const outcome = editFrontMatterDocument(model, edits);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.diagnostic.code).toBe('invalid-edit');
    expect(outcome.diagnostic.path).toBe('twitterMetaData.twittertitle');
  });
});
