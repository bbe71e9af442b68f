import type { ErrorCode, FolioError } from '../../../shared/contract/errors';
import { assertNever } from '../../../shared/lib/assert-never';
import { fail, type Result } from '../../../shared/lib/result';

/** Every way a git operation can fail that the UI reacts to differently. */
export type GitErrorKind =
  | 'git-not-installed'
  | 'not-a-repository'
  | 'already-a-repository'
  | 'dubious-ownership'
  | 'index-locked'
  | 'auth-failed'
  | 'network'
  | 'timeout'
  | 'no-remote'
  | 'no-upstream'
  | 'push-rejected-non-fast-forward'
  | 'detached-head'
  | 'merge-conflict'
  | 'unresolved-conflicts'
  | 'conflict-markers-present'
  | 'local-changes-would-be-overwritten'
  | 'nothing-to-commit'
  | 'identity-missing'
  | 'already-pushed'
  | 'no-commits-yet'
  | 'invalid-path'
  | 'unknown';

/** A git failure as plain data: the kind drives the UI, `paths` names the files involved. */
export interface GitError {
  readonly kind: GitErrorKind;
  /** git's own stderr, trimmed, for a "details" disclosure; never shown as the message. */
  readonly stderr?: string;
  readonly exitCode?: number;
  readonly paths?: readonly string[];
}

/** The sentence a curator sees for each kind: what happened and what they can do. */
export function gitErrorMessage(kind: GitErrorKind): string {
  switch (kind) {
    case 'git-not-installed':
      return 'Git is not installed on this computer, so sharing is off. Editing still works.';
    case 'not-a-repository':
      return 'This folder is not tracked with git yet. You can start tracking it.';
    case 'already-a-repository':
      return 'This folder is already tracked with git.';
    case 'dubious-ownership':
      return 'Git refuses to work in this folder because it belongs to another user account.';
    case 'index-locked':
      return 'Another git program is working in this folder (its lock file .git/index.lock exists). Close it and try again; if none is running, remove the lock yourself.';
    case 'auth-failed':
      return 'The shared copy refused your sign-in. Check your account or access rights, then try again.';
    case 'network':
      return 'The shared copy could not be reached. Your changes stay saved here and can be sent later.';
    case 'timeout':
      return 'Git took too long and was stopped. Your work here is unchanged; try again.';
    case 'no-remote':
      return 'This folder is not connected to a shared copy (no remote), so there is nothing to send to or get from.';
    case 'no-upstream':
      return 'This branch has not been published to the shared copy yet.';
    case 'push-rejected-non-fast-forward':
      return 'The shared copy has changes you do not have yet. Get them first (pull), then send again.';
    case 'detached-head':
      return 'You are viewing an old version, not a branch. Switch back to a branch before committing or syncing.';
    case 'merge-conflict':
      return 'Some items were changed both here and in the shared copy. Resolve them, then commit.';
    case 'unresolved-conflicts':
      return 'Some items still have unresolved conflicts. Resolve them before committing.';
    case 'conflict-markers-present':
      return 'Some staged items still contain conflict markers (<<<<<<< or >>>>>>>). Resolve them before committing.';
    case 'local-changes-would-be-overwritten':
      return 'Incoming changes touch items you have not committed. Commit or discard those changes, then get the updates again.';
    case 'nothing-to-commit':
      return 'Nothing is staged, so there is nothing to commit.';
    case 'identity-missing':
      return 'Git needs your name and email before it can record a commit.';
    case 'already-pushed':
      return 'The last commit has already been sent to the shared copy, so it can no longer be amended.';
    case 'no-commits-yet':
      return 'There are no commits yet.';
    case 'invalid-path':
      return 'A file path was refused because it points outside the folder.';
    case 'unknown':
      return 'Git reported an error.';
    default:
      return assertNever(kind);
  }
}

// The contract has no git code yet; each kind is carried on the closest existing code and the
// exact kind travels in `detail.gitKind` so the renderer can still tell them apart.
function errorCodeFor(kind: GitErrorKind): ErrorCode {
  switch (kind) {
    case 'merge-conflict':
    case 'unresolved-conflicts':
    case 'conflict-markers-present':
    case 'push-rejected-non-fast-forward':
    case 'local-changes-would-be-overwritten':
      return 'conflict';
    case 'git-not-installed':
    case 'not-a-repository':
    case 'no-remote':
    case 'no-upstream':
    case 'detached-head':
    case 'dubious-ownership':
    case 'no-commits-yet':
      return 'unsupported';
    case 'nothing-to-commit':
    case 'identity-missing':
    case 'already-pushed':
    case 'already-a-repository':
    case 'invalid-path':
      return 'invalid-argument';
    case 'timeout':
      return 'cancelled';
    case 'index-locked':
    case 'auth-failed':
    case 'network':
      return 'io';
    case 'unknown':
      return 'internal';
    default:
      return assertNever(kind);
  }
}

/** Builds a failed Result for a git error: a contract code, the user message, and the typed kind in detail. */
export function gitFail<T = never>(error: GitError): Result<T> {
  const detail: Record<string, unknown> = { gitKind: error.kind };
  if (error.stderr !== undefined) detail.stderr = error.stderr;
  if (error.exitCode !== undefined) detail.exitCode = error.exitCode;
  if (error.paths !== undefined) detail.paths = error.paths;
  return fail(errorCodeFor(error.kind), gitErrorMessage(error.kind), detail);
}

const KINDS = new Set<string>([
  'git-not-installed',
  'not-a-repository',
  'already-a-repository',
  'dubious-ownership',
  'index-locked',
  'auth-failed',
  'network',
  'timeout',
  'no-remote',
  'no-upstream',
  'push-rejected-non-fast-forward',
  'detached-head',
  'merge-conflict',
  'unresolved-conflicts',
  'conflict-markers-present',
  'local-changes-would-be-overwritten',
  'nothing-to-commit',
  'identity-missing',
  'already-pushed',
  'no-commits-yet',
  'invalid-path',
  'unknown',
] satisfies GitErrorKind[]);

/** Reads the git kind back from a contract error (null when the error did not come from git). */
export function gitErrorKindOf(error: FolioError): GitErrorKind | null {
  const kind = error.detail?.gitKind;
  return typeof kind === 'string' && KINDS.has(kind) ? (kind as GitErrorKind) : null;
}

/** The paths a git error names (conflicted files, files with markers, ...), or an empty list. */
export function gitErrorPaths(error: FolioError): readonly string[] {
  const paths = error.detail?.paths;
  return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
}

const MAX_STDERR = 2000;

/** Trims git's stderr for storage in an error (progress lines and the tail beyond 2,000 chars dropped). */
export function trimStderr(stderr: string): string {
  const lines = stderr.split(/\r?\n|\r/).filter((l) => l.trim() !== '' && !/\d+% \(\d+\/\d+\)/.test(l));
  const text = lines.join('\n').trim();
  return text.length > MAX_STDERR ? `${text.slice(0, MAX_STDERR)}…` : text;
}

// Ordered: the first matching pattern wins, so specific failures come before generic ones
// (a rejected push also says "failed to push", an auth failure also "could not read from remote").
const PATTERNS: readonly (readonly [RegExp, GitErrorKind])[] = [
  [/detected dubious ownership/i, 'dubious-ownership'],
  [/not a git repository/i, 'not-a-repository'],
  [/Unable to create '[^']*\.lock': File exists|index\.lock': File exists|cannot lock ref/i, 'index-locked'],
  [/Please tell me who you are|unable to auto-detect email address|empty ident name|Author identity unknown|Committer identity unknown/i, 'identity-missing'],
  [/You are not currently on a branch/i, 'detached-head'],
  [
    /\[rejected\][^\n]*\((?:fetch first|non-fast-forward)\)|Updates were rejected because the (?:remote contains work|tip of your current branch is behind)/i,
    'push-rejected-non-fast-forward',
  ],
  [
    /Your local changes to the following files would be overwritten|untracked working tree files would be overwritten|cannot pull with rebase: You have unstaged changes|cannot (?:pull|rebase) with rebase: Your index contains uncommitted changes/i,
    'local-changes-would-be-overwritten',
  ],
  [/^CONFLICT \(|Automatic merge failed|could not apply [0-9a-f]+|Resolve all conflicts manually/im, 'merge-conflict'],
  [/you have unmerged files|You have not concluded your merge|Committing is not possible because you have unmerged files|needs merge/i, 'unresolved-conflicts'],
  [/There is no tracking information for the current branch|has no upstream branch|no upstream configured for branch/i, 'no-upstream'],
  [/No configured push destination|No remote repository specified|does not appear to be a git repository|No such remote/i, 'no-remote'],
  [
    /Authentication failed|could not read (?:Username|Password)|terminal prompts disabled|Permission denied \(publickey|HTTP Basic: Access denied|requested URL returned error: 40[13]|Host key verification failed|Invalid username or password/i,
    'auth-failed',
  ],
  [
    /Could not resolve host|Failed to connect|Connection refused|Connection timed out|Network is unreachable|Could not resolve hostname|unable to access|Operation timed out|early EOF|remote end hung up unexpectedly|Could not read from remote repository|SSL_connect|Recv failure/i,
    'network',
  ],
  [/nothing to commit|nothing added to commit|no changes added to commit/i, 'nothing-to-commit'],
];

/** Maps a failed git run (its exit code and output) to a typed kind. */
export function classifyGitFailure(stderr: string, stdout = ''): GitErrorKind {
  for (const [pattern, kind] of PATTERNS) if (pattern.test(stderr)) return kind;
  // `git commit` reports an empty index on stdout, not stderr.
  for (const [pattern, kind] of PATTERNS) if (kind === 'nothing-to-commit' && pattern.test(stdout)) return kind;
  if (/^CONFLICT \(/m.test(stdout)) return 'merge-conflict';
  return 'unknown';
}
