import { flatString } from '../../../shared/lib/flat-string';
import type { FacetDto } from '../../../shared/contract';
import { forEachFacetValue, type IndexEntry } from '../../../shared/domain/search';
import { entryValuesAt } from './stored-entry';

/** Records start in 16-bit units; a label id or count past this widens the whole arena to 32 bits. */
const narrowLimit = 0x8000;
const wideLimit = 0x80000000;
/** Room for records made before the arena grows (units). */
const initialUnits = 1 << 16;
/** Below this many wasted units a compaction is not worth a pass. */
const minWasteToCompact = 1 << 16;

/**
 * Facet labels of each entry for one set of facet keys, as small integers: a keystroke's facet
 * counts then add into typed arrays instead of hashing label strings into maps, which at 50,000
 * items was most of a query's time (tens of milliseconds per keystroke).
 *
 * Each entry's record is, per key, either one unit `single | id` (one distinct label: most keys)
 * or a count `n` followed by `n` ids. Records are packed one after another in a single arena, 16
 * bits a unit while every id fits. A typed array per entry (two heap objects and a malloc'd store
 * each) took ~11 MB of heap at 50,000 seed-shaped items (18 keys) besides their stores; the arena
 * takes ~2 MB in all. Offsets are held weakly, so an updated entry (a new object) gets a fresh
 * record; the space of the old one is reclaimed by `compact` once the list engine says which
 * entries remain.
 */
export class FacetLabelTable {
  private readonly ids: Map<string, number>[];
  private readonly labels: string[][];
  private readonly offsets = new WeakMap<IndexEntry, number>();
  private arena: Uint16Array | Uint32Array = new Uint16Array(initialUnits);
  /** The unit flagging a single label in the arena's current width. */
  private single = narrowLimit;
  private used = 0;
  /** Units held by records of entries forgotten since the last compaction. */
  private wasted = 0;

  constructor(readonly keys: readonly string[]) {
    this.ids = keys.map(() => new Map<string, number>());
    this.labels = keys.map(() => []);
  }

  /** Counts the labels of the `wanted` keys over `entries`, most frequent first, at most `limit` values per key. */
  count(entries: readonly IndexEntry[], wanted: readonly string[], limit: number): FacetDto[] {
    const positions = wanted.map((key) => this.keys.indexOf(key));
    const want = new Int32Array(this.keys.length).fill(-1);
    positions.forEach((position, i) => {
      if (position >= 0) want[position] = i;
    });
    const counts = positions.map(() => new Int32Array(0));
    const tallyFor = (slot: number, k: number, id: number): Int32Array => {
      let tally = counts[slot] as Int32Array;
      // Labels first seen after the tally was sized (a new entry) grow it.
      if (id >= tally.length) {
        const grown = new Int32Array((this.labels[k] as string[]).length);
        grown.set(tally);
        tally = grown;
        counts[slot] = grown;
      }
      return tally;
    };
    const keyCount = this.keys.length;
    for (const entry of entries) {
      let at = this.recordOf(entry);
      // Read after `recordOf`, which may have grown or widened the arena.
      const arena = this.arena;
      const single = this.single;
      for (let k = 0; k < keyCount; k++) {
        const unit = arena[at++] as number;
        const slot = want[k] as number;
        if (unit >= single) {
          if (slot < 0) continue;
          const id = unit - single;
          const tally = tallyFor(slot, k, id);
          tally[id] = (tally[id] as number) + 1;
          continue;
        }
        if (slot >= 0) {
          for (let j = 0; j < unit; j++) {
            const id = arena[at + j] as number;
            const tally = tallyFor(slot, k, id);
            tally[id] = (tally[id] as number) + 1;
          }
        }
        at += unit;
      }
    }
    return wanted.map((key, i) => {
      const position = positions[i] as number;
      const tally = counts[i] as Int32Array;
      const names = position >= 0 ? (this.labels[position] as string[]) : [];
      const values: { value: string; count: number }[] = [];
      for (let id = 0; id < tally.length; id++) if ((tally[id] as number) > 0) values.push({ value: names[id] as string, count: tally[id] as number });
      values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return { key, values: values.slice(0, limit) };
    });
  }

  /** An entry's distinct labels for one key, or undefined when the key is not one of this table's. */
  labelsOf(entry: IndexEntry, key: string): string[] | undefined {
    const position = this.keys.indexOf(key);
    if (position < 0) return undefined;
    let at = this.recordOf(entry);
    const arena = this.arena;
    for (let k = 0; k < position; k++) {
      const unit = arena[at++] as number;
      if (unit < this.single) at += unit;
    }
    const names = this.labels[position] as string[];
    const unit = arena[at] as number;
    if (unit >= this.single) return [names[unit - this.single] as string];
    return Array.from(arena.subarray(at + 1, at + 1 + unit), (id) => names[id] as string);
  }

  /** Builds an entry's record now (as it arrives), if not built yet. */
  prime(entry: IndexEntry): void {
    if (!this.offsets.has(entry)) this.recordOf(entry);
  }

  /** Notes that an entry left the list (replaced or removed): its record's space can be reclaimed. */
  forget(entry: IndexEntry): void {
    const at = this.offsets.get(entry);
    if (at === undefined) return;
    this.offsets.delete(entry);
    this.wasted += this.lengthAt(at);
  }

  /** True once forgotten records take up a good part of the arena (see `compact`). */
  get wasteful(): boolean {
    return this.wasted >= minWasteToCompact && this.wasted * 2 >= this.used;
  }

  /** Copies the records of `live` entries into a fresh arena, dropping forgotten ones' space. */
  compact(live: Iterable<IndexEntry>): void {
    const old = this.arena;
    const next = old instanceof Uint16Array ? new Uint16Array(Math.max(initialUnits, this.used - this.wasted)) : new Uint32Array(Math.max(initialUnits, this.used - this.wasted));
    let used = 0;
    for (const entry of live) {
      const at = this.offsets.get(entry);
      if (at === undefined) continue;
      const length = this.lengthAt(at);
      next.set(old.subarray(at, at + length), used);
      this.offsets.set(entry, used);
      used += length;
    }
    this.arena = next;
    this.used = used;
    this.wasted = 0;
  }

  /** Units a record at `at` takes. */
  private lengthAt(at: number): number {
    let end = at;
    for (let k = 0; k < this.keys.length; k++) {
      const unit = this.arena[end++] as number;
      if (unit < this.single) end += unit;
    }
    return end - at;
  }

  /** The arena offset of an entry's record, built on first use. */
  private recordOf(entry: IndexEntry): number {
    const known = this.offsets.get(entry);
    if (known !== undefined) return known;
    const parts: number[] = [];
    // All keys in one read: a stored entry reads them from its packed values, without a full unpack.
    const values = entryValuesAt(entry, this.keys);
    let widest = 0;
    this.keys.forEach((_key, k) => {
      const seen = new Set<number>();
      forEachFacetValue(values[k], (label) => seen.add(this.idOf(k, label)));
      parts.push(seen.size, ...seen);
      for (const id of seen) widest = Math.max(widest, id);
      widest = Math.max(widest, seen.size);
    });
    if (widest >= this.single) this.widen(widest);
    const at = this.used;
    this.reserve(parts.length);
    const arena = this.arena;
    let end = at;
    for (let i = 0; i < parts.length; ) {
      const n = parts[i++] as number;
      if (n === 1) arena[end++] = this.single + (parts[i++] as number);
      else {
        arena[end++] = n;
        for (let j = 0; j < n; j++) arena[end++] = parts[i++] as number;
      }
    }
    this.used = end;
    this.offsets.set(entry, at);
    return at;
  }

  /** Room for `units` more units after `used`. */
  private reserve(units: number): void {
    if (this.used + units <= this.arena.length) return;
    const size = Math.max(this.arena.length * 2, this.used + units);
    const grown = this.arena instanceof Uint16Array ? new Uint16Array(size) : new Uint32Array(size);
    grown.set(this.arena.subarray(0, this.used));
    this.arena = grown;
  }

  /** Switches the arena to 32-bit units (a label id or count reached the 16-bit flag), moving single-label units to the 32-bit flag. */
  private widen(needed: number): void {
    if (needed >= wideLimit) throw new Error('facet label table: too many labels');
    if (!(this.arena instanceof Uint16Array)) return;
    const old = this.arena;
    const wide = Uint32Array.from(old);
    // A single-label unit is told from a count or an id only by walking records (forgotten ones
    // included: they stay well-formed in place until a compaction).
    let at = 0;
    while (at < this.used) {
      for (let k = 0; k < this.keys.length; k++) {
        const unit = old[at] as number;
        if (unit >= narrowLimit) wide[at++] = wideLimit + (unit - narrowLimit);
        else at += unit + 1;
      }
    }
    this.arena = wide;
    this.single = wideLimit;
  }

  private idOf(k: number, label: string): number {
    const ids = this.ids[k] as Map<string, number>;
    let id = ids.get(label);
    if (id === undefined) {
      id = ids.size;
      const kept = flatString(label);
      ids.set(kept, id);
      (this.labels[k] as string[]).push(kept);
    }
    return id;
  }
}
