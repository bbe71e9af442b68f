import { editFrontMatter, parseFrontMatterDocument, type FrontMatterEdit, type PlainValue } from '../frontmatter';

/** One change applied to every file of a multi-selection. Paths are `a.b.0.c` strings. */
export type BulkFieldEdit =
  /** Set a value (missing keys and maps on the way are created). */
  | { readonly kind: 'set'; readonly path: string; readonly value: PlainValue }
  /** Append a value to a list unless it is already there; a missing key becomes a one-item list. */
  | { readonly kind: 'add-to-list'; readonly path: string; readonly value: PlainValue }
  /** Remove every item equal to the value from a list. */
  | { readonly kind: 'remove-from-list'; readonly path: string; readonly value: PlainValue }
  /** Delete a key with its whole value. */
  | { readonly kind: 'delete-key'; readonly path: string };

/** A file's new text, or that it needs no change, or why it cannot be edited. */
export type BulkEditOutcome =
  | { readonly status: 'change'; readonly text: string }
  | { readonly status: 'unchanged' }
  | { readonly status: 'error'; readonly message: string };

/** Deep equality of plain YAML data, key order ignored. */
export function plainValuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && plainValuesEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function editsFor(current: PlainValue | undefined, edit: BulkFieldEdit): readonly FrontMatterEdit[] | string {
  switch (edit.kind) {
    case 'set':
      return plainValuesEqual(current, edit.value) ? [] : [{ kind: 'set', path: edit.path, value: edit.value }];
    case 'delete-key':
      return current === undefined ? [] : [{ kind: 'delete', path: edit.path }];
    case 'add-to-list':
      if (current === undefined || current === null) return [{ kind: 'set', path: edit.path, value: [edit.value] }];
      if (!Array.isArray(current)) return `${edit.path} is not a list`;
      if (current.some((item) => plainValuesEqual(item, edit.value))) return [];
      return [{ kind: 'insert-item', path: edit.path, index: current.length, value: edit.value }];
    case 'remove-from-list': {
      if (current === undefined || current === null) return [];
      if (!Array.isArray(current)) return `${edit.path} is not a list`;
      const indexes: number[] = [];
      current.forEach((item, index) => {
        if (plainValuesEqual(item, edit.value)) indexes.push(index);
      });
      // Last first, so the earlier indexes still point at the same items.
      return indexes.reverse().map((index): FrontMatterEdit => ({ kind: 'remove-item', path: edit.path, index }));
    }
  }
}

/**
 * Computes one file's new text for a bulk edit with the engine's span edits, so only the edited
 * value's bytes change. A file that already satisfies the edit is `unchanged` (and is not written);
 * a file whose front matter cannot be edited, or where the path holds the wrong type, is `error`.
 */
export function applyBulkEdit(text: string, edit: BulkFieldEdit): BulkEditOutcome {
  const doc = parseFrontMatterDocument(text);
  if (!doc.editable) {
    const first = doc.diagnostics.find((d) => d.severity === 'error');
    return { status: 'error', message: first === undefined ? 'the front matter cannot be edited' : `line ${first.line}, column ${first.column}: ${first.message}` };
  }
  const edits = editsFor(doc.getValue(edit.path), edit);
  if (typeof edits === 'string') return { status: 'error', message: edits };
  if (edits.length === 0) return { status: 'unchanged' };
  const outcome = editFrontMatter(text, edits);
  if (!outcome.ok) return { status: 'error', message: outcome.diagnostic.message };
  return outcome.value === text ? { status: 'unchanged' } : { status: 'change', text: outcome.value };
}
