/** A fuzzy match: higher is better; positions are the matched offsets in the target. */
export interface FuzzyMatch {
  readonly score: number;
  readonly positions: readonly number[];
}

/**
 * A 32-bit summary of which characters a string holds (by char code modulo 32), so most targets
 * can be rejected with one AND before any scanning. Collisions only let extra targets through.
 */
export function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

/** `fuzzyMatch`'s score alone (no positions array), or -Infinity when there is no match. */
export function fuzzyScore(query: string, target: string): number {
  return scan(query, target, null);
}

function isBoundary(target: string, i: number): boolean {
  if (i === 0) return true;
  const prev = target.charCodeAt(i - 1);
  // After a separator (space, slash, dash, dot, underscore, colon) a word starts.
  return prev === 32 || prev === 47 || prev === 45 || prev === 46 || prev === 95 || prev === 58;
}

/**
 * Scores `query` as a subsequence of `target` (both already folded to lower case). A contiguous
 * occurrence beats scattered letters; letters at word starts and runs of letters score extra;
 * shorter targets win ties. Returns null when some letter of the query is missing.
 */
export function fuzzyMatch(query: string, target: string): FuzzyMatch | null {
  const positions: number[] = [];
  const score = scan(query, target, positions);
  return score === -Infinity ? null : { score, positions };
}

/** True when query[from..] is still a subsequence of target[at..]. */
function restFits(query: string, from: number, target: string, at: number): boolean {
  let i = at;
  for (let q = from; q < query.length; q++) {
    i = target.indexOf(query[q] as string, i);
    if (i === -1) return false;
    i++;
  }
  return true;
}

function scan(query: string, target: string, positions: number[] | null): number {
  if (query.length === 0 || query.length > target.length) return -Infinity;
  const at = target.indexOf(query);
  if (at !== -1) {
    if (positions !== null) for (let k = 0; k < query.length; k++) positions.push(at + k);
    return 100 + query.length * 10 + (at === 0 ? 40 : isBoundary(target, at) ? 25 : 0) - target.length * 0.05;
  }
  let score = 0;
  let from = 0;
  let previous = -2;
  for (let q = 0; q < query.length; q++) {
    const ch = query[q] as string;
    let i = target.indexOf(ch, from);
    if (i === -1) return -Infinity;
    // Prefer the next occurrence at a word start if it is not far: `ncs` -> `news/clinical-...`.
    if (i !== previous + 1 && !isBoundary(target, i)) {
      for (let j = target.indexOf(ch, i + 1); j !== -1 && j - i < 24; j = target.indexOf(ch, j + 1)) {
        // Only jump when the rest of the query still fits after the word start.
        if (isBoundary(target, j)) {
          if (restFits(query, q + 1, target, j + 1)) i = j;
          break;
        }
      }
    }
    score += 1;
    if (i === previous + 1) score += 5;
    if (isBoundary(target, i)) score += 8;
    score -= Math.min(i - previous - 1, 20) * 0.1;
    positions?.push(i);
    previous = i;
    from = i + 1;
  }
  return score - target.length * 0.05;
}
