import { diffArrays } from 'diff';
import { editFrontMatter, type FrontMatterEdit } from '../frontmatter/edit-front-matter';
import { formatFieldPath, type FieldPath } from '../frontmatter/field-path';
import { parseForIndex } from '../frontmatter/parse-for-index';
import type { PlainValue } from '../frontmatter/render-scalar';
import { splitFrontMatter } from '../frontmatter/split-front-matter';
import { mergeLines, type LineMergeHunk } from './merge-lines';
import { clonePlain, deepEqual, isPlainObject, itemKey, own } from './plain-data';
import { splitLines } from './split-lines';

/** A field both sides changed differently. An absent property means "the field does not exist there". */
export interface FieldConflict {
  /** `a.b.0` style, as shown to the curator. */
  readonly path: string;
  readonly segments: FieldPath;
  readonly base?: unknown;
  readonly ours?: unknown;
  readonly theirs?: unknown;
}

/** A three-way merge of one item: per-field for the front matter, per-hunk for the body. */
export interface FrontMatterMerge {
  /** False when a side's front matter could not be read: the whole file was merged as lines. */
  readonly frontMatterReadable: boolean;
  /** The merged front matter, with our value standing in for each conflicted field. */
  readonly data: Readonly<Record<string, unknown>> | null;
  readonly conflicts: readonly FieldConflict[];
  /** Fields taken from their side or combined (lists), for an "also merged" note. */
  readonly autoMerged: readonly string[];
  /** The body (or whole file when unreadable) as settled runs and conflict hunks. */
  readonly bodyHunks: readonly LineMergeHunk[];
  readonly bodyConflicts: number;
  /** No field and no hunk conflicts. */
  readonly clean: boolean;
  /** The merged file when clean (our formatting kept, their changes applied in place), else null. */
  readonly text: string | null;
  /** Our version, the carrier the merged text is written into. */
  readonly oursText: string;
  /** Their version, used as carrier when ours has no front matter block. */
  readonly theirsText: string;
}

/** How the curator settles one conflicted field: a side, or a value typed in (undefined removes the field). */
export type FieldChoice = { readonly take: 'ours' | 'theirs' | 'base' } | { readonly value: PlainValue | undefined };

/** How the curator settles one body conflict hunk: a side, both (ours then theirs), or edited text. */
export type HunkChoice = { readonly take: 'ours' | 'theirs' | 'base' | 'both' } | { readonly text: string };

/** Choices keyed by conflict path, and one per body conflict hunk in order. */
export interface MergeResolution {
  readonly fields?: Readonly<Record<string, FieldChoice>>;
  readonly hunks?: readonly (HunkChoice | undefined)[];
}

/** The resolved file, or what is still open / why it could not be written. */
export type MergeTextOutcome =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly unresolved: readonly string[]; readonly reason: string };

const isScalar = (v: unknown): boolean => v === null || (typeof v !== 'object' && v !== undefined);

function counts(list: readonly unknown[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const item of list) m.set(itemKey(item), (m.get(itemKey(item)) ?? 0) + 1);
  return m;
}

/**
 * Three-way merge of a list of scalars as a multiset: both sides' additions and removals apply;
 * the same item added on both sides appears once. Our order is kept, their new items go last.
 */
function mergeScalarList(b: readonly unknown[], o: readonly unknown[], t: readonly unknown[]): unknown[] {
  const cb = counts(b);
  const co = counts(o);
  const ct = counts(t);
  const target = new Map<string, number>();
  for (const key of new Set([...cb.keys(), ...co.keys(), ...ct.keys()])) {
    const base = cb.get(key) ?? 0;
    const dO = (co.get(key) ?? 0) - base;
    const dT = (ct.get(key) ?? 0) - base;
    const delta = Math.sign(dO) === Math.sign(dT) ? (dO > 0 ? Math.max(dO, dT) : Math.min(dO, dT)) : dO + dT;
    target.set(key, Math.max(0, base + delta));
  }
  const out: unknown[] = [];
  for (const item of [...o, ...t]) {
    const key = itemKey(item);
    const left = target.get(key) ?? 0;
    if (left > 0) {
      out.push(item);
      target.set(key, left - 1);
    }
  }
  return out;
}

interface MergeState {
  readonly conflicts: FieldConflict[];
  readonly autoMerged: string[];
}

/** Merges one value; `undefined` in and out means the field is absent. */
function mergeValue(path: FieldPath, b: unknown, o: unknown, t: unknown, state: MergeState): unknown {
  if (deepEqual(o, t)) return o;
  if (deepEqual(b, o)) {
    if (path.length > 0) state.autoMerged.push(formatFieldPath(path));
    return t;
  }
  if (deepEqual(b, t)) return o;
  if (isPlainObject(o) && isPlainObject(t) && (b === undefined || isPlainObject(b))) {
    const bb = isPlainObject(b) ? b : {};
    const merged: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(o), ...Object.keys(t)])) {
      const v = mergeValue([...path, key], own(bb, key), own(o, key), own(t, key), state);
      if (v !== undefined) Object.defineProperty(merged, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return merged;
  }
  if (Array.isArray(o) && Array.isArray(t) && (b === undefined || Array.isArray(b)) && [...(o as unknown[]), ...(t as unknown[])].every(isScalar)) {
    state.autoMerged.push(formatFieldPath(path));
    return mergeScalarList((b ?? []) as unknown[], o, t);
  }
  const conflict: FieldConflict = { path: formatFieldPath(path), segments: path };
  state.conflicts.push({
    ...conflict,
    ...(b === undefined ? {} : { base: b }),
    ...(o === undefined ? {} : { ours: o }),
    ...(t === undefined ? {} : { theirs: t }),
  });
  return o;
}

/** The edits that turn `before` into `after`, as small as the editor allows (list items one by one). */
function dataEdits(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, prefix: FieldPath = []): FrontMatterEdit[] {
  const edits: FrontMatterEdit[] = [];
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) edits.push({ kind: 'delete', path: [...prefix, key] });
  for (const key of Object.keys(after)) {
    const path = [...prefix, key];
    const a = own(after, key) as PlainValue;
    if (!Object.hasOwn(before, key)) {
      edits.push({ kind: 'add', path, value: a });
      continue;
    }
    const b = own(before, key);
    if (deepEqual(b, a)) continue;
    if (isPlainObject(b) && isPlainObject(a)) edits.push(...dataEdits(b, a, path));
    else if (Array.isArray(b) && Array.isArray(a) && [...(b as unknown[]), ...(a as unknown[])].every(isScalar))
      edits.push(...listEdits(path, b, a as readonly PlainValue[]));
    else if (isScalar(a)) edits.push({ kind: 'set', path, value: a });
    else edits.push({ kind: 'replace', path, value: a });
  }
  return edits;
}

function listEdits(path: FieldPath, before: readonly unknown[], after: readonly PlainValue[]): FrontMatterEdit[] {
  const changes = diffArrays(before.map(itemKey), after.map(itemKey));
  const edits: FrontMatterEdit[] = [];
  let index = 0;
  let from = 0;
  for (const change of changes) {
    if (change.removed) {
      for (let k = 0; k < change.count; k++) edits.push({ kind: 'remove-item', path, index });
    } else if (change.added) {
      for (let k = 0; k < change.count; k++) edits.push({ kind: 'insert-item', path, index: index++, value: after[from + k] ?? null });
      from += change.count;
    } else {
      index += change.count;
      from += change.count;
    }
  }
  return edits;
}

/** Writes `data` and `body` into the carrier file, editing only the changed values' bytes. */
function renderMerged(oursText: string, theirsText: string, data: Readonly<Record<string, unknown>>, body: string): MergeTextOutcome {
  const oursSplit = splitFrontMatter(oursText);
  const carrier = !oursSplit.hasFrontMatter && splitFrontMatter(theirsText).hasFrontMatter ? theirsText : oursText;
  const carrierData = parseForIndex(carrier).data;
  if (carrierData === null) return { ok: false, unresolved: [], reason: 'The front matter could not be read.' };
  const check = (text: string): boolean => deepEqual(parseForIndex(text).data, data);
  let edited = editFrontMatter(carrier, dataEdits(carrierData, data));
  if (!edited.ok || !check(edited.value)) {
    // Fine-grained edits were refused or read back differently: rewrite whole top-level fields.
    const coarse: FrontMatterEdit[] = [];
    for (const key of Object.keys(carrierData)) if (!Object.hasOwn(data, key)) coarse.push({ kind: 'delete', path: [key] });
    for (const key of Object.keys(data)) {
      if (deepEqual(own(carrierData, key), own(data, key))) continue;
      coarse.push({ kind: Object.hasOwn(carrierData, key) ? 'replace' : 'add', path: [key], value: own(data, key) as PlainValue });
    }
    edited = editFrontMatter(carrier, coarse);
    if (!edited.ok) return { ok: false, unresolved: [], reason: edited.diagnostic.message };
    if (!check(edited.value)) return { ok: false, unresolved: [], reason: 'The merged front matter did not read back as merged.' };
  }
  const split = splitFrontMatter(edited.value);
  if (!split.hasFrontMatter) {
    if (Object.keys(data).length > 0) return { ok: false, unresolved: [], reason: 'There is no front matter block to write the merged fields into.' };
    return { ok: true, text: body };
  }
  return { ok: true, text: edited.value.slice(0, split.bodyOffset) + body };
}

function hunkText(hunk: LineMergeHunk, choice: HunkChoice): string {
  if (hunk.kind === 'stable') return hunk.lines.join('');
  if ('text' in choice) return choice.text;
  switch (choice.take) {
    case 'ours':
      return hunk.ours.join('');
    case 'theirs':
      return hunk.theirs.join('');
    case 'base':
      return hunk.base.join('');
    case 'both':
      return [...hunk.ours, ...hunk.theirs].join('');
  }
}

function setAt(root: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let node: Record<string, unknown> | unknown[] = root;
  for (const seg of path.slice(0, -1)) {
    const next: unknown = Array.isArray(node) ? node[Number(seg)] : own(node, String(seg));
    if (!isPlainObject(next) && !Array.isArray(next)) return;
    node = next as Record<string, unknown> | unknown[];
  }
  const last = path.at(-1);
  if (last === undefined) return;
  if (Array.isArray(node)) {
    if (value === undefined) node.splice(Number(last), 1);
    else node[Number(last)] = value;
  } else if (value === undefined) Reflect.deleteProperty(node, String(last));
  else Object.defineProperty(node, String(last), { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Applies the curator's choices to a merge and writes the resolved file. Every conflicted field
 * and body hunk needs a choice; missing ones are listed in `unresolved` and nothing is produced.
 */
export function resolveFrontMatterMerge(merge: FrontMatterMerge, resolution: MergeResolution = {}): MergeTextOutcome {
  const unresolved: string[] = [];
  const data = merge.data === null ? null : (clonePlain(merge.data) as Record<string, unknown>);
  for (const conflict of merge.conflicts) {
    const choice = resolution.fields?.[conflict.path];
    if (choice === undefined) {
      unresolved.push(conflict.path);
      continue;
    }
    const value = 'value' in choice ? choice.value : choice.take === 'ours' ? conflict.ours : choice.take === 'theirs' ? conflict.theirs : conflict.base;
    if (data !== null) setAt(data, conflict.segments, clonePlain(value));
  }
  let body = '';
  let hunkIndex = 0;
  for (const hunk of merge.bodyHunks) {
    if (hunk.kind === 'stable') {
      body += hunkText(hunk, { take: 'ours' });
      continue;
    }
    const choice = resolution.hunks?.[hunkIndex];
    hunkIndex += 1;
    if (choice === undefined) unresolved.push(`body hunk ${hunkIndex}`);
    else body += hunkText(hunk, choice);
  }
  if (unresolved.length > 0) return { ok: false, unresolved, reason: 'Some conflicts have no choice yet.' };
  if (data === null) return { ok: true, text: body };
  return renderMerged(merge.oursText, merge.theirsText, data, body);
}

/**
 * Three-way merge of one item for the conflict view: front matter field by field (changes to
 * different fields, or list items added on both sides, merge by themselves; the same field
 * changed differently is a conflict with base/ours/theirs), the body hunk by hunk. `base` is null
 * when both sides created the item. Pure and never throws.
 */
export function mergeFrontMatterConflict(base: string | null, ours: string, theirs: string): FrontMatterMerge {
  const baseText = base ?? '';
  const [pb, po, pt] = [parseForIndex(baseText), parseForIndex(ours), parseForIndex(theirs)];
  const readable = pb.data !== null && po.data !== null && pt.data !== null;
  if (!readable) {
    // Unreadable YAML cannot be merged per field: merge the whole file as lines instead.
    const bodyHunks = mergeLines(splitLines(baseText), splitLines(ours), splitLines(theirs));
    const bodyConflicts = bodyHunks.filter((h) => h.kind === 'conflict').length;
    const clean = bodyConflicts === 0;
    return {
      frontMatterReadable: false,
      data: null,
      conflicts: [],
      autoMerged: [],
      bodyHunks,
      bodyConflicts,
      clean,
      text: clean ? bodyHunks.map((h) => (h.kind === 'stable' ? h.lines.join('') : '')).join('') : null,
      oursText: ours,
      theirsText: theirs,
    };
  }
  const state: MergeState = { conflicts: [], autoMerged: [] };
  const merged = mergeValue([], pb.data, po.data, pt.data, state);
  const data = isPlainObject(merged) ? merged : {};
  const bodyHunks = mergeLines(splitLines(splitFrontMatter(baseText).body), splitLines(splitFrontMatter(ours).body), splitLines(splitFrontMatter(theirs).body));
  const bodyConflicts = bodyHunks.filter((h) => h.kind === 'conflict').length;
  const partial: FrontMatterMerge = {
    frontMatterReadable: true,
    data,
    conflicts: state.conflicts,
    autoMerged: state.autoMerged,
    bodyHunks,
    bodyConflicts,
    clean: state.conflicts.length === 0 && bodyConflicts === 0,
    text: null,
    oursText: ours,
    theirsText: theirs,
  };
  if (!partial.clean) return partial;
  const rendered = resolveFrontMatterMerge(partial);
  return rendered.ok ? { ...partial, text: rendered.text } : { ...partial, clean: false };
}
