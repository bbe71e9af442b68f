import { describe, expect, it, vi } from 'vitest';

/** Counts the engine's parses: a form keystroke used to parse the text once more before and after its edits. */
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../shared/domain/frontmatter/front-matter-document', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../shared/domain/frontmatter/front-matter-document')>();
  return {
    ...original,
    parseFrontMatterDocument: (...args: Parameters<typeof original.parseFrontMatterDocument>) => {
      parses.count += 1;
      return original.parseFrontMatterDocument(...args);
    },
  };
});
vi.mock('../ipc/api', () => ({ api: {} }));

const { useFolioStore } = await import('./index');
const { selectFrontMatterModel } = await import('../features/frontmatter-form/select-front-matter-model');

const text = '---\ntitle: Old\nseo_title: Old\ncard:\n  heading: Old\n---\nBody\n';

describe('a form keystroke and the front matter model', () => {
  it('parses once per keystroke: the form model is reused by the edit, and a field with its mirrors is verified by one parse', () => {
    useFolioStore.setState({ document: { path: 'a.md', text, hash: 'h', truncated: false, size: text.length, mtimeMs: 1 }, text, selectedPath: 'a.md' });
    expect(selectFrontMatterModel(useFolioStore.getState())?.getValue('title')).toBe('Old');
    parses.count = 0;
    const edits = ['title', 'seo_title', 'card.heading'].map((path) => ({ kind: 'set' as const, path, value: 'New' }));
    expect(useFolioStore.getState().applyEdits(edits)).toBe(true);
    const model = selectFrontMatterModel(useFolioStore.getState());
    expect(model?.getValue('card.heading')).toBe('New');
    expect(model?.text).toBe(useFolioStore.getState().text);
    // One verifying parse for the field and its mirrors together; before, one per edit, and before
    // that the text was parsed again first and the result again after.
    expect(parses.count).toBe(1);
    expect(useFolioStore.getState().text).toBe('---\ntitle: New\nseo_title: New\ncard:\n  heading: New\n---\nBody\n');
  });
});
