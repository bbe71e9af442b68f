/** A path into the front matter: map keys as strings, sequence indexes as numbers. */
export type FieldPath = readonly (string | number)[];

/**
 * Parses `a.b.0.c` into segments. A backslash escapes a dot or a backslash, because real keys
 * contain dots (`msvalidate.01`). All-digit segments become numbers; they still match a map key
 * spelled the same way.
 */
export function parseFieldPath(path: string | FieldPath): FieldPath {
  if (typeof path !== 'string') return path;
  if (path === '') return [];
  const segments: (string | number)[] = [];
  let current = '';
  for (let i = 0; i < path.length; i += 1) {
    const ch = path[i];
    if (ch === '\\' && i + 1 < path.length) {
      current += path[i + 1] ?? '';
      i += 1;
    } else if (ch === '.') {
      segments.push(toSegment(current));
      current = '';
    } else {
      current += ch ?? '';
    }
  }
  segments.push(toSegment(current));
  return segments;
}

function toSegment(raw: string): string | number {
  return /^(?:0|[1-9][0-9]*)$/.test(raw) ? Number(raw) : raw;
}

/** Formats segments as `a.b.0.c`, escaping dots and backslashes inside keys. */
export function formatFieldPath(path: FieldPath): string {
  return path.map((s) => (typeof s === 'number' ? String(s) : s.replace(/[\\.]/g, (c) => `\\${c}`))).join('.');
}
