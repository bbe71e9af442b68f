import { parseFieldPath } from '../../../shared/domain/frontmatter/field-path';
import { facetPathOf } from '../../../shared/domain/search/facet-counts';
import { getPathValue } from '../../../shared/domain/search/get-path-value';

/**
 * Front matter packed for keeping: the layout (keys, nesting, lists of objects) is shared by every
 * item with the same layout, and the item keeps only its values as one JSON string, each repeated
 * string written once. Seed-shaped items repeat both: ~80 keys in a few hundred layouts, and the
 * description mirrored into three metadata blocks. That is ~1.7 KB per item instead of ~5 KB of
 * plain JSON (~16 KB parsed), which keeps 50,000 items within the memory budget.
 */
export interface PackedFrontMatter {
  readonly layout: Layout;
  /** JSON array of the leaf values in walk order; `{"":i}` stands for a repeat of leaf i. */
  readonly values: string;
}

/** A shared layout: objects with their keys in order, lists of structured elements, and each leaf's index. */
type Skeleton = number | { readonly [key: string]: Skeleton } | readonly Skeleton[];

interface Layout {
  /** The layout spelled as a string, which is also its skeleton's JSON (see `packFrontMatter`). */
  readonly key: string;
  readonly skeleton: Skeleton;
  /** Per field path: its leaf's index, 'absent', or 'unpack' (a structure, or a path into a leaf list). */
  readonly paths: Map<string, number | 'absent' | 'unpack'>;
  /** Facet candidates of this layout (see `packedFacetCandidates`), found on first use. */
  candidates?: readonly { readonly path: string; readonly at: number | null }[];
}

/** Layouts seen, by their JSON: bounded, past that items are kept as plain JSON (still correct, just bigger). */
const layouts = new Map<string, Layout>();
const maxLayouts = 20_000;
/** Strings shorter than this are cheaper written twice than referenced. */
const minRepeatLength = 8;

/** A leaf: a scalar, or a list holding scalars only (kept whole so list lengths do not multiply layouts). */
function isLeaf(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
}

/** Keys as they appear in a layout key, quoted once: the same few hundred keys recur in every item. */
const quotedKeys = new Map<string, string>();

function quoted(key: string): string {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (quotedKeys.size < 100_000) quotedKeys.set(key, text);
  }
  return text;
}

/**
 * One step of the walk `packFrontMatter` makes (a leaf, an object or list opening, a key, a
 * closing): the steps of every layout seen form a tree, so finding an item's layout is a lookup
 * per key instead of spelling the layout out as a string (~2 KB for a seed-shaped item) and
 * hashing it, which was a quarter of the packing cost. The tree is bounded; past that, layouts are
 * found by their spelling.
 */
interface Step {
  leaf?: Step;
  object?: Step;
  list?: Step;
  close?: Step;
  keys?: Map<string, Step>;
  layout?: Layout;
}

const steps: Step = {};
let stepCount = 0;
// ~100 bytes a step: at most ~10 MB, where a few hundred real layouts share most of their steps.
const maxSteps = 100_000;

/** The step after `at` of a kind, made on first use; null past the bound (or after it was hit). */
function follow(at: Step | null, kind: 'leaf' | 'object' | 'list' | 'close'): Step | null {
  if (at === null) return null;
  let next = at[kind];
  if (next === undefined) {
    if (stepCount >= maxSteps) return null;
    stepCount++;
    next = at[kind] = {};
  }
  return next;
}

/** The step after `at` for an object key. */
function followKey(at: Step | null, name: string): Step | null {
  if (at === null) return null;
  at.keys ??= new Map();
  let next = at.keys.get(name);
  if (next === undefined) {
    if (stepCount >= maxSteps) return null;
    stepCount++;
    next = {};
    at.keys.set(name, next);
  }
  return next;
}

/**
 * Packs plain data (what a YAML or JSON parse gives); returns null when the layout table is full.
 * One walk collects the leaves and follows the layout's steps (see `Step`); the layout's
 * skeleton is built only the first time a layout is seen, which is rare.
 */
export function packFrontMatter(data: Readonly<Record<string, unknown>>): PackedFrontMatter | null {
  const leaves: unknown[] = [];
  const firstAt = new Map<string, number>();
  // Typed wide on purpose: the walk below may set it to null (past the bound), which the compiler cannot see.
  let at = steps as Step | null;
  const walk = (value: unknown): void => {
    if (isLeaf(value)) {
      at = follow(at, 'leaf');
      const index = leaves.length;
      if (typeof value === 'string' && value.length >= minRepeatLength) {
        const first = firstAt.get(value);
        if (first !== undefined) {
          leaves.push({ '': first });
          return;
        }
        firstAt.set(value, index);
      }
      leaves.push(value);
      return;
    }
    if (Array.isArray(value)) {
      at = follow(at, 'list');
      for (const element of value) walk(element);
    } else {
      at = follow(at, 'object');
      for (const name of Object.keys(value as object)) {
        at = followKey(at, name);
        walk((value as Record<string, unknown>)[name]);
      }
    }
    at = follow(at, 'close');
  };
  walk(data);
  let layout = at?.layout;
  if (layout === undefined) {
    const key = spell(data);
    layout = layouts.get(key);
    if (layout === undefined) {
      if (layouts.size >= maxLayouts) return null;
      layout = { key, skeleton: skeletonOf(data), paths: new Map() };
      layouts.set(key, layout);
    }
    if (at !== null) at.layout = layout;
  }
  return { layout, values: JSON.stringify(leaves) };
}

/**
 * A layout spelled as a string: objects with their quoted keys, lists, and each leaf's index in
 * walk order. That is the skeleton's JSON, which is what lets another thread rebuild it.
 */
function spell(data: Readonly<Record<string, unknown>>): string {
  let key = '';
  let leaves = 0;
  const walk = (value: unknown): void => {
    if (isLeaf(value)) {
      key += String(leaves++);
      return;
    }
    if (Array.isArray(value)) {
      key += '[';
      for (let i = 0; i < value.length; i++) {
        if (i > 0) key += ',';
        walk(value[i]);
      }
      key += ']';
      return;
    }
    key += '{';
    let first = true;
    for (const name of Object.keys(value as object)) {
      key += first ? `${quoted(name)}:` : `,${quoted(name)}:`;
      first = false;
      walk((value as Record<string, unknown>)[name]);
    }
    key += '}';
  };
  walk(data);
  return key;
}

/**
 * The layout of packed front matter as a string: what another thread needs (once per layout) to
 * hold the same values with `adoptPacked`.
 */
export function packedLayoutKey(packed: PackedFrontMatter): string {
  return packed.layout.key;
}

/**
 * Packed front matter made on another thread, given its layout key and values: held with this
 * thread's layout of that key, registered on first sight. When the layout table is full, the
 * plain JSON instead (as `packFrontMatter`'s callers fall back to).
 */
export function adoptPacked(key: string, values: string): PackedFrontMatter | string {
  let layout = layouts.get(key);
  if (layout === undefined) {
    // The key is the skeleton's JSON; JSON.parse keeps a `__proto__` key as plain data.
    const skeleton = JSON.parse(key) as Skeleton;
    if (layouts.size >= maxLayouts) return JSON.stringify(unpackFrontMatter({ layout: { key, skeleton, paths: new Map() }, values }));
    layout = { key, skeleton, paths: new Map() };
    layouts.set(key, layout);
  }
  return { layout, values };
}

/** The layout of `data`: its objects and lists with each leaf's index, numbered as `packFrontMatter` walks. */
function skeletonOf(data: Readonly<Record<string, unknown>>): Skeleton {
  let next = 0;
  const build = (value: unknown): Skeleton => {
    if (isLeaf(value)) return next++;
    if (Array.isArray(value)) return value.map(build);
    const out: Record<string, Skeleton> = {};
    for (const name of Object.keys(value as object)) {
      // defineProperty keeps a `__proto__` key as plain data, as the parser does.
      Object.defineProperty(out, name, { value: build((value as Record<string, unknown>)[name]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return build(data);
}

/** Rebuilds fresh plain data from a packed copy. */
export function unpackFrontMatter(packed: PackedFrontMatter): Record<string, unknown> {
  const leaves = JSON.parse(packed.values) as unknown[];
  const build = (skeleton: Skeleton): unknown => {
    if (typeof skeleton === 'number') return leafAt(leaves, skeleton);
    if (Array.isArray(skeleton)) return skeleton.map(build);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(skeleton)) {
      // defineProperty keeps a `__proto__` key as plain data, as the parser does.
      Object.defineProperty(out, key, { value: build((skeleton as Record<string, Skeleton>)[key] as Skeleton), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return build(packed.layout.skeleton) as Record<string, unknown>;
}

function leafAt(leaves: readonly unknown[], at: number): unknown {
  const leaf = leaves[at];
  // A repeat points at the first occurrence, which is never a repeat itself.
  if (leaf !== null && typeof leaf === 'object' && !Array.isArray(leaf)) return leaves[(leaf as Record<string, number>)[''] as number];
  return leaf;
}

function locate(layout: Layout, path: string): number | 'absent' | 'unpack' {
  let found = layout.paths.get(path);
  if (found !== undefined) return found;
  const target = getPathValue(layout.skeleton, path);
  if (typeof target === 'number') found = target;
  else if (target !== undefined) found = 'unpack';
  else {
    // Missing, unless the path runs into a list of scalars (`tags.0`), which the layout keeps whole.
    const segments = parseFieldPath(path);
    found = 'absent';
    for (let k = segments.length - 1; k >= 1; k--) {
      if (typeof getPathValue(layout.skeleton, segments.slice(0, k)) === 'number') {
        found = 'unpack';
        break;
      }
    }
  }
  layout.paths.set(path, found);
  return found;
}

/**
 * The values at several field paths (`getPathValue` semantics) read from the packed values without
 * rebuilding the whole front matter: a folder-wide pass (a sort key, facet labels) then parses one
 * short string per item. Paths the layout cannot answer alone are read from a full unpack.
 */
export function packedValuesAt(packed: PackedFrontMatter, paths: readonly string[]): unknown[] {
  const leaves = JSON.parse(packed.values) as unknown[];
  let full: Record<string, unknown> | null = null;
  return paths.map((path) => {
    const at = locate(packed.layout, path);
    if (at === 'absent') return undefined;
    if (at !== 'unpack') return leafAt(leaves, at);
    full ??= unpackFrontMatter(packed);
    return getPathValue(full, path);
  });
}

/** Stands for a structure (an object, or a list holding objects) among facet candidates: it only disqualifies its key. */
const structure: Readonly<Record<string, never>> = Object.freeze({});

function candidatesOf(skeleton: Skeleton): { path: string; at: number | null }[] {
  const out: { path: string; at: number | null }[] = [];
  if (typeof skeleton === 'number' || Array.isArray(skeleton)) return out;
  const root = skeleton as { readonly [key: string]: Skeleton };
  for (const key of Object.keys(root)) {
    const value = root[key] as Skeleton;
    if (typeof value === 'number') out.push({ path: key, at: value });
    else if (Array.isArray(value)) out.push({ path: key, at: null });
    else {
      const object = value as { readonly [key: string]: Skeleton };
      for (const sub of Object.keys(object)) {
        const leaf = object[sub] as Skeleton;
        out.push({ path: facetPathOf(key, sub), at: typeof leaf === 'number' ? leaf : null });
      }
    }
  }
  return out;
}

/**
 * The facet candidates of packed front matter (`FacetCandidateReader`), read from the shared
 * layout and one parse of the values: detecting a folder's facets then costs a string parse per
 * sampled item instead of rebuilding its whole front matter (~0.5 s -> well under 0.1 s at 5,000).
 */
export function packedFacetCandidates(packed: PackedFrontMatter): [string, unknown][] {
  const layout = packed.layout;
  layout.candidates ??= candidatesOf(layout.skeleton);
  const leaves = JSON.parse(packed.values) as unknown[];
  return layout.candidates.map(({ path, at }) => [path, at === null ? structure : leafAt(leaves, at)]);
}
