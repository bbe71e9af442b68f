/** Strings longer than this are rarely repeated exactly and are not worth a table lookup. */
const maxInternLength = 512;
/** A cap so a folder of unique values cannot grow the table without bound. */
const maxTableSize = 200_000;

/**
 * A JSON.parse reviver that makes equal strings share one copy. Curated front matter repeats
 * itself: the description is mirrored into three metadata blocks, and categories, sources,
 * brands and statuses recur across thousands of items. Sharing them keeps a 50,000-item index
 * within the main process's memory budget.
 */
export function createStringInterner(): (key: string, value: unknown) => unknown {
  const table = new Map<string, string>();
  return (_key, value) => {
    if (typeof value !== 'string' || value.length > maxInternLength) return value;
    const shared = table.get(value);
    if (shared !== undefined) return shared;
    if (table.size < maxTableSize) table.set(value, value);
    return value;
  };
}
