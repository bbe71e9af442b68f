import { ok, type Result } from '../../../shared/lib/result';
import type { GitOptions } from './git-core';
import { showFileAt } from './show-file-at';

/** The three inputs of a conflicted file, from the index stages git keeps during a conflict. */
export interface ConflictVersions {
  /** The common ancestor (stage 1); null when both sides added the file. */
  readonly base: string | null;
  /** This clone's version (stage 2); null when this side deleted it. During a rebase, git's "ours" is the upstream. */
  readonly ours: string | null;
  /** The incoming version (stage 3); null when that side deleted it. */
  readonly theirs: string | null;
}

/**
 * Reads base/ours/theirs of a conflicted item from index stages 1-3. More reliable than parsing
 * markers: it has the base even with git's default (non-diff3) conflict style.
 */
export async function getConflictVersions(cwd: string, filePath: string, opts: GitOptions = {}): Promise<Result<ConflictVersions>> {
  const [base, ours, theirs] = await Promise.all([
    showFileAt(cwd, ':1', filePath, opts),
    showFileAt(cwd, ':2', filePath, opts),
    showFileAt(cwd, ':3', filePath, opts),
  ]);
  if (!base.ok) return base;
  if (!ours.ok) return ours;
  if (!theirs.ok) return theirs;
  return ok({ base: base.value.text, ours: ours.value.text, theirs: theirs.value.text });
}
