import { ok, type Result } from '../../../shared/lib/result';
import { findStagedConflictMarkers } from './find-conflict-markers';
import { runGit, runGitText, type GitOptions } from './git-core';
import { gitFail } from './git-error';
import { getIdentity } from './get-identity';
import { getStatus } from './get-status';

/** What to commit: the message, and whether to fold the staged changes into the last commit. */
export interface CommitRequest {
  /** Required, except to conclude a merge, where git's prepared merge message is used when empty. */
  readonly message: string;
  /** Replace the last commit; refused once that commit was pushed. */
  readonly amend?: boolean;
}

/** The commit that was recorded. */
export interface CommitOutcome {
  readonly oid: string;
  /** `rebase-continued` when the commit concluded a conflicted pull --rebase (git keeps the replayed commit's message). */
  readonly via: 'commit' | 'amend' | 'merge' | 'rebase-continued';
}

/**
 * True when HEAD is already on the shared copy: reachable from any remote-tracking branch. Such a
 * commit must not be amended, or the next push would need a force.
 */
async function headIsPushed(cwd: string, opts: GitOptions): Promise<Result<boolean>> {
  const refs = await runGitText(cwd, ['for-each-ref', '--contains', 'HEAD', '--format=%(refname)', 'refs/remotes'], { ...opts, readOnly: true });
  return refs.ok ? ok(refs.value.trim() !== '') : refs;
}

/**
 * Commits exactly what is staged. Refuses, without creating anything, when the identity is
 * missing, HEAD is detached, conflicts are unresolved, or any staged file still has conflict
 * markers (a repository is never committed with markers, threats row 32).
 */
export async function commit(cwd: string, request: CommitRequest, opts: GitOptions = {}): Promise<Result<CommitOutcome>> {
  const status = await getStatus(cwd, opts);
  if (!status.ok) return status;
  const { conflicted, operation, detached, headOid, files } = status.value;
  if (conflicted.length > 0) return gitFail({ kind: 'unresolved-conflicts', paths: conflicted });
  if (detached && operation !== 'rebase') return gitFail({ kind: 'detached-head' });

  const identity = await getIdentity(cwd, opts);
  if (!identity.ok) return identity;
  if (identity.value.name === null || identity.value.email === null) return gitFail({ kind: 'identity-missing' });

  const markers = await findStagedConflictMarkers(cwd, opts);
  if (!markers.ok) return markers;
  if (markers.value.length > 0) return gitFail({ kind: 'conflict-markers-present', paths: markers.value });

  if (operation === 'rebase') {
    const continued = await runGit(cwd, ['rebase', '--continue'], opts);
    if (!continued.ok) return continued;
    return finish(cwd, 'rebase-continued', opts);
  }

  const amend = request.amend === true;
  const message = request.message.trim();
  if (amend) {
    if (headOid === null) return gitFail({ kind: 'no-commits-yet' });
    if (operation === 'merge') return gitFail({ kind: 'unresolved-conflicts', stderr: 'a merge is in progress; commit it before amending' });
    const pushed = await headIsPushed(cwd, opts);
    if (!pushed.ok) return pushed;
    if (pushed.value) return gitFail({ kind: 'already-pushed' });
  } else if (operation !== 'merge' && !files.some((f) => f.staged !== 'unmodified')) {
    return gitFail({ kind: 'nothing-to-commit' });
  }
  if (message === '' && operation !== 'merge') return gitFail({ kind: 'nothing-to-commit', stderr: 'a commit message is required' });

  const args = ['commit', '--cleanup=strip'];
  if (amend) args.push('--amend');
  if (message === '') args.push('--no-edit');
  else args.push('-F', '-');
  // The message goes through stdin: no quoting issues, no length limit, never read as an option.
  const result = await runGit(cwd, args, message === '' ? opts : { ...opts, stdin: `${message}\n` });
  if (!result.ok) return result;
  return finish(cwd, amend ? 'amend' : operation === 'merge' ? 'merge' : 'commit', opts);
}

async function finish(cwd: string, via: CommitOutcome['via'], opts: GitOptions): Promise<Result<CommitOutcome>> {
  const head = await runGitText(cwd, ['rev-parse', 'HEAD'], { ...opts, readOnly: true });
  return head.ok ? ok({ oid: head.value.trim(), via }) : head;
}
