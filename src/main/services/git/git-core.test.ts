import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/lib/result';
import { commit } from './commit';
import { runGit } from './git-core';
import { gitErrorKindOf } from './git-error';
import { createGitSandbox, type GitSandbox } from './git-test-sandbox';
import { getStatus } from './get-status';
import { pull } from './pull';
import { push } from './push';
import { stageFiles } from './stage-files';

let sb: GitSandbox;
beforeEach(async () => {
  sb = await createGitSandbox();
});
afterEach(async () => {
  await sb.cleanup();
});

function kindOf(result: Result<unknown>): string | null {
  return result.ok ? null : gitErrorKindOf(result.error);
}

async function repo(): Promise<string> {
  const dir = path.join(sb.root, 'repo');
  await mkdir(dir);
  sb.git(dir, 'init', '-q');
  sb.git(dir, 'config', 'user.name', 'Ann');
  sb.git(dir, 'config', 'user.email', 'ann@example.com');
  await writeFile(path.join(dir, 'item.md'), '---\ntitle: One\n---\nBody\n');
  sb.git(dir, 'add', 'item.md');
  sb.git(dir, 'commit', '-q', '-m', 'first');
  return dir;
}

/**
 * The control of a filter test: plain git, staging an edited item, runs the folder's clean filter
 * (it leaves `marker`), so the same marker's absence after Folio's calls means something.
 */
async function expectPlainGitRunsTheFilter(dir: string, marker: string): Promise<void> {
  await writeFile(path.join(dir, 'item.md'), '---\ntitle: Control\n---\nBody\n');
  sb.git(dir, 'add', 'item.md');
  expect(existsSync(marker)).toBe(true);
  await rm(marker);
}

describe('runGit safety (threats row 11)', () => {
  it('never runs a hostile core.fsmonitor or a pre-commit hook of an untrusted folder', async () => {
    const dir = await repo();
    const marker = path.join(sb.root, 'PWNED');
    const script = path.join(sb.root, 'evil.sh');
    await writeFile(script, `#!/bin/sh\necho pwned > '${marker}'\n`);
    await chmod(script, 0o755);
    sb.git(dir, 'config', 'core.fsmonitor', script);
    await writeFile(path.join(dir, '.git', 'hooks', 'pre-commit'), `#!/bin/sh\necho hook > '${marker}'\n`);
    await chmod(path.join(dir, '.git', 'hooks', 'pre-commit'), 0o755);
    // Control: plain git does run the hostile fsmonitor, so the test can see the marker at all.
    sb.git(dir, 'status');
    expect(existsSync(marker)).toBe(true);
    await rm(marker);

    await writeFile(path.join(dir, 'item.md'), '---\ntitle: Two\n---\nBody\n');
    expect((await getStatus(dir, sb.opts)).ok).toBe(true);
    expect((await stageFiles(dir, ['item.md'], sb.opts)).ok).toBe(true);
    const committed = await commit(dir, { message: 'edit' }, sb.opts);
    expect(committed.ok).toBe(true);
    expect(existsSync(marker)).toBe(false);

    // A trusted folder runs its hooks (the user chose that); fsmonitor stays off regardless.
    await writeFile(path.join(dir, 'item.md'), '---\ntitle: Three\n---\nBody\n');
    await stageFiles(dir, ['item.md'], { ...sb.opts, trusted: true });
    await commit(dir, { message: 'trusted' }, { ...sb.opts, trusted: true });
    expect(existsSync(marker)).toBe(true);
  });

  it('never runs a filter or diff driver named by an untrusted folder\'s config', async () => {
    const dir = await repo();
    const marker = path.join(sb.root, 'FILTERED');
    const script = path.join(sb.root, 'filter.sh');
    await writeFile(script, `#!/bin/sh\necho ran >> '${marker}'\ncat\n`);
    await chmod(script, 0o755);
    sb.git(dir, 'config', 'filter.evil.clean', script);
    sb.git(dir, 'config', 'filter.evil.smudge', script);
    sb.git(dir, 'config', 'diff.evil.textconv', script);
    await writeFile(path.join(dir, '.gitattributes'), '*.md filter=evil diff=evil\n');
    await expectPlainGitRunsTheFilter(dir, marker);

    await writeFile(path.join(dir, 'item.md'), '---\ntitle: Two\n---\nBody\n');
    expect((await getStatus(dir, sb.opts)).ok).toBe(true);
    expect((await stageFiles(dir, ['item.md'], sb.opts)).ok).toBe(true);
    expect((await runGit(dir, ['diff', '--cached', '--', 'item.md'], sb.opts)).ok).toBe(true);
    expect((await commit(dir, { message: 'edit' }, sb.opts)).ok).toBe(true);
    expect(existsSync(marker)).toBe(false);
    // The content went through unchanged (`cat` stands in for the filter).
    expect(sb.git(dir, 'show', 'HEAD:item.md')).toBe('---\ntitle: Two\n---\nBody\n');
  });

  it('never runs a filter named in the folder\'s config.worktree (read when extensions.worktreeConfig is on)', async () => {
    const dir = await repo();
    const marker = path.join(sb.root, 'WORKTREE_FILTER');
    const script = await markerScript('filter.sh', marker, 'cat');
    sb.git(dir, 'config', 'core.repositoryformatversion', '1');
    sb.git(dir, 'config', 'extensions.worktreeConfig', 'true');
    // `git config --local --list` does not show this file; git status and add still read it.
    await writeFile(path.join(dir, '.git', 'config.worktree'), `[filter "evil"]\n\tclean = ${script}\n`);
    await writeFile(path.join(dir, '.gitattributes'), '*.md filter=evil\n');
    await expectPlainGitRunsTheFilter(dir, marker);

    await writeFile(path.join(dir, 'item.md'), '---\ntitle: Two\n---\nBody\n');
    expect((await getStatus(dir, sb.opts)).ok).toBe(true);
    expect((await stageFiles(dir, ['item.md'], sb.opts)).ok).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it('reports git-not-installed when git cannot be found, and uses an injected git path', async () => {
    const dir = await repo();
    const missing = await runGit(dir, ['status'], { ...sb.opts, env: { ...sb.opts.env, PATH: '' } });
    expect(kindOf(missing)).toBe('git-not-installed');
    const gitBinary = sb.git(dir, '--exec-path').trim() + '/git';
    const injected = await getStatus(dir, { ...sb.opts, gitPath: gitBinary, env: { ...sb.opts.env, PATH: '' } });
    expect(injected.ok).toBe(true);
    expect(kindOf(await runGit(dir, ['status'], { ...sb.opts, gitPath: '/nonexistent/git' }))).toBe('git-not-installed');
  });

  it('reports not-a-repository with a user message', async () => {
    const plain = path.join(sb.root, 'plain');
    await mkdir(plain);
    const status = await getStatus(plain, { ...sb.opts, env: { ...sb.opts.env, GIT_CEILING_DIRECTORIES: sb.root } });
    expect(kindOf(status)).toBe('not-a-repository');
    expect(!status.ok && status.error.message).toMatch(/not tracked with git/);
  });

  it('retries a held index.lock with backoff, then fails clearly and leaves the lock alone', async () => {
    const dir = await repo();
    const lock = path.join(dir, '.git', 'index.lock');
    await writeFile(lock, '');
    await writeFile(path.join(dir, 'item.md'), 'changed\n');
    const started = Date.now();
    const staged = await stageFiles(dir, ['item.md'], { ...sb.opts, lockRetries: 3, lockBackoffMs: 50 });
    expect(kindOf(staged)).toBe('index-locked');
    expect(Date.now() - started).toBeGreaterThanOrEqual(50 + 100 + 200);
    expect(!staged.ok && staged.error.message).toMatch(/index\.lock/);
    expect(existsSync(lock)).toBe(true);
    // Read-only status does not need the lock at all.
    expect((await getStatus(dir, sb.opts)).ok).toBe(true);
  });

  it('succeeds when the lock goes away during the retries', async () => {
    const dir = await repo();
    const lock = path.join(dir, '.git', 'index.lock');
    await writeFile(lock, '');
    await writeFile(path.join(dir, 'item.md'), 'changed\n');
    setTimeout(() => void rm(lock), 120);
    const staged = await stageFiles(dir, ['item.md'], { ...sb.opts, lockRetries: 5, lockBackoffMs: 50 });
    expect(staged.ok).toBe(true);
  });
});

/** An executable shell script that appends `tag` to `marker`, then runs `tail` (if any). */
async function markerScript(name: string, marker: string, tail = ''): Promise<string> {
  const script = path.join(sb.root, name);
  await writeFile(script, `#!/bin/sh\necho ran >> '${marker}'\n${tail}\n`);
  await chmod(script, 0o755);
  return script;
}

describe('programs a hostile repository config names for pull and push (threats row 11)', () => {
  let server: Server | null = null;
  afterEach(() => {
    server?.close();
    server = null;
  });

  it('never runs a remote\'s uploadpack, an include\'d filter, or an ext:: transport', async () => {
    const { a } = await sb.remoteWithClones({ 'item.md': '---\ntitle: One\n---\n' });
    const marker = path.join(sb.root, 'UPLOADPACK');
    const pack = await markerScript('pack.sh', marker, 'exec git-upload-pack "$@"');
    sb.git(a, 'config', 'remote.origin.uploadpack', pack);
    // Control: plain git runs the configured upload-pack locally for a path remote.
    sb.git(a, 'fetch', '-q');
    expect(existsSync(marker)).toBe(true);
    await rm(marker);
    expect((await pull(a, sb.opts)).ok).toBe(true);
    expect(existsSync(marker)).toBe(false);

    // A key hidden behind [include] is found too.
    const included = path.join(sb.root, 'evil.gitconfig');
    const filterMarker = path.join(sb.root, 'INCLUDED');
    const filter = await markerScript('filter.sh', filterMarker, 'cat');
    await writeFile(included, `[filter "evil"]\n\tclean = ${filter}\n`);
    sb.git(a, 'config', 'include.path', included);
    await writeFile(path.join(a, '.gitattributes'), '*.md filter=evil\n');
    await writeFile(path.join(a, 'item.md'), '---\ntitle: Two\n---\n');
    expect((await stageFiles(a, ['item.md'], sb.opts)).ok).toBe(true);
    expect(existsSync(filterMarker)).toBe(false);

    // ext:: runs its URL as a command; the folder's protocol.allow cannot switch it on.
    const extMarker = path.join(sb.root, 'EXT');
    sb.git(a, 'config', 'protocol.allow', 'always');
    sb.git(a, 'remote', 'add', 'evil', `ext::sh -c touch% ${extMarker}`);
    expect(() => sb.git(a, 'fetch', 'evil')).toThrow();
    expect(existsSync(extMarker)).toBe(true);
    await rm(extMarker);
    expect((await runGit(a, ['fetch', 'evil'], sb.opts)).ok).toBe(false);
    expect(existsSync(extMarker)).toBe(false);
  });

  it('drops the folder\'s credential helpers and keeps the user\'s own', async () => {
    server = createServer((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' });
      res.end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = await repo();
    sb.git(dir, 'remote', 'add', 'origin', `${url}/x.git`);
    const folderMarker = path.join(sb.root, 'FOLDER_HELPER');
    const folderHelper = await markerScript('folder-helper.sh', folderMarker);
    sb.git(dir, 'config', 'credential.helper', `!${folderHelper}`);
    sb.git(dir, 'config', `credential.${url}.helper`, `!${folderHelper}`);
    // Control: plain git asks the folder's helpers (async: the server shares this event loop).
    const plain = promisify(execFile)('git', ['fetch', 'origin'], { cwd: dir, env: { ...process.env, ...sb.opts.env, GIT_TERMINAL_PROMPT: '0' } });
    await expect(plain).rejects.toThrow();
    expect(existsSync(folderMarker)).toBe(true);
    await import('node:fs/promises').then((fs) => fs.rm(folderMarker));

    const userMarker = path.join(sb.root, 'USER_HELPER');
    const userHelper = await markerScript('user-helper.sh', userMarker);
    await writeFile(sb.opts.env!.GIT_CONFIG_GLOBAL as string, `[credential]\n\thelper = !${userHelper}\n`);
    const fetched = await runGit(dir, ['fetch', 'origin'], sb.opts);
    expect(kindOf(fetched)).toBe('auth-failed');
    expect(existsSync(folderMarker)).toBe(false);
    expect(existsSync(userMarker)).toBe(true);
  });
});

describe('network failures never hang on a prompt (threats row 33)', () => {
  let server: Server | null = null;
  afterEach(() => {
    server?.close();
    server = null;
  });

  it('maps a refused connection to network, quickly', async () => {
    const dir = await repo();
    sb.git(dir, 'remote', 'add', 'origin', 'https://127.0.0.1:9/x.git');
    sb.git(dir, 'config', 'branch.main.remote', 'origin');
    sb.git(dir, 'config', 'branch.main.merge', 'refs/heads/main');
    const started = Date.now();
    const pushed = await push(dir, sb.opts);
    expect(kindOf(pushed)).toBe('network');
    expect(kindOf(await pull(dir, sb.opts))).toBe('network');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('maps an HTTP 401 to auth-failed without waiting for a password', async () => {
    server = createServer((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' });
      res.end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const dir = await repo();
    sb.git(dir, 'remote', 'add', 'origin', `http://127.0.0.1:${port}/x.git`);
    const started = Date.now();
    const pushed = await push(dir, { ...sb.opts, publish: true });
    expect(kindOf(pushed)).toBe('auth-failed');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('kills a git that runs past its timeout', async () => {
    const dir = await repo();
    // A server that accepts and never answers: only the timeout can end this fetch.
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const started = Date.now();
    const fetched = await runGit(dir, ['fetch', `http://127.0.0.1:${port}/x.git`], { ...sb.opts, timeoutMs: 800 });
    expect(kindOf(fetched)).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
