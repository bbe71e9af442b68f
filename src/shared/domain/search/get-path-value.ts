import { parseFieldPath, type FieldPath } from '../frontmatter/field-path';

const parsedPaths = new Map<string, FieldPath>();

/** Parsed form of a column path, cached: the same few paths are read for every row on every sort. */
function segmentsOf(path: string): FieldPath {
  let segments = parsedPaths.get(path);
  if (segments === undefined) {
    segments = parseFieldPath(path);
    // Bounded so a stream of ad-hoc paths cannot grow the cache forever.
    if (parsedPaths.size > 1000) parsedPaths.clear();
    parsedPaths.set(path, segments);
  }
  return segments;
}

/**
 * Reads the value at a dotted path (`link.brand`, `relatedOfferings.0.label`) from front matter,
 * or undefined. Keys that contain dots may be escaped (`htmlMetaData.msvalidate\.01`); an
 * unescaped dotted key is also found, by joining segments when the single segment is missing.
 */
export function getPathValue(frontmatter: unknown, path: string | FieldPath): unknown {
  const segments = typeof path === 'string' ? segmentsOf(path) : path;
  let current: unknown = frontmatter;
  for (let i = 0; i < segments.length; i++) {
    if (current === null || typeof current !== 'object') return undefined;
    const segment = segments[i] as string | number;
    if (Array.isArray(current)) {
      current = typeof segment === 'number' ? current[segment] : undefined;
      continue;
    }
    const record = current as Record<string, unknown>;
    const key = String(segment);
    if (Object.prototype.hasOwnProperty.call(record, key)) {
      current = record[key];
      continue;
    }
    // `msvalidate.01` written without escaping: try the longest run of segments that is a key.
    let found = false;
    for (let j = segments.length; j > i + 1; j--) {
      const joined = segments.slice(i, j).join('.');
      if (Object.prototype.hasOwnProperty.call(record, joined)) {
        current = record[joined];
        i = j - 1;
        found = true;
        break;
      }
    }
    if (!found) return undefined;
  }
  return current;
}
