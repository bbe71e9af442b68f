import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result } from '../../../shared/lib/result';
import { runGit, runGitText, type GitOptions } from './git-core';

/** One side of a file's state (index vs HEAD, or working tree vs index), from porcelain v2's XY. */
export type FileChange = 'unmodified' | 'modified' | 'type-changed' | 'added' | 'deleted' | 'renamed' | 'copied' | 'untracked';

/** The unmerged state of a conflicted file, from porcelain v2's `u` lines. */
export type ConflictState = 'both-modified' | 'both-added' | 'both-deleted' | 'added-by-us' | 'added-by-them' | 'deleted-by-us' | 'deleted-by-them';

/** The single badge the list shows for a file; `conflicted` wins over everything. */
export type FileBadge = 'conflicted' | 'added' | 'deleted' | 'renamed' | 'modified' | 'untracked';

/** A changed file. Paths are relative to the folder status was asked for, POSIX separators. */
export interface FileStatus {
  readonly path: string;
  /** The path before a rename or copy. */
  readonly origPath?: string;
  /** Index vs HEAD: what a commit would record now. */
  readonly staged: FileChange;
  /** Working tree vs index: edits not staged yet. */
  readonly unstaged: FileChange;
  readonly conflict: ConflictState | null;
  readonly badge: FileBadge;
}

/** A merge or rebase git stopped in the middle of (after a conflicted pull). */
export type GitOperation = 'merge' | 'rebase' | null;

/** The repository as the status bar and the list badges need it. */
export interface RepositoryStatus {
  /** The branch name, or null when HEAD is detached. */
  readonly branch: string | null;
  readonly detached: boolean;
  /** The commit HEAD points to, or null before the first commit. */
  readonly headOid: string | null;
  /** e.g. `origin/main`, or null when the branch tracks nothing. */
  readonly upstream: string | null;
  readonly ahead: number;
  readonly behind: number;
  readonly files: readonly FileStatus[];
  /** Paths with unresolved conflicts (also marked in `files`). */
  readonly conflicted: readonly string[];
  readonly operation: GitOperation;
}

const CHANGE: Readonly<Record<string, FileChange>> = {
  '.': 'unmodified',
  M: 'modified',
  T: 'type-changed',
  A: 'added',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
};
const CONFLICT: Readonly<Record<string, ConflictState>> = {
  UU: 'both-modified',
  AA: 'both-added',
  DD: 'both-deleted',
  AU: 'added-by-us',
  UA: 'added-by-them',
  DU: 'deleted-by-us',
  UD: 'deleted-by-them',
};

function badgeOf(staged: FileChange, unstaged: FileChange, conflict: ConflictState | null): FileBadge {
  if (conflict !== null) return 'conflicted';
  if (unstaged === 'untracked') return 'untracked';
  // A file staged as new stays "added" even after further edits; likewise deletions and renames.
  for (const side of [staged, unstaged]) {
    if (side === 'added' || side === 'copied') return 'added';
    if (side === 'deleted') return 'deleted';
    if (side === 'renamed') return 'renamed';
  }
  return 'modified';
}

/** Skips `count` space-separated fields and returns the rest (a path may itself contain spaces). */
function afterFields(entry: string, count: number): string {
  let at = 0;
  for (let i = 0; i < count; i++) {
    at = entry.indexOf(' ', at) + 1;
    if (at === 0) return '';
  }
  return entry.slice(at);
}

interface Mutable {
  branch: string | null;
  headOid: string | null;
  upstream: string | null;
  ahead: number;
  behind: number;
}

/**
 * Parses `git status --porcelain=v2 -z --branch` output. Works on the raw buffer, cutting at NULs,
 * because at 50,000 files a split of one big string per line costs more than the git run itself.
 */
export function parsePorcelainV2(out: Buffer, prefix = ''): Omit<RepositoryStatus, 'operation'> {
  const head: Mutable = { branch: null, headOid: null, upstream: null, ahead: 0, behind: 0 };
  const files: FileStatus[] = [];
  const conflicted: string[] = [];
  const rel = (p: string): string | null => (prefix === '' ? p : p.startsWith(prefix) ? p.slice(prefix.length) : null);
  let start = 0;
  while (start < out.length) {
    let end = out.indexOf(0, start);
    if (end === -1) end = out.length;
    const entry = out.toString('utf8', start, end);
    start = end + 1;
    const type = entry.charCodeAt(0);
    if (type === 35 /* # */) {
      if (entry.startsWith('# branch.oid ')) {
        const oid = entry.slice(13);
        head.headOid = oid === '(initial)' ? null : oid;
      } else if (entry.startsWith('# branch.head ')) {
        const name = entry.slice(14);
        head.branch = name === '(detached)' ? null : name;
      } else if (entry.startsWith('# branch.upstream ')) head.upstream = entry.slice(18);
      else if (entry.startsWith('# branch.ab ')) {
        const m = /^# branch\.ab \+(\d+) -(\d+)/.exec(entry);
        if (m) {
          head.ahead = Number(m[1]);
          head.behind = Number(m[2]);
        }
      }
      continue;
    }
    if (type === 49 /* 1 */ || type === 50 /* 2 */) {
      const staged = CHANGE[entry[2] ?? '.'] ?? 'modified';
      const unstaged = CHANGE[entry[3] ?? '.'] ?? 'modified';
      const p = rel(afterFields(entry, type === 49 ? 8 : 9));
      let origPath: string | null = null;
      if (type === 50) {
        // The rename's source is the next NUL-terminated field.
        let origEnd = out.indexOf(0, start);
        if (origEnd === -1) origEnd = out.length;
        origPath = rel(out.toString('utf8', start, origEnd));
        start = origEnd + 1;
      }
      if (p === null) continue;
      const file: FileStatus = { path: p, staged, unstaged, conflict: null, badge: badgeOf(staged, unstaged, null) };
      files.push(origPath === null ? file : { ...file, origPath });
    } else if (type === 117 /* u */) {
      const p = rel(afterFields(entry, 10));
      if (p === null) continue;
      const conflict = CONFLICT[entry.slice(2, 4)] ?? 'both-modified';
      files.push({ path: p, staged: 'modified', unstaged: 'modified', conflict, badge: 'conflicted' });
      conflicted.push(p);
    } else if (type === 63 /* ? */) {
      const p = rel(entry.slice(2));
      if (p !== null) files.push({ path: p, staged: 'unmodified', unstaged: 'untracked', conflict: null, badge: 'untracked' });
    }
  }
  return { ...head, detached: head.branch === null && head.headOid !== null, files, conflicted };
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Branch, upstream, ahead/behind and every changed file (conflicted, renamed, untracked one by
 * one) in one `git status` run, without taking the index lock. Paths are relative to `cwd`,
 * which may be a sub-folder of the repository.
 */
export async function getStatus(cwd: string, opts: GitOptions = {}): Promise<Result<RepositoryStatus>> {
  const [where, status] = await Promise.all([
    runGitText(cwd, ['rev-parse', '--git-dir', '--show-prefix'], { ...opts, readOnly: true }),
    runGit(cwd, ['status', '--porcelain=v2', '-z', '--branch', '--untracked-files=all', '--ignore-submodules=dirty', '--', '.'], { ...opts, readOnly: true }),
  ]);
  if (!where.ok) return where;
  if (!status.ok) return status;
  const [gitDirLine = '.git', prefix = ''] = where.value.split('\n');
  const gitDir = path.resolve(cwd, gitDirLine);
  const parsed = parsePorcelainV2(status.value.stdout, prefix);
  const [merging, rebasingM, rebasingA] = await Promise.all([
    exists(path.join(gitDir, 'MERGE_HEAD')),
    exists(path.join(gitDir, 'rebase-merge')),
    exists(path.join(gitDir, 'rebase-apply')),
  ]);
  const operation: GitOperation = rebasingM || rebasingA ? 'rebase' : merging ? 'merge' : null;
  return ok({ ...parsed, operation });
}
