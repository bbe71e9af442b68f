import { diffFields, mergeFrontMatterConflict, resolveFrontMatterMerge, splitLines } from '../changes';
import type { FieldChoice, FrontMatterMerge, HunkChoice, LineMergeHunk } from '../changes';
import { lineEdits } from '../changes/merge-lines';
import type { FieldPath, PlainValue } from '../frontmatter';
import { parseForIndex, splitFrontMatter } from '../frontmatter';

/** The three versions of an open item when it changed on disk while it had unsaved edits. */
export interface MergeDocumentInput {
  /** The text as loaded into the editor; null when unknown (a draft whose base version is gone). */
  readonly base: string | null;
  /** The editor buffer. */
  readonly mine: string;
  /** The file as it is on disk now. */
  readonly disk: string;
}

/** A field changed differently on both sides. An absent property means "the field does not exist there". */
export interface FieldMergeConflict {
  /** `a.b.0` style, as shown to the curator and used as the key of a choice. */
  readonly path: string;
  readonly segments: FieldPath;
  readonly base?: unknown;
  readonly mine?: unknown;
  readonly disk?: unknown;
}

/** A run of the merged body: settled lines, or lines both sides changed differently. */
export type BodyMergeHunk =
  | { readonly kind: 'stable'; readonly text: string }
  | { readonly kind: 'conflict'; readonly index: number; readonly base: string; readonly mine: string; readonly disk: string };

/** The merge as the merge view shows it: what merged by itself, and what needs a choice. */
export interface DocumentMerge {
  /** False when the base is unknown: every difference is then the curator's choice. */
  readonly baseKnown: boolean;
  /** False when some side's front matter could not be read: the whole file merges as lines. */
  readonly frontMatterReadable: boolean;
  /** Fields only I changed: applied on top of the disk version. */
  readonly mineChanged: readonly string[];
  /** Fields only the disk changed: kept as on disk. */
  readonly diskChanged: readonly string[];
  readonly conflicts: readonly FieldMergeConflict[];
  readonly bodyHunks: readonly BodyMergeHunk[];
  readonly bodyConflicts: number;
  /** No field and no hunk needs a choice. */
  readonly clean: boolean;
  /** The merged text when clean, else null. */
  readonly text: string | null;
  /** The engine's merge, with the disk version as carrier (kept for resolving). */
  readonly engine: FrontMatterMerge;
}

/** How the curator settles one conflicted field: a version, or a value typed in (undefined removes it). */
export type FieldResolution = { readonly take: 'mine' | 'disk' | 'base' } | { readonly value: PlainValue | undefined };

/** How the curator settles one body hunk: a version, both (mine first), or text typed in. */
export type HunkResolution = { readonly take: 'mine' | 'disk' | 'base' | 'both' } | { readonly text: string };

/** Choices keyed by conflict path, and by body conflict index. */
export interface DocumentMergeResolution {
  readonly fields?: Readonly<Record<string, FieldResolution>>;
  readonly hunks?: Readonly<Record<number, HunkResolution>>;
}

/** The merged file, or what still needs a choice / why it could not be produced. */
export type DocumentMergeOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly unresolved: readonly string[]; readonly reason: string };

// The engine merges "ours" into "theirs" and writes the result into "ours". Folio's merge must
// start from the DISK text and apply only my changes as span edits (untouched bytes stay as on
// disk), so the disk plays "ours" and the buffer "theirs" throughout this module.
const fieldToEngine = (choice: FieldResolution): FieldChoice => {
  if ('value' in choice) return choice;
  return { take: choice.take === 'mine' ? 'theirs' : choice.take === 'disk' ? 'ours' : 'base' };
};

const hunkToEngine = (choice: HunkResolution, hunk: Extract<LineMergeHunk, { kind: 'conflict' }>): HunkChoice => {
  if ('text' in choice) return choice;
  if (choice.take === 'both') return { text: [...hunk.theirs, ...hunk.ours].join('') };
  return { take: choice.take === 'mine' ? 'theirs' : choice.take === 'disk' ? 'ours' : 'base' };
};

/**
 * Without a base, a diff3 would see both sides as adding everything and flag the whole body as
 * one conflict. Instead each region where mine differs from disk becomes its own conflict, and
 * the lines they share stay settled.
 */
function twoWayHunks(disk: readonly string[], mine: readonly string[]): LineMergeHunk[] {
  const hunks: LineMergeHunk[] = [];
  let at = 0;
  for (const edit of lineEdits(disk, mine)) {
    if (edit.baseStart > at) hunks.push({ kind: 'stable', lines: disk.slice(at, edit.baseStart) });
    hunks.push({ kind: 'conflict', base: [], ours: disk.slice(edit.baseStart, edit.baseEnd), theirs: edit.lines });
    at = edit.baseEnd;
  }
  if (at < disk.length) hunks.push({ kind: 'stable', lines: disk.slice(at) });
  return hunks;
}

function overlaps(path: string, conflictPaths: readonly string[]): boolean {
  return conflictPaths.some((c) => c === path || path.startsWith(`${c}.`) || c.startsWith(`${path}.`));
}

function changedFields(before: unknown, after: unknown, conflictPaths: readonly string[]): string[] {
  if (before === null || after === null || typeof before !== 'object' || typeof after !== 'object') return [];
  return diffFields(before as Record<string, unknown>, after as Record<string, unknown>)
    .map((change) => change.path)
    .filter((path) => !overlaps(path, conflictPaths));
}

/**
 * Three-way merge of an open item (base = as loaded, mine = the buffer, disk = now): front matter
 * per field (different fields merge by themselves; the same field changed differently is a
 * conflict), the body per hunk (line diff3). The merged text is the disk text with my changed
 * fields applied as span edits and the body hunks settled, so every byte I did not change stays
 * as on disk. Pure; reuses the git feature's engine (`shared/domain/changes`).
 */
export function mergeDocument(input: MergeDocumentInput): DocumentMerge {
  const { base, mine, disk } = input;
  let engine = mergeFrontMatterConflict(base, disk, mine);
  if (base === null) {
    const readable = engine.frontMatterReadable;
    const bodyHunks = twoWayHunks(splitLines(readable ? splitFrontMatter(disk).body : disk), splitLines(readable ? splitFrontMatter(mine).body : mine));
    const bodyConflicts = bodyHunks.filter((h) => h.kind === 'conflict').length;
    engine = { ...engine, bodyHunks, bodyConflicts, clean: engine.conflicts.length === 0 && bodyConflicts === 0, text: null };
    if (engine.clean) {
      const rendered = resolveFrontMatterMerge(engine);
      engine = rendered.ok ? { ...engine, text: rendered.text } : { ...engine, clean: false };
    }
  }
  const conflicts: FieldMergeConflict[] = engine.conflicts.map((c) => ({
    path: c.path,
    segments: c.segments,
    ...('base' in c ? { base: c.base } : {}),
    ...('theirs' in c ? { mine: c.theirs } : {}),
    ...('ours' in c ? { disk: c.ours } : {}),
  }));
  const conflictPaths = conflicts.map((c) => c.path);
  const baseData = base === null ? null : parseForIndex(base).data;
  const mineChanged = engine.frontMatterReadable && baseData !== null ? changedFields(baseData, parseForIndex(mine).data, conflictPaths) : [];
  const diskChanged = engine.frontMatterReadable && baseData !== null ? changedFields(baseData, parseForIndex(disk).data, conflictPaths) : [];
  let index = 0;
  const bodyHunks: BodyMergeHunk[] = engine.bodyHunks.map((h) =>
    h.kind === 'stable' ? { kind: 'stable', text: h.lines.join('') } : { kind: 'conflict', index: index++, base: h.base.join(''), mine: h.theirs.join(''), disk: h.ours.join('') },
  );
  return {
    baseKnown: base !== null,
    frontMatterReadable: engine.frontMatterReadable,
    mineChanged: base === null ? changedFields(parseForIndex(disk).data, parseForIndex(mine).data, conflictPaths) : mineChanged,
    diskChanged,
    conflicts,
    bodyHunks,
    bodyConflicts: engine.bodyConflicts,
    clean: engine.clean,
    text: engine.clean ? engine.text : null,
    engine,
  };
}

/**
 * Applies the curator's choices and produces the merged file (disk text as carrier). Every
 * conflicted field and body hunk needs a choice; missing ones are listed and nothing is produced.
 */
export function resolveDocumentMerge(merge: DocumentMerge, resolution: DocumentMergeResolution = {}): DocumentMergeOutcome {
  const fields: Record<string, FieldChoice> = {};
  for (const conflict of merge.conflicts) {
    const choice = resolution.fields?.[conflict.path];
    if (choice !== undefined) Object.defineProperty(fields, conflict.path, { value: fieldToEngine(choice), enumerable: true });
  }
  const hunks: (HunkChoice | undefined)[] = [];
  for (const hunk of merge.engine.bodyHunks) {
    if (hunk.kind !== 'conflict') continue;
    const choice = resolution.hunks?.[hunks.length];
    hunks.push(choice === undefined ? undefined : hunkToEngine(choice, hunk));
  }
  return resolveFrontMatterMerge(merge.engine, { fields, hunks });
}
