import { diffArrays } from 'diff';

/** A run of the merged body: settled lines, or a place where both sides changed the same lines differently. */
export type LineMergeHunk =
  | { readonly kind: 'stable'; readonly lines: readonly string[] }
  | { readonly kind: 'conflict'; readonly base: readonly string[]; readonly ours: readonly string[]; readonly theirs: readonly string[] };

/** One side's edit: base lines [baseStart, baseEnd) replaced by `lines`. */
interface Edit {
  readonly baseStart: number;
  readonly baseEnd: number;
  readonly lines: readonly string[];
}

// Beyond this many edits jsdiff gives up; the whole text then counts as one change, which is
// still a correct (if coarse) merge input and keeps a pathological file from stalling the UI.
const MAX_EDIT_LENGTH = 20_000;

/** The edits that turn `base` into `side`, in base order. */
export function lineEdits(base: readonly string[], side: readonly string[]): Edit[] {
  const changes = diffArrays([...base], [...side], { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) return base.length === 0 && side.length === 0 ? [] : [{ baseStart: 0, baseEnd: base.length, lines: side }];
  const edits: Edit[] = [];
  let at = 0;
  let open: { baseStart: number; baseEnd: number; lines: string[] } | null = null;
  for (const change of changes) {
    if (!change.added && !change.removed) {
      if (open) edits.push(open);
      open = null;
      at += change.count;
      continue;
    }
    open ??= { baseStart: at, baseEnd: at, lines: [] };
    if (change.removed) {
      open.baseEnd += change.count;
      at += change.count;
    } else {
      open.lines.push(...change.value);
    }
  }
  if (open) edits.push(open);
  return edits;
}

function applyEdits(base: readonly string[], from: number, to: number, edits: readonly Edit[]): string[] {
  const out: string[] = [];
  let at = from;
  for (const e of edits) {
    out.push(...base.slice(at, e.baseStart), ...e.lines);
    at = e.baseEnd;
  }
  out.push(...base.slice(at, to));
  return out;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/**
 * A line-based three-way merge (diff3): edits from one side apply cleanly; edits from both sides
 * that overlap (or insert at the same place) become a conflict hunk unless they are identical.
 * Unlike git, changes to adjacent but distinct lines merge, since each is unambiguous.
 */
export function mergeLines(base: readonly string[], ours: readonly string[], theirs: readonly string[]): LineMergeHunk[] {
  const tagged = [
    ...lineEdits(base, ours).map((e) => ({ ...e, side: 'ours' as const })),
    ...lineEdits(base, theirs).map((e) => ({ ...e, side: 'theirs' as const })),
  ].sort((a, b) => a.baseStart - b.baseStart || a.baseEnd - b.baseEnd);
  const hunks: LineMergeHunk[] = [];
  const stable = (lines: readonly string[]): void => {
    if (lines.length === 0) return;
    const last = hunks.at(-1);
    if (last?.kind === 'stable') hunks[hunks.length - 1] = { kind: 'stable', lines: [...last.lines, ...lines] };
    else hunks.push({ kind: 'stable', lines: [...lines] });
  };
  let at = 0;
  let i = 0;
  for (let first = tagged[0]; first !== undefined; first = tagged[i]) {
    const group = [first];
    let start = first.baseStart;
    let end = first.baseEnd;
    let endsWithInsert = first.baseStart === first.baseEnd;
    for (i += 1; i < tagged.length; i++) {
      const next = tagged[i];
      if (next === undefined) break;
      const isInsert = next.baseStart === next.baseEnd;
      const touches = next.baseStart < end || next.baseStart === start || (next.baseStart === end && (isInsert || endsWithInsert));
      if (!touches) break;
      group.push(next);
      start = Math.min(start, next.baseStart);
      if (next.baseEnd >= end) {
        endsWithInsert = isInsert && next.baseEnd === end ? true : next.baseEnd > end ? isInsert : endsWithInsert;
        end = next.baseEnd;
      }
    }
    stable(base.slice(at, start));
    const oursEdits = group.filter((e) => e.side === 'ours');
    const theirsEdits = group.filter((e) => e.side === 'theirs');
    const oursLines = applyEdits(base, start, end, oursEdits);
    const theirsLines = applyEdits(base, start, end, theirsEdits);
    if (theirsEdits.length === 0) stable(oursLines);
    else if (oursEdits.length === 0 || sameLines(oursLines, theirsLines)) stable(theirsLines);
    else hunks.push({ kind: 'conflict', base: base.slice(start, end), ours: oursLines, theirs: theirsLines });
    at = end;
  }
  stable(base.slice(at));
  return hunks;
}
