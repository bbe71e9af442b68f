import { ok, type Result } from '../../../shared/lib/result';
import { runGit, runGitText, type GitOptions } from './git-core';
import { gitErrorKindOf, gitFail } from './git-error';
import { getIdentity } from './get-identity';
import { setIdentity } from './set-identity';

/** How to start tracking a folder. */
export interface InitRequest {
  /** Stored in the new repository's config when given (the UI asks when none is configured). */
  readonly identity?: { readonly name: string; readonly email: string };
  readonly message?: string;
}

/** The new repository's first commit. */
export interface InitOutcome {
  readonly branch: string;
  readonly oid: string;
}

/**
 * Turns a plain folder into a repository with one first commit of everything in it (respecting a
 * `.gitignore` if the folder has one), after the curator agreed. The identity is checked before
 * anything is created, so a refusal leaves the folder untouched.
 */
export async function initRepository(cwd: string, request: InitRequest = {}, opts: GitOptions = {}): Promise<Result<InitOutcome>> {
  const inside = await runGitText(cwd, ['rev-parse', '--is-inside-work-tree'], { ...opts, readOnly: true, okExitCodes: [128] });
  if (!inside.ok && gitErrorKindOf(inside.error) !== 'not-a-repository') return inside;
  // Nesting a repository inside another one would hide the folder from the outer repository.
  if (inside.ok && inside.value.trim() === 'true') return gitFail({ kind: 'already-a-repository' });

  if (request.identity === undefined) {
    const identity = await getIdentity(cwd, opts);
    if (!identity.ok) return identity;
    if (identity.value.name === null || identity.value.email === null) return gitFail({ kind: 'identity-missing' });
  }
  const configured = await runGitText(cwd, ['config', '--get', 'init.defaultBranch'], { ...opts, readOnly: true, okExitCodes: [1] });
  const branch = configured.ok && configured.value.trim() !== '' ? configured.value.trim() : 'main';

  const created = await runGit(cwd, ['init', '-q', `--initial-branch=${branch}`], opts);
  if (!created.ok) return created;
  if (request.identity !== undefined) {
    const stored = await setIdentity(cwd, request.identity, opts);
    if (!stored.ok) return stored;
  }
  // The one place Folio stages a whole folder: the curator asked to start tracking all of it.
  const added = await runGit(cwd, ['add', '--', '.'], opts);
  if (!added.ok) return added;
  const committed = await runGit(cwd, ['commit', '-q', '--allow-empty', '-F', '-'], {
    ...opts,
    stdin: `${request.message?.trim() || 'Start tracking this folder'}\n`,
  });
  if (!committed.ok) return committed;
  const head = await runGitText(cwd, ['rev-parse', 'HEAD'], { ...opts, readOnly: true });
  return head.ok ? ok({ branch, oid: head.value.trim() }) : head;
}
