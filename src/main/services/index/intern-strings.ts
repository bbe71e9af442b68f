/** Strings longer than this are rarely repeated exactly and are not worth a table lookup. */
const maxInternLength = 512;
/** A cap so a folder of unique values cannot grow the table without bound. */
const maxTableSize = 200_000;

/**
 * Makes equal strings inside parsed data share one copy, in place. Curated front matter repeats
 * itself: the description is mirrored into three metadata blocks, and categories, sources,
 * brands and statuses recur across thousands of items. Sharing them keeps a 50,000-item index
 * within the main process's memory budget. A plain walk after `JSON.parse`, not a reviver:
 * a reviver sends JSON.parse down its slow path for the whole text.
 */
export function createStringInterner(): <T>(data: T) => T {
  const table = new Map<string, string>();
  const share = (value: string): string => {
    if (value.length > maxInternLength) return value;
    const shared = table.get(value);
    if (shared !== undefined) return shared;
    if (table.size < maxTableSize) table.set(value, value);
    return value;
  };
  return <T>(data: T): T => {
    const stack: unknown[] = [data];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const item: unknown = node[i];
          if (typeof item === 'string') node[i] = share(item);
          else if (typeof item === 'object' && item !== null) stack.push(item);
        }
      } else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown>;
        for (const key of Object.keys(record)) {
          const item = record[key];
          if (typeof item === 'string') record[key] = share(item);
          else if (typeof item === 'object' && item !== null) stack.push(item);
        }
      }
    }
    return data;
  };
}
