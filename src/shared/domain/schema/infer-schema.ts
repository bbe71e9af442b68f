import { formatFieldPath } from '../frontmatter/field-path';
import {
  FOLIO_SCHEMA_VERSION,
  JSON_SCHEMA_DIALECT,
  type ContentTypeDefinition,
  type FolioDateFormat,
  type FolioJsonSchema,
  type FolioSchema,
  type FolioWidget,
} from './folio-schema';
import { flatString } from '../../lib/flat-string';
import { isEmail, isIsoDateShape, isIsoDateTimeShape, isUri, parseDateParts } from './value-formats';

/** One item of the folder as inference sees it; `data` null when its front matter could not be read. */
export interface InferenceItem {
  readonly path: string;
  readonly data: Readonly<Record<string, unknown>> | null;
}

/** Thresholds of inference; the defaults are the documented behaviour. */
export interface InferSchemaOptions {
  /** Share of parent objects that must have a key for it to be required. Default 0.95. */
  readonly requiredRatio?: number;
  /** Share of co-present files in which two values must be equal to call one a mirror. Default 0.9. */
  readonly mirrorRatio?: number;
  /** Most distinct strings an enum may have. Default 12. */
  readonly maxEnumValues?: number;
  /** Fewest uses of each enum value. Default 2. */
  readonly minEnumUses?: number;
}

/** Top-level keys by which one item names another (a relation's target key). */
export const IDENTIFYING_KEYS = ['permalink', 'slug', 'aliases', 'id'] as const;

type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';
const TYPE_ORDER: readonly JsonType[] = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];
/** Distinct strings tracked per key: enough for enums and for telling free text from constants. */
const MAX_TRACKED_STRINGS = 1000;
const IMAGE_VALUE = /\.(?:png|jpe?g|gif|webp|avif|svg)(?:[?#].*)?$/i;

interface Stats {
  present: number;
  /** Which JSON types were seen: only presence matters, so a set (not counts) keeps the hot path cheap. */
  readonly types: Set<JsonType>;
  strings: number;
  strCounts: Map<string, number> | null;
  isoDates: number;
  isoDateTimes: number;
  uris: number;
  emails: number;
  readonly dateFormats: Map<FolioDateFormat, number>;
  maxLength: number;
  multiline: boolean;
  imageLike: number;
  min: number;
  max: number;
  objects: number;
  readonly props: Map<string, Stats>;
  items: Stats | undefined;
  readonly relationHits: Map<string, number>;
  /** Dotted path of this node outside lists, computed once: formatting it per value was a hot spot. */
  readonly pathText: string;
  /** True for a top-level identifying key (`slug`, `permalink`, ...): its values are the item's own. */
  readonly topIdent: boolean;
}

function newStats(pathText = '', topIdent = false): Stats {
  return {
    pathText,
    topIdent,
    present: 0,
    types: new Set(),
    strings: 0,
    strCounts: new Map(),
    isoDates: 0,
    isoDateTimes: 0,
    uris: 0,
    emails: 0,
    dateFormats: new Map(),
    maxLength: 0,
    multiline: false,
    imageLike: 0,
    min: Infinity,
    max: -Infinity,
    objects: 0,
    props: new Map(),
    items: undefined,
    relationHits: new Map(),
  };
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function typeOf(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'bigint':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return 'string';
  }
}

/**
 * Who owns each identifying value in the folder, for relation inference. Compact: a value names
 * "another item" when more than one item owns it or its one owner is not the item looking, so
 * the first owner and a shared flag answer that without a set of owners per value.
 */
interface IdentOwner {
  readonly key: string;
  readonly owner: number;
  shared: boolean;
}
type IdentIndex = Map<string, IdentOwner>;

function identValues(data: Readonly<Record<string, unknown>>, key: string): string[] {
  const value = data[key];
  if (typeof value === 'string' && value !== '') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}

function registerIdents(index: IdentIndex, data: Readonly<Record<string, unknown>>, item: number): void {
  for (const key of IDENTIFYING_KEYS) {
    for (const value of identValues(data, key)) {
      const entry = index.get(value);
      // Held for the whole run: a flat copy, so the value does not keep its file's text alive.
      if (entry === undefined) index.set(flatString(value), { key, owner: item, shared: false });
      else if (entry.owner !== item) entry.shared = true;
    }
  }
}

function namesAnother(index: IdentIndex, text: string, item: number): string | undefined {
  const entry = index.get(text);
  return entry !== undefined && (entry.shared || entry.owner !== item) ? entry.key : undefined;
}

/** Per-item walk state shared by the recursive observer. */
interface WalkContext {
  readonly itemIndex: number;
  /** The identifying values known so far (all of them in a relation pass). */
  readonly idents: IdentIndex;
  /** Scalar string leaves outside lists, by dotted path, for mirror detection. */
  readonly leaves: [string, string][];
}

function escapeKey(key: string): string {
  return key.includes('.') || key.includes('\\') ? formatFieldPath([key]) : key;
}

/*
 * Hot: runs for every value of every item. Paths are formatted once per schema node (not per
 * value), and each format check only runs when its cheap precondition holds (a leading digit for
 * dates, `://` for URIs, `@` for e-mail), so long free text costs one pass of `includes`.
 */
function observe(stats: Stats, value: unknown, depth: number, inList: boolean, ctx: WalkContext): void {
  stats.present += 1;
  const type = typeOf(value);
  stats.types.add(type);
  if (type === 'string') {
    const text = value as string;
    stats.strings += 1;
    if (stats.strCounts !== null) {
      const seen = stats.strCounts.get(text);
      // A new key is kept until inference ends: a flat copy, not a view on the file's text.
      if (seen === undefined) stats.strCounts.set(flatString(text), 1);
      else stats.strCounts.set(text, seen + 1);
      if (stats.strCounts.size > MAX_TRACKED_STRINGS) stats.strCounts = null;
    }
    const first = text.charCodeAt(0);
    const digitFirst = first >= 48 && first <= 57;
    if (digitFirst && isIsoDateShape(text)) stats.isoDates += 1;
    else if (digitFirst && isIsoDateTimeShape(text)) stats.isoDateTimes += 1;
    else if (text.includes('://') && isUri(text)) stats.uris += 1;
    else if (text.includes('@') && isEmail(text)) stats.emails += 1;
    if (digitFirst) {
      const date = parseDateParts(text);
      if (date !== undefined) bump(stats.dateFormats, date.format);
    }
    stats.maxLength = Math.max(stats.maxLength, text.length);
    if (text.includes('\n')) stats.multiline = true;
    if (text.includes('.') && IMAGE_VALUE.test(text)) stats.imageLike += 1;
    // A value naming ANOTHER item is evidence of a relation; an item's own keys are not.
    if (!stats.topIdent) {
      const key = namesAnother(ctx.idents, text, ctx.itemIndex);
      if (key !== undefined) bump(stats.relationHits, key);
    }
    if (!inList && text.trim() !== '') ctx.leaves.push([stats.pathText, text]);
  } else if (type === 'integer' || type === 'number') {
    const n = Number(value);
    stats.min = Math.min(stats.min, n);
    stats.max = Math.max(stats.max, n);
  } else if (type === 'object') {
    stats.objects += 1;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      let childStats = stats.props.get(key);
      if (childStats === undefined) {
        const escaped = escapeKey(key);
        childStats = newStats(depth === 0 ? escaped : `${stats.pathText}.${escaped}`, depth === 0 && (IDENTIFYING_KEYS as readonly string[]).includes(key));
        stats.props.set(key, childStats);
      }
      observe(childStats, record[key], depth + 1, inList, ctx);
    }
  } else if (type === 'array') {
    // List elements share the list's node (and path): they are not leaves of their own.
    stats.items ??= newStats(stats.pathText, stats.topIdent);
    for (const element of value as unknown[]) observe(stats.items, element, depth, true, ctx);
  }
}

/**
 * The relation pass: the same walk as {@link observe} over nodes the first pass built, counting
 * only the strings that name another item, now that every item's identifying values are known.
 */
function observeRelations(stats: Stats, value: unknown, idents: IdentIndex, item: number): void {
  if (typeof value === 'string') {
    if (stats.topIdent) return;
    const key = namesAnother(idents, value, item);
    if (key !== undefined) bump(stats.relationHits, key);
  } else if (Array.isArray(value)) {
    if (stats.items !== undefined) for (const element of value as unknown[]) observeRelations(stats.items, element, idents, item);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const child = stats.props.get(key);
      // Absent only when the file changed between the passes: the next run sees it whole.
      if (child !== undefined) observeRelations(child, record[key], idents, item);
    }
  }
}

function clearRelationHits(stats: Stats): void {
  stats.relationHits.clear();
  for (const child of stats.props.values()) clearRelationHits(child);
  if (stats.items !== undefined) clearRelationHits(stats.items);
}

/** Tracks whether a top-level key's values are distinct, giving up once too many collide. */
interface UniqueTracker {
  readonly seen: Set<string>;
  duplicates: number;
  dead: boolean;
  count: number;
}

function uniqueKeyOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return `n:${value}`;
  // Identifier-like strings only: free text, dates and empty values are not meant to be unique.
  if (typeof value === 'string' && value.length > 0 && value.length <= 200 && !/\s/.test(value) && parseDateParts(value) === undefined) return `s:${value}`;
  return undefined;
}

interface MirrorStats {
  /** Files where both paths have a non-empty string, by `a\0b` pair. */
  readonly agree: Map<string, number>;
  /** Files holding a non-empty string at each path. */
  readonly present: Map<string, number>;
  /** First-seen order and depth of each path: the earlier, shallower one is the source. */
  readonly rank: Map<string, number>;
  readonly depth: Map<string, number>;
  readonly distinct: Map<string, Set<string> | null>;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function newMirrorStats(): MirrorStats {
  return { agree: new Map(), present: new Map(), rank: new Map(), depth: new Map(), distinct: new Map() };
}

/** Adds one item's string leaves (in item order) to the mirror statistics, then forgets them. */
function addMirrorLeaves(stats: MirrorStats, leaves: readonly (readonly [string, string])[]): void {
  const byValue = new Map<string, string[]>();
  for (const [path, value] of leaves) {
    if (!stats.rank.has(path)) {
      stats.rank.set(path, stats.rank.size);
      stats.depth.set(path, path.split(/(?<!\\)\./).length);
    }
    bump(stats.present, path);
    let set = stats.distinct.get(path);
    if (set === undefined) {
      set = new Set();
      stats.distinct.set(path, set);
    }
    if (set !== null && !set.has(value)) {
      set.add(flatString(value));
      if (set.size > MAX_TRACKED_STRINGS) stats.distinct.set(path, null);
    }
    const group = byValue.get(value);
    if (group === undefined) byValue.set(value, [path]);
    else group.push(path);
  }
  for (const group of byValue.values()) {
    for (let i = 0; i < group.length; i += 1) for (let j = i + 1; j < group.length; j += 1) bump(stats.agree, pairKey(group[i] as string, group[j] as string));
  }
}

function isDiverse(stats: MirrorStats, path: string): boolean {
  const distinct = stats.distinct.get(path);
  if (distinct === null) return true;
  const size = distinct?.size ?? 0;
  // A constant such as `identifier: News` equal to `searchCategory: News` is a coincidence, not a copy.
  return size >= 2 && size >= 0.5 * (stats.present.get(path) ?? 0);
}

/** For each mirror path, the path it copies. */
function findMirrors(stats: MirrorStats, ratio: number): Map<string, string> {
  const candidates = new Map<string, string[]>();
  for (const [key, agree] of stats.agree) {
    const [a, b] = key.split('\u0000') as [string, string];
    // Co-presence is at most the smaller presence: skip pairs that cannot reach the ratio.
    if (agree < 3 || agree < ratio * Math.min(stats.present.get(a) ?? 0, stats.present.get(b) ?? 0)) continue;
    // Files holding both are at most the smaller presence, so `agree >= ratio * both` already
    // follows from the check above; counting them per pair was the slowest part of inference.
    if (!isDiverse(stats, a) || !isDiverse(stats, b)) continue;
    (candidates.get(a) ?? candidates.set(a, []).get(a) ?? []).push(b);
    (candidates.get(b) ?? candidates.set(b, []).get(b) ?? []).push(a);
  }
  const order = (p: string): [number, number] => [stats.depth.get(p) ?? 0, stats.rank.get(p) ?? 0];
  const before = (a: string, b: string): boolean => {
    const [da, ra] = order(a);
    const [db, rb] = order(b);
    return da < db || (da === db && ra < rb);
  };
  const mirrors = new Map<string, string>();
  for (const [path, partners] of candidates) {
    let source: string | undefined;
    for (const p of partners) if (before(p, path) && (source === undefined || before(p, source))) source = p;
    if (source !== undefined) mirrors.set(path, source);
  }
  return mirrors;
}

interface EmitContext {
  readonly options: Required<InferSchemaOptions>;
  readonly mirrors: ReadonlyMap<string, string>;
  readonly unique: ReadonlySet<string>;
  readonly hasTitle: boolean;
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

function emit(stats: Stats, segments: readonly string[], inList: boolean, ctx: EmitContext): FolioJsonSchema {
  const node: Record<string, unknown> = {};
  const types = TYPE_ORDER.filter((t) => stats.types.has(t) && !(t === 'integer' && stats.types.has('number')));
  if (types.length > 0) node['type'] = types.length === 1 ? types[0] : types;
  const onlyStrings = types.every((t) => t === 'string' || t === 'null') && stats.strings > 0;
  const { options } = ctx;
  let widget: FolioWidget | undefined;

  let format: string | undefined;
  if (onlyStrings && stats.strings >= 2) {
    const share = (n: number): boolean => n >= options.requiredRatio * stats.strings;
    if (share(stats.isoDates)) format = 'date';
    else if (share(stats.isoDateTimes)) format = 'date-time';
    else if (share(stats.uris)) format = 'uri';
    else if (share(stats.emails)) format = 'email';
    if (format !== undefined) node['format'] = format;
    const dated = [...stats.dateFormats.values()].reduce((a, b) => a + b, 0);
    if (dated >= 0.8 * stats.strings) {
      const dominant = [...stats.dateFormats.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      if (dominant !== undefined) node['x-folio-dateFormat'] = dominant[0];
      widget = dominant?.[0] === 'date-time' ? 'datetime' : 'date';
    }
    const counts = stats.strCounts;
    if (format === undefined && widget === undefined && counts !== null && counts.size <= options.maxEnumValues && stats.strings >= 2 * options.minEnumUses) {
      const entries = [...counts.entries()];
      if (entries.every(([, n]) => n >= options.minEnumUses)) {
        entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        node['enum'] = types.includes('null') ? [...entries.map(([v]) => v), null] : entries.map(([v]) => v);
        node['x-folio-counts'] = Object.fromEntries(entries);
        widget = 'select';
      }
    }
    const hits = [...stats.relationHits.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (hits !== undefined && hits[1] >= 2 && hits[1] >= 0.5 * stats.strings) {
      node['x-folio-relation'] = { key: hits[0] };
      widget = 'relation';
    }
    if (widget === undefined) {
      if (format === 'uri' && stats.imageLike >= 0.8 * stats.strings) widget = 'image';
      else if (format === 'uri') widget = 'url';
      else if (stats.imageLike >= 0.8 * stats.strings) widget = 'image';
      else widget = stats.multiline || stats.maxLength > 120 ? 'text' : 'string';
    }
  }
  if (stats.min <= stats.max) {
    node['x-folio-range'] = { min: stats.min, max: stats.max };
    widget ??= 'number';
  }
  if (types.length === 1 && types[0] === 'boolean') widget = 'boolean';

  if (stats.objects > 0) {
    const properties: Record<string, FolioJsonSchema> = {};
    const required: string[] = [];
    for (const [key, child] of stats.props) {
      const childSchema = emit(child, [...segments, key], inList, ctx);
      const presence = child.present / stats.objects;
      properties[key] = { ...childSchema, 'x-folio-presence': round(presence) };
      if (presence >= options.requiredRatio) required.push(key);
    }
    node['properties'] = properties;
    if (required.length > 0) node['required'] = required;
    widget ??= 'object';
  }
  if (stats.items !== undefined) {
    const items = emit(stats.items, segments, true, ctx);
    node['items'] = items;
    const itemTypes = items.type;
    widget ??= itemTypes === 'string' ? 'tags' : 'list';
  }
  if (widget !== undefined) node['x-folio-widget'] = widget;

  if (!inList && segments.length > 0) {
    const path = formatFieldPath(segments);
    const source = ctx.mirrors.get(path);
    if (source !== undefined) node['x-folio-mirrorOf'] = source;
    if (segments.length === 1 && ctx.unique.has(path)) node['x-folio-unique'] = true;
    if (path === 'title' || path === 'date') node['x-folio-column'] = true;
    if (path === 'slug' && ctx.hasTitle) node['x-folio-slugSource'] = 'title';
  }
  return node;
}

/** One content type's statistics, fed one item at a time. */
interface TypeAccumulator {
  readonly root: Stats;
  readonly trackers: Map<string, UniqueTracker>;
  readonly mirror: MirrorStats;
  items: number;
}

function newTypeAccumulator(): TypeAccumulator {
  return { root: newStats(), trackers: new Map(), mirror: newMirrorStats(), items: 0 };
}

function trackUnique(acc: TypeAccumulator, data: Readonly<Record<string, unknown>>, giveUpAfter: number): void {
  for (const [key, value] of Object.entries(data)) {
    let tracker = acc.trackers.get(key);
    if (tracker === undefined) {
      tracker = { seen: new Set(), duplicates: 0, dead: false, count: 0 };
      acc.trackers.set(key, tracker);
    }
    if (tracker.dead) continue;
    const id = uniqueKeyOf(value);
    if (id === undefined) {
      if (value !== null) tracker.dead = true;
      continue;
    }
    tracker.count += 1;
    if (tracker.seen.has(id)) {
      tracker.duplicates += 1;
      if (tracker.duplicates > giveUpAfter) tracker.dead = true;
    } else tracker.seen.add(flatString(id)); // Kept to the end: a flat copy, not a view on the file's text.
  }
}

function emitType(acc: TypeAccumulator, options: Required<InferSchemaOptions>): FolioJsonSchema {
  // The tolerance depends on the final count; counting on past it cannot revive a key, so the
  // verdict equals giving up the moment the duplicates exceeded it.
  const tolerance = Math.floor(acc.items * 0.01);
  const unique = new Set<string>();
  for (const [key, t] of acc.trackers) {
    if (!t.dead && t.duplicates <= tolerance && t.count >= 5 && t.count >= 0.5 * acc.items) unique.add(formatFieldPath([key]));
  }
  const mirrors = findMirrors(acc.mirror, options.mirrorRatio);
  const schema = emit(acc.root, [], false, { options, mirrors, unique, hasTitle: acc.root.props.has('title') });
  // The root is the item itself, not a field: it gets no widget.
  const rest: Record<string, unknown> = { ...schema };
  delete rest['x-folio-widget'];
  return { ...rest, 'x-folio-inferred': true, 'x-folio-items': acc.items };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Options of {@link SchemaInference}: the thresholds, and how many items may come at most. */
export interface SchemaInferenceOptions extends InferSchemaOptions {
  /**
   * An upper bound on the number of items (the folder's file count): lets a key's uniqueness
   * tracking stop early once it has more duplicates than any final count would tolerate.
   */
  readonly maxItems?: number;
}

/**
 * Schema inference fed one item at a time, so a folder is inferred without holding every item's
 * front matter at once. Two passes, both in any number of calls:
 * 1. {@link add} every item in path order (the order fixes property and mirror order, so the same
 *    folder always gives the same schema). Statistics, uniqueness and mirror counts are final
 *    after it; relation evidence is provisional, because a value may name an item added later.
 * 2. {@link addRelations} every item again (any order), then {@link finish}. This pass only
 *    counts values naming another item, against the identifying values of the whole folder.
 * {@link provisional} gives the schema as of pass 1: a caller that must act before the second
 * pass (validation) can compare it with {@link finish} and redo its work only when they differ.
 */
export class SchemaInference {
  private readonly options: Required<InferSchemaOptions>;
  private readonly giveUpAfter: number;
  private readonly idents: IdentIndex = new Map();
  private readonly byArchetype = new Map<string, TypeAccumulator>();
  private readonly byFolder = new Map<string, TypeAccumulator>();
  private lastPath: string | null = null;
  private items = 0;
  private relationPass = false;

  constructor(options: SchemaInferenceOptions = {}) {
    this.options = {
      requiredRatio: options.requiredRatio ?? 0.95,
      mirrorRatio: options.mirrorRatio ?? 0.9,
      maxEnumValues: options.maxEnumValues ?? 12,
      minEnumUses: options.minEnumUses ?? 2,
    };
    this.giveUpAfter = options.maxItems === undefined ? Infinity : Math.floor(options.maxItems * 0.01);
  }

  /**
   * Pass 1: one item, in path order. Returns its number for {@link addRelations}, or -1 when it
   * has no readable front matter (it then plays no part).
   */
  add(item: InferenceItem): number {
    if (this.relationPass) throw new Error('SchemaInference.add after the relation pass began');
    if (this.lastPath !== null && compare(item.path, this.lastPath) < 0) throw new Error(`SchemaInference.add out of path order: ${item.path} after ${this.lastPath}`);
    this.lastPath = item.path;
    if (item.data === null) return -1;
    const index = this.items;
    this.items += 1;
    registerIdents(this.idents, item.data, index);
    const acc = this.accumulatorOf(item.path, item.data, true) as TypeAccumulator;
    acc.items += 1;
    const ctx: WalkContext = { itemIndex: index, idents: this.idents, leaves: [] };
    observe(acc.root, item.data, 0, false, ctx);
    addMirrorLeaves(acc.mirror, ctx.leaves);
    trackUnique(acc, item.data, this.giveUpAfter);
    return index;
  }

  /** True when a relation pass can change anything: some item has an identifying value. */
  get needsRelationPass(): boolean {
    return this.idents.size > 0;
  }

  /** The schema as of pass 1 (relations from values naming items added before them). */
  provisional(): FolioSchema {
    return this.emitSchema();
  }

  /** Pass 2: the item numbered `index` by {@link add}, with the same data (any order). */
  addRelations(index: number, item: InferenceItem): void {
    if (!this.relationPass) {
      this.relationPass = true;
      for (const acc of [...this.byArchetype.values(), ...this.byFolder.values()]) clearRelationHits(acc.root);
    }
    if (index < 0 || item.data === null) return;
    const acc = this.accumulatorOf(item.path, item.data, false);
    if (acc !== undefined) observeRelations(acc.root, item.data, this.idents, index);
  }

  /** The inferred schema; after a relation pass, the same as {@link inferSchema} on all items. */
  finish(): FolioSchema {
    return this.emitSchema();
  }

  private accumulatorOf(path: string, data: Readonly<Record<string, unknown>>, create: boolean): TypeAccumulator | undefined {
    const archetype = data['archetype'];
    const slash = path.indexOf('/');
    const [groups, name] = typeof archetype === 'string' && archetype !== '' ? [this.byArchetype, archetype] : [this.byFolder, slash === -1 ? '' : path.slice(0, slash)];
    let acc = groups.get(name);
    if (acc === undefined && create) groups.set(flatString(name), (acc = newTypeAccumulator()));
    return acc;
  }

  private emitSchema(): FolioSchema {
    const types: Record<string, ContentTypeDefinition> = {};
    for (const name of [...this.byArchetype.keys()].sort(compare)) {
      types[name] = { match: { key: 'archetype', equals: name }, schema: emitType(this.byArchetype.get(name) as TypeAccumulator, this.options) };
    }
    for (const folder of [...this.byFolder.keys()].sort(compare)) {
      let name = folder === '' ? 'root' : folder;
      while (Object.hasOwn(types, name)) name = `${name}-folder`;
      types[name] = { match: { glob: folder === '' ? '*' : `${folder}/**` }, schema: emitType(this.byFolder.get(folder) as TypeAccumulator, this.options) };
    }
    return { $schema: JSON_SCHEMA_DIALECT, 'x-folio-version': FOLIO_SCHEMA_VERSION, types };
  }
}

/**
 * Infers a Folio schema from the whole folder: one content type per `archetype` value (or per
 * top folder when an item has none), each with types, presence, required keys, formats, enums
 * with counts, numeric ranges, unique keys, mirrored keys and relations. Every rule is marked
 * inferred, so its problems are warnings. The same items always give the same output.
 */
export function inferSchema(items: readonly InferenceItem[], options: InferSchemaOptions = {}): FolioSchema {
  const readable = items.filter((item) => item.data !== null).sort((a, b) => compare(a.path, b.path));
  const inference = new SchemaInference({ ...options, maxItems: readable.length });
  const numbers = readable.map((item) => inference.add(item));
  if (inference.needsRelationPass) readable.forEach((item, i) => inference.addRelations(numbers[i] as number, item));
  return inference.finish();
}
