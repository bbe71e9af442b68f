/**
 * Tests a workspace-relative POSIX path against a glob: `**` spans any number of folders
 * (including none), `*` any run of characters within one segment, `?` one such character.
 * Everything else is literal. Written by hand because shared code may not use Node's matchers,
 * and a schema only needs these three.
 */
export function matchGlob(pattern: string, path: string): boolean {
  return matchSegments(pattern.split('/').filter((s) => s !== ''), 0, path.split('/'), 0);
}

function matchSegments(pattern: readonly string[], p: number, parts: readonly string[], i: number): boolean {
  // Iterative over plain segments; recursion only at `**`, bounded by the path's depth.
  while (p < pattern.length) {
    const seg = pattern[p] as string;
    if (seg === '**') {
      if (p === pattern.length - 1) return true;
      for (let k = i; k <= parts.length; k += 1) if (matchSegments(pattern, p + 1, parts, k)) return true;
      return false;
    }
    const part = parts[i];
    if (part === undefined || !matchSegment(seg, part)) return false;
    p += 1;
    i += 1;
  }
  return i === parts.length;
}

/** Matches one segment with `*` and `?` by greedy backtracking (linear-ish, no regex to escape). */
function matchSegment(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '?' || (c !== undefined && c !== '*' && c === text[t])) {
      p += 1;
      t += 1;
    } else if (c === '*') {
      star = p;
      mark = t;
      p += 1;
    } else if (star !== -1) {
      p = star + 1;
      mark += 1;
      t = mark;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p += 1;
  return p === pattern.length;
}
