import { ok, type Result } from '../../../shared/lib/result';
import { runGit, runGitText, type GitOptions } from './git-core';
import { gitErrorKindOf, gitFail } from './git-error';
import { getStatus } from './get-status';
import { getTracking } from './get-tracking';
import { createProgressParser, type GitProgress } from './parse-git-progress';

/** Pull settings on top of the usual git options. */
export interface PullOptions extends GitOptions {
  readonly onProgress?: (progress: GitProgress) => void;
}

/** What a successful pull did. */
export interface PullOutcome {
  /** False when there was nothing new. */
  readonly updated: boolean;
  readonly headOid: string | null;
  /** How git combined the histories: the repository's `pull.rebase`, or a merge when unset. */
  readonly strategy: 'merge' | 'rebase';
}

const NETWORK_TIMEOUT_MS = 180_000;

async function head(cwd: string, opts: GitOptions): Promise<string | null> {
  const r = await runGitText(cwd, ['rev-parse', '-q', '--verify', 'HEAD'], { ...opts, readOnly: true, okExitCodes: [1] });
  return r.ok && r.value.trim() !== '' ? r.value.trim() : null;
}

/**
 * Gets the shared copy's changes into the current branch, merging or rebasing as the repository
 * is configured (`pull.rebase`; a merge when unset, since git 2.27+ otherwise refuses divergent
 * branches). On a conflict returns `merge-conflict` with the conflicted paths in `detail.paths`;
 * git is left mid-merge/rebase so the UI can resolve and then `commit`, or `abortPull`.
 */
export async function pull(cwd: string, opts: PullOptions = {}): Promise<Result<PullOutcome>> {
  const tracking = await getTracking(cwd, opts);
  if (!tracking.ok) return tracking;
  if (tracking.value.branch === null) return gitFail({ kind: 'detached-head' });
  if (tracking.value.remotes.length === 0) return gitFail({ kind: 'no-remote' });
  if (tracking.value.upstream === null) return gitFail({ kind: 'no-upstream' });
  const status = await getStatus(cwd, opts);
  if (!status.ok) return status;
  if (status.value.conflicted.length > 0 || status.value.operation !== null) return gitFail({ kind: 'unresolved-conflicts', paths: status.value.conflicted });

  const rebaseSetting = await runGitText(cwd, ['config', '--get', `branch.${tracking.value.branch}.rebase`], { ...opts, readOnly: true, okExitCodes: [1] });
  const pullRebase = await runGitText(cwd, ['config', '--get', 'pull.rebase'], { ...opts, readOnly: true, okExitCodes: [1] });
  if (!rebaseSetting.ok) return rebaseSetting;
  if (!pullRebase.ok) return pullRebase;
  const configured = (rebaseSetting.value.trim() || pullRebase.value.trim()).toLowerCase();
  const strategy = configured === '' || configured === 'false' ? 'merge' : 'rebase';

  const before = await head(cwd, opts);
  const args = ['pull', '--progress', '--no-edit'];
  // Only when nothing is configured do we choose; a configured pull.rebase/ff is the user's call.
  if (configured === '') args.push('--no-rebase');
  const result = await runGit(cwd, args, {
    ...opts,
    timeoutMs: opts.timeoutMs ?? NETWORK_TIMEOUT_MS,
    ...(opts.onProgress === undefined ? {} : { onStderr: createProgressParser(opts.onProgress) }),
  });
  if (!result.ok) {
    const kind = gitErrorKindOf(result.error);
    if (kind === 'merge-conflict' || kind === 'unknown') {
      // git stopped mid-merge: name the conflicted items so the UI can mark them.
      const after = await getStatus(cwd, opts);
      if (after.ok && after.value.conflicted.length > 0) {
        const stderr = typeof result.error.detail?.stderr === 'string' ? result.error.detail.stderr : '';
        return gitFail({ kind: 'merge-conflict', paths: after.value.conflicted, stderr });
      }
    }
    return result;
  }
  const now = await head(cwd, opts);
  return ok({ updated: now !== before, headOid: now, strategy });
}

/** Abandons a conflicted pull, putting the branch back as it was before (`merge --abort` / `rebase --abort`). */
export async function abortPull(cwd: string, opts: GitOptions = {}): Promise<Result<void>> {
  const status = await getStatus(cwd, opts);
  if (!status.ok) return status;
  if (status.value.operation === null) return ok(undefined);
  const result = await runGit(cwd, [status.value.operation, '--abort'], opts);
  return result.ok ? ok(undefined) : result;
}
