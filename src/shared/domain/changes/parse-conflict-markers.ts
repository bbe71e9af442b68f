import { splitLines } from './split-lines';

/** A conflicted file split back into the versions git merged. */
export interface ConflictMarkerParse {
  /** Number of `<<<<<<<` blocks found. */
  readonly conflicts: number;
  readonly ours: string;
  readonly theirs: string;
  /** The common ancestor, when every block carried a diff3 `|||||||` section; else null. */
  readonly base: string | null;
  /** The labels git wrote after the markers (`HEAD`, a commit), from the first block. */
  readonly oursLabel: string | null;
  readonly theirsLabel: string | null;
  /** True when a block was left open or a separator was missing: the versions are best effort. */
  readonly malformed: boolean;
}

const OPEN = /^<{7}(?: (.*))?\r?\n?$/;
const BASE = /^\|{7}(?: .*)?\r?\n?$/;
const SEP = /^={7}\r?\n?$/;
const CLOSE = /^>{7}(?: (.*))?\r?\n?$/;

/**
 * Splits a file with git conflict markers (`<<<<<<< / ======= / >>>>>>>`, and diff3's
 * `|||||||`) into our and their full versions, so the front matter can be merged per field.
 * Outside a block a `=======` line is ordinary text (a Markdown setext heading).
 */
export function parseConflictMarkers(text: string): ConflictMarkerParse {
  const ours: string[] = [];
  const theirs: string[] = [];
  const base: string[] = [];
  let state: 'outside' | 'ours' | 'base' | 'theirs' = 'outside';
  let conflicts = 0;
  let blocksWithBase = 0;
  let malformed = false;
  let oursLabel: string | null = null;
  let theirsLabel: string | null = null;
  for (const line of splitLines(text)) {
    if (state === 'outside') {
      const open = OPEN.exec(line);
      if (open) {
        state = 'ours';
        conflicts += 1;
        if (conflicts === 1) oursLabel = open[1]?.trim() ?? null;
        continue;
      }
      ours.push(line);
      theirs.push(line);
      base.push(line);
      continue;
    }
    if (state === 'ours' && BASE.test(line)) {
      state = 'base';
      blocksWithBase += 1;
    } else if ((state === 'ours' || state === 'base') && SEP.test(line)) {
      state = 'theirs';
    } else if (state === 'theirs' && CLOSE.test(line)) {
      state = 'outside';
      if (conflicts === 1) theirsLabel = CLOSE.exec(line)?.[1]?.trim() ?? null;
    } else if (OPEN.test(line) || (state !== 'theirs' && CLOSE.test(line))) {
      malformed = true;
    } else if (state === 'ours') ours.push(line);
    else if (state === 'base') base.push(line);
    else theirs.push(line);
  }
  if (state !== 'outside') malformed = true;
  const hasBase = conflicts > 0 && blocksWithBase === conflicts;
  return { conflicts, ours: ours.join(''), theirs: theirs.join(''), base: hasBase ? base.join('') : null, oursLabel, theirsLabel, malformed };
}
