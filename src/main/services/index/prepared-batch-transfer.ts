import { adoptPacked, packedLayoutKey } from '../list/pack-front-matter';
import type { PreparedEntry } from '../list/prepared-entry';

/** A prepared entry as it crosses threads: packed front matter as `[layout id, values]`. */
type TransferredEntry = Omit<PreparedEntry, 'packed'> & { readonly packed: readonly [number, string] | string | null };

/**
 * Entries prepared on a scan helper thread, as posted: plain data (strings and numbers), with each
 * front matter layout spelled out once, the first time the helper uses it, and by id after.
 */
export interface TransferredBatch {
  readonly layouts: readonly (readonly [number, string])[];
  /** One per file asked for, in order; null for a file that was gone. */
  readonly entries: readonly (TransferredEntry | null)[];
}

/** The helper's side: numbers layouts as it first sends them. */
export class PreparedBatchEncoder {
  private readonly ids = new Map<string, number>();

  /** Encodes prepared entries for posting. */
  encode(entries: readonly (PreparedEntry | null)[]): TransferredBatch {
    const layouts: [number, string][] = [];
    const out = entries.map((entry): TransferredEntry | null => {
      if (entry === null) return null;
      const { packed } = entry;
      if (packed === null || typeof packed === 'string') return { ...entry, packed };
      const key = packedLayoutKey(packed);
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(key, id);
        layouts.push([id, key]);
      }
      return { ...entry, packed: [id, packed.values] };
    });
    return { layouts, entries: out };
  }
}

/** The scan's side: maps the helper's layout ids to this thread's layouts. */
export class PreparedBatchDecoder {
  private readonly keys = new Map<number, string>();

  /** Decodes a batch; batches must be decoded in the order the helper encoded them. */
  decode(batch: TransferredBatch): (PreparedEntry | null)[] {
    for (const [id, key] of batch.layouts) this.keys.set(id, key);
    return batch.entries.map((entry) => {
      if (entry === null) return null;
      const { packed } = entry;
      if (packed === null || typeof packed === 'string') return { ...entry, packed };
      const key = this.keys.get(packed[0]);
      if (key === undefined) throw new Error(`unknown front matter layout ${packed[0]}`);
      return { ...entry, packed: adoptPacked(key, packed[1]) };
    });
  }
}
