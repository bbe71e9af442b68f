import { ok, type Result } from '../../../shared/lib/result';
import { checkRelativePaths } from './check-relative-paths';
import { runGit, type GitOptions } from './git-core';
import { classifyGitFailure, gitFail, trimStderr } from './git-error';

/** A file's bytes at a revision, or null when the file does not exist there. */
export interface FileAtRevision {
  readonly text: string | null;
  /** The raw bytes, for callers that must not decode (images, non-UTF-8 files). */
  readonly bytes: Buffer | null;
}

/**
 * The content of `filePath` at `revision` (a commit id, `HEAD`, or an index stage `:1`/`:2`/`:3`
 * during a conflict). Read with `cat-file blob`, which never runs textconv or filter drivers.
 */
export async function showFileAt(cwd: string, revision: string, filePath: string, opts: GitOptions = {}): Promise<Result<FileAtRevision>> {
  const checked = checkRelativePaths([filePath]);
  if (!checked.ok) return checked;
  // A revision starting with `-` would be read as an option; stages are `:N`, commits hex or names.
  if (!/^(?::[0-3]|[A-Za-z0-9_][A-Za-z0-9_./@{}~^-]*)$/.test(revision)) return gitFail({ kind: 'unknown', stderr: `refused revision: ${revision}` });
  // `./` makes the path relative to cwd (the workspace may be a sub-folder of the repository).
  const spec = `${revision}:./${filePath}`;
  const exists = await runGit(cwd, ['cat-file', '-e', spec], { ...opts, readOnly: true, okExitCodes: [128, 1] });
  if (!exists.ok) return exists;
  if (exists.value.exitCode !== 0) {
    // A missing path or revision is "not there"; anything git classifies (not a repository, ...) is an error.
    const kind = classifyGitFailure(exists.value.stderr);
    return kind === 'unknown' ? ok({ text: null, bytes: null }) : gitFail({ kind, stderr: trimStderr(exists.value.stderr) });
  }
  const blob = await runGit(cwd, ['cat-file', 'blob', spec], { ...opts, readOnly: true });
  if (!blob.ok) return blob;
  return ok({ text: blob.value.stdout.toString('utf8'), bytes: blob.value.stdout });
}
