import type { IndexEntry } from '../../../shared/domain/search/index-entry';

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;

/** Validates just enough of a parsed cached entry to trust it in the list. */
export function isIndexEntry(value: unknown, relPath: string): value is IndexEntry {
  if (!isObject(value)) return false;
  const e = value as Record<string, unknown>;
  return e['path'] === relPath && typeof e['size'] === 'number' && typeof e['mtimeMs'] === 'number' && isObject(e['text']) && isObject(e['problemCounts']);
}
