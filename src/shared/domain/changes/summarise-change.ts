import { diffArrays } from 'diff';
import { formatFieldPath, type FieldPath } from '../frontmatter/field-path';
import { parseForIndex } from '../frontmatter/parse-for-index';
import { splitFrontMatter } from '../frontmatter/split-front-matter';
import { deepEqual, isPlainObject, itemKey, own } from './plain-data';
import { splitLines } from './split-lines';

/** How one front matter field changed. Nested map fields get their own entry (`seo.title`). */
export type FieldChange =
  | { readonly path: string; readonly kind: 'added' | 'removed' | 'changed' }
  /** A list: items added and removed (as a multiset), or only reordered. */
  | { readonly path: string; readonly kind: 'list'; readonly added: number; readonly removed: number; readonly reordered: boolean };

/** The Changes panel's one-line view of an item: what happened to its fields and its body. */
export interface ChangeSummary {
  readonly status: 'added' | 'deleted' | 'modified' | 'unchanged';
  readonly fields: readonly FieldChange[];
  /** True when either side's front matter could not be read (then `fields` is empty). */
  readonly frontMatterUnreadable: boolean;
  readonly body: {
    readonly linesAdded: number;
    readonly linesRemoved: number;
    /** Lines touched, counting a rewritten line once (what a person calls "3 lines changed"). */
    readonly linesChanged: number;
  };
}

const MAX_EDIT_LENGTH = 20_000;

function listChange(path: string, before: readonly unknown[], after: readonly unknown[]): FieldChange | null {
  const counts = new Map<string, number>();
  for (const item of before) counts.set(itemKey(item), (counts.get(itemKey(item)) ?? 0) + 1);
  let added = 0;
  for (const item of after) {
    const key = itemKey(item);
    const n = counts.get(key) ?? 0;
    if (n > 0) counts.set(key, n - 1);
    else added += 1;
  }
  let removed = 0;
  for (const n of counts.values()) removed += n;
  if (added === 0 && removed === 0 && deepEqual(before, after)) return null;
  return { path, kind: 'list', added, removed, reordered: added === 0 && removed === 0 };
}

/** Field-level differences between two front matter data objects, nested maps walked. */
export function diffFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, prefix: FieldPath = []): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    const path = [...prefix, key];
    const name = formatFieldPath(path);
    const hasB = Object.hasOwn(before, key);
    const hasA = Object.hasOwn(after, key);
    const b = own(before, key);
    const a = own(after, key);
    if (!hasB) out.push({ path: name, kind: 'added' });
    else if (!hasA) out.push({ path: name, kind: 'removed' });
    else if (deepEqual(b, a)) continue;
    else if (isPlainObject(b) && isPlainObject(a)) out.push(...diffFields(b, a, path));
    else if (Array.isArray(b) && Array.isArray(a)) {
      const change = listChange(name, b, a);
      if (change) out.push(change);
    } else out.push({ path: name, kind: 'changed' });
  }
  return out;
}

/** Counts added/removed lines between two bodies, and lines changed with a rewrite counted once. */
export function countBodyLines(before: string, after: string): ChangeSummary['body'] {
  if (before === after) return { linesAdded: 0, linesRemoved: 0, linesChanged: 0 };
  const b = splitLines(before).map((l) => l.replace(/\r?\n$/, ''));
  const a = splitLines(after).map((l) => l.replace(/\r?\n$/, ''));
  const changes = diffArrays(b, a, { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) return { linesAdded: a.length, linesRemoved: b.length, linesChanged: Math.max(a.length, b.length) };
  let linesAdded = 0;
  let linesRemoved = 0;
  let linesChanged = 0;
  let runAdded = 0;
  let runRemoved = 0;
  const closeRun = (): void => {
    linesChanged += Math.max(runAdded, runRemoved);
    runAdded = 0;
    runRemoved = 0;
  };
  for (const change of changes) {
    if (change.added) {
      linesAdded += change.count;
      runAdded += change.count;
    } else if (change.removed) {
      linesRemoved += change.count;
      runRemoved += change.count;
    } else closeRun();
  }
  closeRun();
  return { linesAdded, linesRemoved, linesChanged };
}

/**
 * Summarises how an item changed between two versions (null = the item does not exist on that
 * side) at the level a curator thinks in: fields added, removed, changed, list items +/-, and
 * body lines. Pure; front matter read with the index parser, so it never throws.
 */
export function summariseChange(before: string | null, after: string | null): ChangeSummary {
  const status = before === null ? (after === null ? 'unchanged' : 'added') : after === null ? 'deleted' : before === after ? 'unchanged' : 'modified';
  const b = before ?? '';
  const a = after ?? '';
  const parsedB = parseForIndex(b);
  const parsedA = parseForIndex(a);
  const unreadable = parsedB.data === null || parsedA.data === null;
  const fields = parsedB.data === null || parsedA.data === null ? [] : diffFields(parsedB.data, parsedA.data);
  // Unreadable front matter is compared as text with the body so its edits still count somewhere.
  const bodyB = unreadable ? b : splitFrontMatter(b).body;
  const bodyA = unreadable ? a : splitFrontMatter(a).body;
  return { status, fields, frontMatterUnreadable: unreadable, body: countBodyLines(bodyB, bodyA) };
}
