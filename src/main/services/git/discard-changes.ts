import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result } from '../../../shared/lib/result';
import { checkRelativePaths, pathspecInput } from './check-relative-paths';
import { runGit, type GitOptions } from './git-core';
import { gitFail } from './git-error';
import { getStatus } from './get-status';

/**
 * Puts the given paths back as they are in HEAD, staged and unstaged edits alike (the UI has
 * asked the curator first). Files HEAD does not have (untracked or newly added) are deleted,
 * because that is what "discard" means for a new item. Conflicted paths are refused.
 */
export async function discardChanges(cwd: string, paths: readonly string[], opts: GitOptions = {}): Promise<Result<void>> {
  const checked = checkRelativePaths(paths);
  if (!checked.ok) return checked;
  if (paths.length === 0) return ok(undefined);
  const status = await getStatus(cwd, opts);
  if (!status.ok) return status;
  const byPath = new Map(status.value.files.map((f) => [f.path, f]));
  const conflicted = paths.filter((p) => byPath.get(p)?.conflict != null);
  if (conflicted.length > 0) return gitFail({ kind: 'unresolved-conflicts', paths: conflicted });
  const untracked = paths.filter((p) => byPath.get(p)?.badge === 'untracked');
  const tracked = paths.filter((p) => byPath.has(p) && byPath.get(p)?.badge !== 'untracked');
  if (tracked.length > 0) {
    if (status.value.headOid === null) {
      // Before the first commit there is nothing to restore to: unstage, then delete below.
      const reset = await runGit(cwd, ['--literal-pathspecs', 'rm', '--cached', '-q', '-r', '--pathspec-from-file=-', '--pathspec-file-nul'], {
        ...opts,
        stdin: pathspecInput(tracked),
      });
      if (!reset.ok) return reset;
      untracked.push(...tracked);
    } else {
      // A rename's old path must be restored as well, or discarding leaves the item missing.
      const withOrigins = [
        ...new Set(
          tracked.flatMap((p) => {
            const o = byPath.get(p)?.origPath;
            return o === undefined ? [p] : [p, o];
          }),
        ),
      ];
      const restored = await runGit(
        cwd,
        ['--literal-pathspecs', 'restore', '--source=HEAD', '--staged', '--worktree', '--pathspec-from-file=-', '--pathspec-file-nul'],
        { ...opts, stdin: pathspecInput(withOrigins) },
      );
      if (!restored.ok) return restored;
    }
  }
  for (const p of untracked) await rm(path.join(cwd, p), { force: true });
  return ok(undefined);
}
