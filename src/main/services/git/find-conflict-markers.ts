import { ok, type Result } from '../../../shared/lib/result';
import { runGit, runGitText, type GitOptions } from './git-core';

// git writes `<<<<<<< ours` and `>>>>>>> theirs` at line start; `=======` alone is too common in
// Markdown (setext headings) to count on its own.
const MARKER = /^(?:<{7} |>{7} |<{7}$|>{7}$)/m;
const MAX_SCAN_BYTES = 20 * 1024 * 1024;

/** True when a text still holds a git conflict marker line. */
export function hasConflictMarkers(text: string): boolean {
  return MARKER.test(text);
}

/**
 * The staged files (as the next commit would record them) that still contain conflict markers,
 * relative to `cwd` when under it (else relative to the repository root).
 * Reads the index blobs through one `git cat-file --batch`, not the working tree, because the
 * index is what gets committed.
 */
export async function findStagedConflictMarkers(cwd: string, opts: GitOptions = {}): Promise<Result<readonly string[]>> {
  // Every staged file counts, not only those under `cwd`: a commit records the whole index.
  const [names, prefix] = await Promise.all([
    runGit(cwd, ['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT'], { ...opts, readOnly: true }),
    runGitText(cwd, ['rev-parse', '--show-prefix'], { ...opts, readOnly: true }),
  ]);
  if (!names.ok) return names;
  if (!prefix.ok) return prefix;
  const under = prefix.value.trim();
  const paths = names.value.stdout
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '');
  if (paths.length === 0) return ok([]);
  const batch = await runGit(cwd, ['cat-file', '--batch'], { ...opts, readOnly: true, stdin: paths.map((p) => `:${p}\n`).join('') });
  if (!batch.ok) return batch;
  const out = batch.value.stdout;
  const found: string[] = [];
  let at = 0;
  for (const p of paths) {
    const headerEnd = out.indexOf(10, at);
    if (headerEnd === -1) break;
    const header = out.toString('utf8', at, headerEnd);
    const size = Number(/ (\d+)$/.exec(header)?.[1] ?? -1);
    if (size < 0) {
      at = headerEnd + 1; // "<name> missing": no body follows
      continue;
    }
    const body = out.subarray(headerEnd + 1, headerEnd + 1 + Math.min(size, MAX_SCAN_BYTES));
    if (hasConflictMarkers(body.toString('utf8'))) found.push(under !== '' && p.startsWith(under) ? p.slice(under.length) : p);
    at = headerEnd + 1 + size + 1;
  }
  return ok(found);
}
