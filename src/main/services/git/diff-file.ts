import { lstat, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/lib/result';
import { checkRelativePaths } from './check-relative-paths';
import type { GitOptions } from './git-core';
import { showFileAt } from './show-file-at';

/** The two sides of a diff editor; null is "does not exist" (a new or a deleted item). */
export interface FileDiff {
  readonly before: string | null;
  readonly after: string | null;
}

/**
 * HEAD's version of an item against the working tree, as a text pair for the diff editor. Reads
 * the working file directly rather than asking git for a patch: the editor computes its own diff,
 * and external diff drivers or textconv in a hostile config never run.
 */
export async function diffFile(cwd: string, filePath: string, opts: GitOptions = {}): Promise<Result<FileDiff>> {
  const checked = checkRelativePaths([filePath]);
  if (!checked.ok) return checked;
  const head = await showFileAt(cwd, 'HEAD', filePath, opts);
  if (!head.ok) return head;
  const abs = path.join(cwd, filePath);
  let after: string | null = null;
  try {
    // A symlink is compared as git stores it (its target path), never followed out of the folder.
    after = (await lstat(abs)).isSymbolicLink() ? await readlink(abs) : await readFile(abs, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return fail('io', `Could not read ${filePath}.`);
  }
  return ok({ before: head.value.text, after });
}
