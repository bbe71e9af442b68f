import { ok, type Result } from '../../../shared/lib/result';
import { runGitText, type GitOptions } from './git-core';

/** The name and email git would record, or null for each one no config level sets. */
export interface GitIdentity {
  readonly name: string | null;
  readonly email: string | null;
}

/**
 * Resolves user.name and user.email across repository, global and system config. Only explicit
 * config counts: git's guess from the host name would put `user@laptop.local` in shared history.
 */
export async function getIdentity(cwd: string, opts: GitOptions = {}): Promise<Result<GitIdentity>> {
  const [name, email] = await Promise.all([
    runGitText(cwd, ['config', '--get', 'user.name'], { ...opts, readOnly: true, okExitCodes: [1] }),
    runGitText(cwd, ['config', '--get', 'user.email'], { ...opts, readOnly: true, okExitCodes: [1] }),
  ]);
  if (!name.ok) return name;
  if (!email.ok) return email;
  const clean = (s: string): string | null => (s.trim() === '' ? null : s.trim());
  return ok({ name: clean(name.value), email: clean(email.value) });
}
