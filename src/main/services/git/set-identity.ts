import { ok, type Result } from '../../../shared/lib/result';
import { runGit, type GitOptions } from './git-core';
import { gitFail } from './git-error';

/** Stores the curator's name and email in this repository's own config (not the global one). */
export async function setIdentity(cwd: string, identity: { readonly name: string; readonly email: string }, opts: GitOptions = {}): Promise<Result<void>> {
  const name = identity.name.trim();
  const email = identity.email.trim();
  // git rejects angle brackets and newlines in idents at commit time; refuse them up front.
  if (name === '' || email === '' || /[<>\n\r]/.test(name + email))
    return gitFail({ kind: 'identity-missing', stderr: 'name and email must be non-empty, without < > or line breaks' });
  for (const [key, value] of [
    ['user.name', name],
    ['user.email', email],
  ] as const) {
    const result = await runGit(cwd, ['config', '--local', key, value], opts);
    if (!result.ok) return result;
  }
  return ok(undefined);
}
