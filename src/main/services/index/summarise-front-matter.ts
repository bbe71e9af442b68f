/** Longest string kept in the list's copy of the front matter; the open document has the full value. */
export const MAX_SUMMARY_STRING_LENGTH = 300;
/** Most list elements kept per array in the list's copy. */
export const MAX_SUMMARY_LIST_LENGTH = 100;

/**
 * The list's copy of an item's front matter: the same plain data (so any path can be a column or a
 * facet) with very long strings shortened and huge lists cut, so 50,000 items fit the main
 * process's memory budget whatever a curator pastes into a field.
 */
export function summariseFrontMatter(data: Readonly<Record<string, unknown>> | null): Record<string, unknown> | null {
  if (data === null) return null;
  // Almost every item is within the limits: then the parsed data itself is the summary, and a
  // read-only check costs a fraction of a deep copy.
  if (withinLimits(data, 0)) return data;
  return summariseValue(data, 0) as Record<string, unknown>;
}

function withinLimits(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.length <= MAX_SUMMARY_STRING_LENGTH;
  if (value === null || typeof value !== 'object') return true;
  if (depth > 64) return false;
  if (Array.isArray(value)) {
    if (value.length > MAX_SUMMARY_LIST_LENGTH) return false;
    for (const item of value) if (!withinLimits(item, depth + 1)) return false;
    return true;
  }
  // Own enumerable keys, as the parser makes them (for-in with a hasOwn check measured slower).
  for (const key of Object.keys(value)) {
    if (!withinLimits((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

function summariseValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_SUMMARY_STRING_LENGTH ? `${value.slice(0, MAX_SUMMARY_STRING_LENGTH)}…` : value;
  }
  if (value === null || typeof value !== 'object') return value;
  // The parser already bounds depth; this guard keeps a hand-built value from recursing forever.
  if (depth > 64) return null;
  if (Array.isArray(value)) return value.slice(0, MAX_SUMMARY_LIST_LENGTH).map((v) => summariseValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // defineProperty keeps a `__proto__` key as plain data, as the parser does.
    Object.defineProperty(out, key, { value: summariseValue(v, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
