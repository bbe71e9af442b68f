import { spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ok, type Result } from '../../../shared/lib/result';
import { classifyGitFailure, gitFail, trimStderr } from './git-error';

/** How one git invocation runs. Every field is optional; the defaults are the safe ones. */
export interface GitOptions {
  /** The user trusted this folder: its hooks may run. Untrusted folders never run hooks. */
  readonly trusted?: boolean;
  /** The git executable (a name looked up on PATH, or an absolute path). Default `git`. */
  readonly gitPath?: string;
  /** Extra environment (tests isolate HOME / global config here). Safety variables always win. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Kill git after this long. Default 30 s (local), network operations pass more. */
  readonly timeoutMs?: number;
  /** How many times to retry when `index.lock` is held by someone else. Default 4. */
  readonly lockRetries?: number;
  /** First backoff delay in ms, doubled per retry. Default 150. */
  readonly lockBackoffMs?: number;
}

/** Per-call settings on top of `GitOptions`. */
export interface RunGitOptions extends GitOptions {
  /** Read-only commands set GIT_OPTIONAL_LOCKS=0 so they never take (or wait on) the index lock. */
  readonly readOnly?: boolean;
  /** Bytes written to git's stdin (pathspecs, commit messages, cat-file requests). */
  readonly stdin?: string | Buffer;
  /** Called with each chunk of stderr as it arrives (progress parsing). */
  readonly onStderr?: (chunk: string) => void;
  /** Exit codes that are not failures for this command (e.g. 1 for `git config --get` of a missing key). */
  readonly okExitCodes?: readonly number[];
}

/** What a finished git process printed. */
export interface GitOutput {
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly exitCode: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

let emptyHooksDir: string | null = null;

/**
 * A private, empty folder used as core.hooksPath for untrusted folders. mkdtemp makes it 0700 and
 * unguessable, so nobody else can plant a hook in it (a fixed /tmp path could be pre-created).
 */
function noHooksDir(): string {
  emptyHooksDir ??= mkdtempSync(path.join(os.tmpdir(), 'folio-no-hooks-'));
  return emptyHooksDir;
}

/**
 * The `-c` settings every call carries. They override a hostile repository's `.git/config`:
 * fsmonitor would run a command on every status (threats row 11), hooks run on commit/merge,
 * askPass would run a program, and an interactive credential prompt would hang the app.
 */
function safetyConfig(trusted: boolean): string[] {
  const config = [
    '-c',
    'core.fsmonitor=false',
    '-c',
    'core.quotepath=off',
    '-c',
    'core.askPass=',
    '-c',
    'credential.interactive=never',
    '-c',
    'core.sshCommand=ssh -oBatchMode=yes',
    '-c',
    'color.ui=false',
    // The ext:: transport runs an arbitrary command named in a remote URL; Folio never needs it.
    '-c',
    'protocol.ext.allow=never',
  ];
  if (!trusted) config.push('-c', `core.hooksPath=${noHooksDir()}`);
  return config;
}

function buildEnv(opts: RunGitOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  // Applied last so no caller (or inherited variable) can switch a prompt back on.
  Object.assign(env, {
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GCM_INTERACTIVE: 'never',
    GIT_SSH_COMMAND: 'ssh -oBatchMode=yes',
    GIT_EDITOR: 'true',
    GIT_SEQUENCE_EDITOR: 'true',
    GIT_MERGE_AUTOEDIT: 'no',
    GIT_PAGER: 'cat',
    // Set (even empty) it wins over a folder's core.gitProxy, which would run a command for git://.
    GIT_PROXY_COMMAND: '',
    LC_ALL: 'C',
    LANGUAGE: 'C',
  });
  if (opts.readOnly === true) env.GIT_OPTIONAL_LOCKS = '0';
  return env;
}

type RawOutcome =
  | { readonly kind: 'exited'; readonly output: GitOutput }
  | { readonly kind: 'spawn-error'; readonly code: string }
  | { readonly kind: 'timeout'; readonly stderr: string };

/** Repository-config keys that name a program git would run while reading or comparing files. */
const commandKeys = /^(?:filter\.[^\n]+\.(?:clean|smudge|process)|diff\.[^\n]+\.(?:textconv|command)|merge\.[^\n]+\.driver|core\.pager|core\.editor|diff\.external|sequence\.editor|gpg\.program|gpg\.[^\n]+\.program|core\.alternaterefscommand)$/i;

/** What each neutralised key becomes; keys not listed are emptied. */
function neutralValue(key: string): string {
  // Filters and text conversions pass content through unchanged.
  if (/^(?:filter\..+\.(?:clean|smudge)|diff\..+\.textconv)$/i.test(key)) return 'cat';
  return '';
}

/** Credential helpers (`credential.helper`, `credential.<url>.helper`) run a program on pull or push. */
const credentialHelperKey = /^credential\.(?:[^\n]+\.)?helper$/i;

/** The config scopes a folder itself writes: `.git/config` and, with extensions.worktreeConfig, `config.worktree`. */
const folderScopes = new Set(['local', 'worktree']);

/**
 * For an untrusted folder, the `-c` overrides that neutralise every program its own config names:
 * a `.gitattributes` filter or diff driver defined in `.git/config` would otherwise run on status,
 * add or diff. Filters and textconv become `cat` (content passes through unchanged); the others are emptied.
 * Listing every scope with `--show-scope` (not `--local`) matters: `--local` leaves out
 * `config.worktree`, which git reads as soon as the folder sets extensions.worktreeConfig.
 * `git config --list` only reads the files, it runs nothing.
 */
async function repositoryCommandOverrides(cwd: string, opts: RunGitOptions): Promise<string[]> {
  // --includes: an `[include] path = …` in .git/config could otherwise hide the keys from this list
  // (an included file's keys carry the scope of the file that includes it).
  const listed = await runOnce(cwd, ['config', '--list', '--show-scope', '--includes', '--name-only'], { ...opts, trusted: true, skipRepositoryOverrides: true });
  if (listed.kind !== 'exited' || listed.output.exitCode !== 0) return [];
  const overrides: string[] = [];
  let hasCredentialHelper = false;
  for (const line of listed.output.stdout.toString('utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab === -1 || !folderScopes.has(line.slice(0, tab))) continue;
    const key = line.slice(tab + 1);
    if (credentialHelperKey.test(key)) hasCredentialHelper = true;
    if (commandKeys.test(key)) overrides.push('-c', `${key}=${neutralValue(key)}`);
  }
  if (hasCredentialHelper) overrides.push(...(await userCredentialHelpers(cwd, opts)));
  return overrides;
}

/**
 * A remote's `uploadpack` / `receivepack` is a program git runs locally for a path remote, and git
 * keeps the first value it reads, so `-c` cannot override it: the command's own option does.
 * For an untrusted folder Folio passes git's own programs, so its config never chooses them.
 */
function withOwnPackPrograms(args: readonly string[]): readonly string[] {
  const [command, ...rest] = args;
  if (command === 'fetch' || command === 'pull' || command === 'ls-remote') return [command, '--upload-pack=git-upload-pack', ...rest];
  if (command === 'push') return [command, '--receive-pack=git-receive-pack', ...rest];
  return args;
}

/**
 * Replaces the repository's credential helpers by the user's own. An empty `credential.helper`
 * on the command line (read last) clears every helper configured before it, the repository's and
 * the user's alike; the user's (system, then global, in git's order) are then added back, so their
 * keychain keeps working and only the folder's own helpers are dropped.
 */
async function userCredentialHelpers(cwd: string, opts: RunGitOptions): Promise<string[]> {
  const overrides = ['-c', 'credential.helper='];
  for (const scope of ['--system', '--global']) {
    const listed = await runOnce(cwd, ['config', scope, '--includes', '--get-regexp', '^credential\\..*helper$'], { ...opts, trusted: true, skipRepositoryOverrides: true });
    if (listed.kind !== 'exited' || listed.output.exitCode !== 0) continue;
    for (const line of listed.output.stdout.toString('utf8').split('\n')) {
      const space = line.indexOf(' ');
      const key = space === -1 ? line : line.slice(0, space);
      if (credentialHelperKey.test(key)) overrides.push('-c', `${key}=${space === -1 ? '' : line.slice(space + 1)}`);
    }
  }
  return overrides;
}

function runOnce(cwd: string, args: readonly string[], opts: RunGitOptions & { readonly skipRepositoryOverrides?: boolean }, overrides: readonly string[] = []): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const fullArgs = [...safetyConfig(opts.trusted === true), ...overrides, ...args];
    // A new session (detached) has no controlling terminal, so neither git nor ssh can open
    // /dev/tty to ask for a password; it also lets a timeout kill the whole process group
    // (git-remote-https, ssh) instead of leaving children holding the pipes open.
    const detached = process.platform !== 'win32';
    const child = spawn(opts.gitPath ?? 'git', fullArgs, { cwd, env: buildEnv(opts), stdio: ['pipe', 'pipe', 'pipe'], detached, windowsHide: true });
    const stdout: Buffer[] = [];
    let stderr = '';
    let settled = false;
    let timedOut = false;
    const finish = (outcome: RawOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (detached && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
      finish({ kind: 'timeout', stderr });
    }, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'spawn-error', code: error.code ?? 'UNKNOWN' }));
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      opts.onStderr?.(chunk);
    });
    child.on('close', (code, signal) => {
      if (timedOut) return;
      finish({ kind: 'exited', output: { stdout: Buffer.concat(stdout), stderr, exitCode: code ?? (signal === null ? 1 : 128) } });
    });
    // git may exit before reading all of stdin (e.g. a fatal error); that EPIPE is not our failure.
    child.stdin.on('error', () => undefined);
    if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
    else child.stdin.end();
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function folderExists(cwd: string): boolean {
  try {
    return statSync(cwd).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Runs `git <args>` in `cwd` with Folio's safety settings and maps failure to a typed git error.
 * Never throws and never deletes a lock: a held `index.lock` is retried with backoff, then reported.
 */
export async function runGit(cwd: string, args: readonly string[], opts: RunGitOptions = {}): Promise<Result<GitOutput>> {
  const retries = opts.lockRetries ?? 4;
  const backoff = opts.lockBackoffMs ?? 150;
  const overrides = opts.trusted === true || !folderExists(cwd) ? [] : await repositoryCommandOverrides(cwd, opts);
  for (let attempt = 0; ; attempt++) {
    const outcome = await runOnce(cwd, opts.trusted === true ? args : withOwnPackPrograms(args), opts, overrides);
    if (outcome.kind === 'spawn-error') {
      // Node reports a missing cwd as ENOENT too; only a missing binary means git is absent.
      if (outcome.code === 'ENOENT' && !folderExists(cwd)) return gitFail({ kind: 'not-a-repository', stderr: `folder not found: ${cwd}` });
      if (outcome.code === 'ENOENT' || outcome.code === 'EACCES') return gitFail({ kind: 'git-not-installed', stderr: outcome.code });
      return gitFail({ kind: 'unknown', stderr: `spawn failed: ${outcome.code}` });
    }
    if (outcome.kind === 'timeout') return gitFail({ kind: 'timeout', stderr: trimStderr(outcome.stderr) });
    const { output } = outcome;
    if (output.exitCode === 0 || opts.okExitCodes?.includes(output.exitCode) === true) return ok(output);
    const kind = classifyGitFailure(output.stderr, output.stdout.length < 65_536 ? output.stdout.toString('utf8') : '');
    if (kind === 'index-locked' && attempt < retries) {
      await sleep(backoff * 2 ** attempt);
      continue;
    }
    return gitFail({ kind, stderr: trimStderr(output.stderr), exitCode: output.exitCode });
  }
}

/** Runs git and returns stdout as UTF-8 text (see `runGit`). */
export async function runGitText(cwd: string, args: readonly string[], opts: RunGitOptions = {}): Promise<Result<string>> {
  const result = await runGit(cwd, args, opts);
  return result.ok ? ok(result.value.stdout.toString('utf8')) : result;
}
