import { execFile } from 'node:child_process';
import { appendFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { getStatus } from '../src/main/services/git/get-status';
import { measureInterleaved, type Measurement } from './measure';

const run = promisify(execFile);

/** Folio's status against plain `git status --porcelain` on the same repository and run. */
export interface GitStatusBench {
  readonly trackedFiles: number;
  readonly changedFiles: number;
  readonly measurements: readonly Measurement[];
  /** Median of Folio's getStatus (spawn + parse + badges) over the median of plain git. */
  readonly ratio: number;
}

const BENCH_GIT = ['-c', 'user.name=Folio bench', '-c', 'user.email=bench@example.invalid', '-c', 'core.fsmonitor=false', '-c', 'commit.gpgSign=false'];

async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', [...BENCH_GIT, ...args], { cwd: dir, maxBuffer: 1 << 30 });
  return stdout;
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.md') && !e.parentPath.includes(`${path.sep}.git`)).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Benchmarks `getStatus` (and building the list's badge map from it) against plain
 * `git status --porcelain` in `dir`. A folder that is not a repository yet is committed first;
 * then 1% of the items are edited and 0.2% added untracked, so both sides have real work to report.
 * It writes into `dir`: pass a throwaway corpus.
 */
export async function benchGitStatus(dir: string, runs = 5): Promise<GitStatusBench> {
  const inside = await git(dir, 'rev-parse', '--is-inside-work-tree').catch(() => 'false');
  if (inside.trim() !== 'true') {
    await git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
    await git(dir, 'add', '--', '.');
    await git(dir, 'commit', '-q', '--no-verify', '-m', 'bench corpus');
  }
  const files = await markdownFiles(dir);
  const step = Math.max(1, Math.floor(files.length / Math.max(1, Math.floor(files.length / 100))));
  for (let i = 0; i < files.length; i += step) await appendFile(files[i]!, '\nEdited for the git bench.\n');
  const untracked = Math.max(1, Math.floor(files.length / 500));
  for (let i = 0; i < untracked; i++) await writeFile(path.join(dir, `git-bench-untracked-${i}.md`), `---\ntitle: Untracked ${i}\n---\n`);
  // Warm the index's stat cache and the file cache so both pipelines read from memory.
  await git(dir, 'status', '--porcelain');

  let changed = 0;
  const measurements = await measureInterleaved(
    [
      {
        name: 'git status --porcelain',
        run: () => run('git', ['status', '--porcelain'], { cwd: dir, maxBuffer: 1 << 30, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }),
      },
      {
        name: 'folio getStatus + badges',
        run: async () => {
          const status = await getStatus(dir);
          if (!status.ok) throw new Error(status.error.message);
          const badges = new Map(status.value.files.map((f) => [f.path, f.badge]));
          changed = badges.size;
        },
      },
    ],
    runs,
  );
  const [plain, folio] = measurements;
  return { trackedFiles: files.length, changedFiles: changed, measurements, ratio: folio!.median / plain!.median };
}
