import { ok, type Result } from '../../../shared/lib/result';
import { checkRelativePaths, pathspecInput } from './check-relative-paths';
import { runGit, type GitOptions } from './git-core';

/**
 * Stages exactly the given paths (new, modified or deleted), never the whole tree. Paths go
 * through stdin as literal pathspecs, so `*.md` or `:(glob)` in a file name stays a file name and
 * a long selection does not hit the command-line length limit.
 */
export async function stageFiles(cwd: string, paths: readonly string[], opts: GitOptions = {}): Promise<Result<void>> {
  const checked = checkRelativePaths(paths);
  if (!checked.ok) return checked;
  if (paths.length === 0) return ok(undefined);
  const result = await runGit(cwd, ['--literal-pathspecs', 'add', '--pathspec-from-file=-', '--pathspec-file-nul'], { ...opts, stdin: pathspecInput(paths) });
  return result.ok ? ok(undefined) : result;
}
