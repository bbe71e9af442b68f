import { ok, type Result } from '../../../shared/lib/result';
import { checkRelativePaths, pathspecInput } from './check-relative-paths';
import { runGit, type GitOptions } from './git-core';

/**
 * Takes the given paths out of the next commit, keeping the working-tree edits. `git reset` (not
 * `restore --staged`) because it also works before the first commit, when there is no HEAD.
 */
export async function unstageFiles(cwd: string, paths: readonly string[], opts: GitOptions = {}): Promise<Result<void>> {
  const checked = checkRelativePaths(paths);
  if (!checked.ok) return checked;
  if (paths.length === 0) return ok(undefined);
  const result = await runGit(cwd, ['--literal-pathspecs', 'reset', '-q', '--pathspec-from-file=-', '--pathspec-file-nul'], {
    ...opts,
    stdin: pathspecInput(paths),
  });
  return result.ok ? ok(undefined) : result;
}
