import { ok, type Result } from '../../../shared/lib/result';
import { runGit, type GitOptions } from './git-core';
import { gitFail } from './git-error';
import { getTracking } from './get-tracking';
import { createProgressParser, type GitProgress } from './parse-git-progress';

/** Push settings on top of the usual git options. */
export interface PushOptions extends GitOptions {
  readonly onProgress?: (progress: GitProgress) => void;
  /** The branch has no upstream yet: publish it to `origin` (or the only remote) and track it. */
  readonly publish?: boolean;
}

/** What a successful push did. */
export interface PushOutcome {
  readonly remote: string;
  readonly ref: string;
  readonly upToDate: boolean;
}

const NETWORK_TIMEOUT_MS = 180_000;

/**
 * Sends the current branch to its upstream. Never forces: the refspec is explicit and has no
 * `+`, so a configured `remote.*.push = +...` cannot force either; a rejected push comes back as
 * `push-rejected-non-fast-forward` for the UI to offer a pull first.
 */
export async function push(cwd: string, opts: PushOptions = {}): Promise<Result<PushOutcome>> {
  const tracking = await getTracking(cwd, opts);
  if (!tracking.ok) return tracking;
  const { branch, remotes, upstream } = tracking.value;
  if (branch === null) return gitFail({ kind: 'detached-head' });
  if (remotes.length === 0) return gitFail({ kind: 'no-remote' });
  let target = upstream;
  const args = ['push', '--progress'];
  if (target === null) {
    if (opts.publish !== true) return gitFail({ kind: 'no-upstream' });
    const remote = remotes.includes('origin') ? 'origin' : remotes.length === 1 ? remotes[0] : undefined;
    if (remote === undefined) return gitFail({ kind: 'no-remote', stderr: 'several remotes and none is called origin' });
    target = { remote, ref: `refs/heads/${branch}` };
    args.push('--set-upstream');
  }
  args.push(target.remote, `refs/heads/${branch}:${target.ref}`);
  const result = await runGit(cwd, args, {
    ...opts,
    timeoutMs: opts.timeoutMs ?? NETWORK_TIMEOUT_MS,
    ...(opts.onProgress === undefined ? {} : { onStderr: createProgressParser(opts.onProgress) }),
  });
  if (!result.ok) return result;
  return ok({ remote: target.remote, ref: target.ref, upToDate: /Everything up-to-date/i.test(result.value.stderr) });
}
