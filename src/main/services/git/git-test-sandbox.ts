import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GitOptions } from './git-core';

/** A temp folder whose git runs ignore the machine's global and system config (tests only). */
export interface GitSandbox {
  readonly root: string;
  readonly opts: GitOptions;
  /** Plain git for test setup, outside Folio's core. */
  git(cwd: string, ...args: string[]): string;
  /** A bare remote and two clones `a` and `b` (identities set) sharing one pushed commit of `files`. */
  remoteWithClones(files: Readonly<Record<string, string>>): Promise<{ remote: string; a: string; b: string }>;
  cleanup(): Promise<void>;
}

/** Creates an isolated sandbox: HOME, an empty global config, no system config. */
export async function createGitSandbox(): Promise<GitSandbox> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-git-test-'));
  const globalConfig = path.join(root, 'global.gitconfig');
  await writeFile(globalConfig, '');
  const env = { HOME: root, XDG_CONFIG_HOME: root, GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1' };
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], {
      cwd,
      env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  return {
    root,
    opts: { env, lockBackoffMs: 20 },
    git,
    async remoteWithClones(files) {
      const remote = path.join(root, 'remote.git');
      git(root, 'init', '-q', '--bare', remote);
      const a = path.join(root, 'a');
      const b = path.join(root, 'b');
      git(root, 'clone', '-q', remote, a);
      git(a, 'config', 'user.name', 'Ann');
      git(a, 'config', 'user.email', 'ann@example.com');
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(a, name), text);
      git(a, 'add', '--', ...Object.keys(files));
      git(a, 'commit', '-q', '-m', 'first');
      git(a, 'push', '-q', '-u', 'origin', 'main');
      git(root, 'clone', '-q', remote, b);
      git(b, 'config', 'user.name', 'Bob');
      git(b, 'config', 'user.email', 'bob@example.com');
      return { remote, a, b };
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
