import { ok, type Result } from '../../../shared/lib/result';
import { gitFail } from './git-error';

/**
 * Accepts only workspace-relative POSIX paths that stay inside the folder. Git would happily take
 * `../x` or an absolute path and act outside the workspace, so these are refused before spawning.
 */
export function checkRelativePaths(paths: readonly string[]): Result<readonly string[]> {
  const refused = paths.filter(
    (p) =>
      p === '' || p.includes('\0') || p.startsWith('/') || p.includes('\\') || /^[A-Za-z]:/.test(p) || p.split('/').some((s) => s === '..' || s === '.git'),
  );
  return refused.length > 0 ? gitFail({ kind: 'invalid-path', paths: refused }) : ok(paths);
}

/** Paths as git reads them from stdin with `--pathspec-from-file=- --pathspec-file-nul`. */
export function pathspecInput(paths: readonly string[]): string {
  return paths.map((p) => `${p}\0`).join('');
}
