import { flatString } from '../../../shared/lib/flat-string';
import type { FacetDto } from '../../../shared/contract';
import { forEachFacetValue, type IndexEntry } from '../../../shared/domain/search';
import { entryValuesAt } from './stored-entry';

/**
 * Facet labels of each entry for one set of facet keys, as small integers: a keystroke's facet
 * counts then add into typed arrays instead of hashing label strings into maps, which at 50,000
 * items was most of a query's time (tens of milliseconds per keystroke).
 *
 * Each entry's record is `[n0, id, id, ..., n1, id, ...]`: per key, how many distinct labels,
 * then their ids. Records are built on first use and held weakly, so an updated entry (a new
 * object) gets a fresh record and a removed one is forgotten.
 */
export class FacetLabelTable {
  private readonly ids: Map<string, number>[];
  private readonly labels: string[][];
  private readonly records = new WeakMap<IndexEntry, Int32Array>();

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
    for (const entry of entries) {
      const record = this.recordOf(entry);
      let at = 0;
      for (let k = 0; k < this.keys.length; k++) {
        const n = record[at++] as number;
        const slot = want[k] as number;
        if (slot >= 0) {
          let tally = counts[slot] as Int32Array;
          for (let j = 0; j < n; j++) {
            const id = record[at + j] as number;
            // Labels first seen after the tally was sized (a new entry) grow it.
            if (id >= tally.length) {
              const grown = new Int32Array((this.labels[k] as string[]).length);
              grown.set(tally);
              tally = grown;
              counts[slot] = grown;
            }
            tally[id] = (tally[id] as number) + 1;
          }
        }
        at += n;
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
    const record = this.recordOf(entry);
    let at = 0;
    for (let k = 0; k < position; k++) at += (record[at] as number) + 1;
    const names = this.labels[position] as string[];
    return Array.from(record.subarray(at + 1, at + 1 + (record[at] as number)), (id) => names[id] as string);
  }

  /** Builds an entry's record now (as it arrives), if not built yet. */
  prime(entry: IndexEntry): void {
    if (!this.records.has(entry)) this.recordOf(entry);
  }

  private recordOf(entry: IndexEntry): Int32Array {
    let record = this.records.get(entry);
    if (record !== undefined) return record;
    const parts: number[] = [];
    // All keys in one read: a stored entry reads them from its packed values, without a full unpack.
    const values = entryValuesAt(entry, this.keys);
    this.keys.forEach((key, k) => {
      const seen = new Set<number>();
      forEachFacetValue(values[k], (label) => seen.add(this.idOf(k, label)));
      parts.push(seen.size, ...seen);
    });
    record = Int32Array.from(parts);
    this.records.set(entry, record);
    return record;
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
