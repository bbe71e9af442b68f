import { ok, type Result } from '../../../shared/lib/result';
import { runGitText, type GitOptions } from './git-core';

/** Where the current branch syncs to. */
export interface Tracking {
  /** The current branch, or null when HEAD is detached. */
  readonly branch: string | null;
  /** Every configured remote. */
  readonly remotes: readonly string[];
  /** The branch's remote and the ref on it (`refs/heads/main`), or null when it tracks nothing. */
  readonly upstream: { readonly remote: string; readonly ref: string } | null;
}

/** Reads the current branch, the remotes and the branch's upstream from config, without touching the network. */
export async function getTracking(cwd: string, opts: GitOptions = {}): Promise<Result<Tracking>> {
  const read = { ...opts, readOnly: true };
  const [head, remotes] = await Promise.all([
    runGitText(cwd, ['symbolic-ref', '-q', '--short', 'HEAD'], { ...read, okExitCodes: [1] }),
    runGitText(cwd, ['remote'], read),
  ]);
  if (!head.ok) return head;
  if (!remotes.ok) return remotes;
  const branch = head.value.trim() === '' ? null : head.value.trim();
  const remoteList = remotes.value.split('\n').filter((r) => r !== '');
  if (branch === null) return ok({ branch, remotes: remoteList, upstream: null });
  const [remote, ref] = await Promise.all([
    runGitText(cwd, ['config', '--get', `branch.${branch}.remote`], { ...read, okExitCodes: [1] }),
    runGitText(cwd, ['config', '--get', `branch.${branch}.merge`], { ...read, okExitCodes: [1] }),
  ]);
  if (!remote.ok) return remote;
  if (!ref.ok) return ref;
  const r = remote.value.trim();
  const m = ref.value.trim();
  return ok({ branch, remotes: remoteList, upstream: r !== '' && m !== '' && r !== '.' ? { remote: r, ref: m } : null });
}
