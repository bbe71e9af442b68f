import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  GitBadgeDto,
  GitCommitDto,
  GitConflictDto,
  GitDiffDto,
  GitFileAtDto,
  GitFileDto,
  GitHistoryEntryDto,
  GitIdentityDto,
  GitStatusDto,
  GitSyncDto,
} from '../../../shared/contract';
import { formatChangeSummary, mergeFrontMatterConflict, summariseChange } from '../../../shared/domain/changes';
import { fail, ok, type Result } from '../../../shared/lib/result';
import type { EventSink } from '../../ipc/event-sink';
import {
  abortPull,
  commit,
  diffFile,
  discardChanges,
  getConflictVersions,
  getHistory,
  getIdentity,
  getStatus,
  gitErrorKindOf,
  initRepository,
  pull,
  push,
  resolveConflict,
  setIdentity,
  showFileAt,
  stageFiles,
  unstageFiles,
  type GitOptions,
  type GitProgress,
} from '../git';
import { GitTrustStore } from './git-trust-store';
import { emptyGitStatus, toGitStatusDto } from './to-git-status-dto';

/** What the session needs from the rest of main; injected so tests run it without the workspace. */
export interface GitSessionOptions {
  /** The app's data folder (the trusted-folders file lives there). */
  readonly dataDir: string;
  /** The open folder's absolute path, or null when none is open. */
  readonly root: () => string | null;
  readonly events: EventSink;
  /** Receives the list badges after every status refresh. */
  readonly onBadges?: (badges: ReadonlyMap<string, GitBadgeDto>) => void;
  /** Base git options (tests isolate HOME and the global config here). */
  readonly gitOptions?: GitOptions;
  /** Watcher batches are coalesced for this long before git status runs again. Default 300 ms. */
  readonly debounceMs?: number;
}

/** Field summaries are computed for at most this many files; a mass change lists the rest plainly. */
const MAX_SUMMARIES = 300;
/** Text files larger than this are not read for a summary (a field summary of a 5 MB file helps nobody). */
const MAX_SUMMARY_BYTES = 2 * 1024 * 1024;

const noWorkspace = <T>(): Result<T> => fail('no-workspace', 'No folder is open.');

/**
 * Git for the open folder: a cached status (refreshed after watcher batches, debounced, and when
 * the window regains focus), the curator's operations on top of the git layer, hooks only in
 * trusted folders, and progress events for pull and push. Never throws; a folder without git
 * (or a computer without git) reports a state instead, and editing carries on regardless.
 */
export class GitSessionService {
  private readonly trust: GitTrustStore;
  private cached: GitStatusDto | null = null;
  private cachedRoot: string | null = null;
  private lastEmitted = '';
  private queued: Promise<GitStatusDto> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private writeTail: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: GitSessionOptions) {
    this.trust = new GitTrustStore(path.join(options.dataDir, 'git-trusted-folders.json'));
  }

  async boot(): Promise<void> {
    await this.trust.load();
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.tail.catch(() => undefined);
    await this.writeTail.catch(() => undefined);
  }

  /** The cached status (computed on first use, or when another folder was opened since). */
  status(): Promise<Result<GitStatusDto>> {
    const root = this.options.root();
    if (this.cached !== null && this.cachedRoot === root) return Promise.resolve(ok(this.cached));
    return this.refresh().then(ok);
  }

  /** Runs git status now (coalescing with one already queued) and broadcasts it when it changed. */
  refresh(): Promise<GitStatusDto> {
    if (this.queued) return this.queued;
    const next = this.tail.then(() => {
      this.queued = null;
      return this.compute();
    });
    this.queued = next;
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Called after a watcher batch or a folder switch: refreshes once things settle. */
  scheduleRefresh(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, this.options.debounceMs ?? 300);
  }

  /** Every changed file with its field-level summary against HEAD ("title changed; tags +1; body: 3 lines"). */
  async changes(): Promise<Result<readonly GitFileDto[]>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    const status = await this.refresh();
    if (status.state !== 'ok') return ok([]);
    const opts = this.gitOptions(root);
    const files = status.files;
    const out: GitFileDto[] = new Array<GitFileDto>(files.length);
    let nextIndex = 0;
    // A few files at a time: each summary is one `cat-file` plus one read.
    const worker = async (): Promise<void> => {
      while (nextIndex < files.length) {
        const i = nextIndex++;
        const file = files[i];
        if (file === undefined) continue;
        out[i] = i < MAX_SUMMARIES && file.badge !== 'conflicted' ? await this.withSummary(root, file, status.unborn, opts) : file;
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
    return ok(out);
  }

  private async withSummary(root: string, file: GitFileDto, unborn: boolean, opts: GitOptions): Promise<GitFileDto> {
    const before = unborn || file.badge === 'untracked' ? null : await showFileAt(root, 'HEAD', file.path, opts);
    if (before !== null && !before.ok) return file;
    const after = file.badge === 'deleted' ? null : await readSmallText(path.join(root, file.path));
    if (after === undefined) return file;
    const summary = formatChangeSummary(summariseChange(before === null ? null : before.value.text, after));
    return summary === '' ? file : { ...file, summary };
  }

  /** HEAD's version against the working file, for the diff editor. */
  async diff(relPath: string): Promise<Result<GitDiffDto>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    const status = await this.status();
    if (status.ok && status.value.unborn) {
      const after = await readSmallText(path.join(root, relPath));
      return ok({ before: null, after: after ?? null });
    }
    return diffFile(root, relPath, this.gitOptions(root));
  }

  stage(paths: readonly string[]): Promise<Result<GitStatusDto>> {
    return this.write((root, opts) => stageFiles(root, paths, opts));
  }

  unstage(paths: readonly string[]): Promise<Result<GitStatusDto>> {
    return this.write((root, opts) => unstageFiles(root, paths, opts));
  }

  /** Puts items back as they are in HEAD (the renderer confirmed with the curator first). */
  discard(paths: readonly string[]): Promise<Result<GitStatusDto>> {
    return this.write((root, opts) => discardChanges(root, paths, opts));
  }

  async identity(): Promise<Result<GitIdentityDto>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    return getIdentity(root, this.gitOptions(root));
  }

  /** Stores name and email in this repository's config, then reads back what git will use. */
  async setIdentity(identity: { readonly name: string; readonly email: string }): Promise<Result<GitIdentityDto>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    const stored = await this.exclusive(() => setIdentity(root, identity, this.gitOptions(root)));
    return stored.ok ? this.identity() : stored;
  }

  /** Commits what is staged; the git layer refuses while conflicts or markers remain, or without an identity. */
  async commit(request: { readonly message: string; readonly amend?: boolean | undefined }): Promise<Result<GitCommitDto>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    const done = await this.exclusive(() => commit(root, { message: request.message, amend: request.amend === true }, this.gitOptions(root)));
    await this.refresh();
    return done.ok ? ok({ oid: done.value.oid }) : done;
  }

  async history(relPath: string): Promise<Result<readonly GitHistoryEntryDto[]>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    const status = await this.status();
    if (status.ok && (status.value.state !== 'ok' || status.value.unborn)) return ok([]);
    return getHistory(root, relPath, { limit: 200 }, this.gitOptions(root));
  }

  async showAt(rev: string, relPath: string): Promise<Result<GitFileAtDto>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    const shown = await showFileAt(root, rev, relPath, this.gitOptions(root));
    return shown.ok ? ok({ text: shown.value.text }) : shown;
  }

  /** Pulls as the repository is configured; a conflict leaves git mid-merge and comes back as `merge-conflict`. */
  async pull(): Promise<Result<GitSyncDto>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    const done = await this.exclusive(() => pull(root, { ...this.gitOptions(root), onProgress: this.progress('pull') }));
    await this.refresh();
    return done.ok ? ok({ updated: done.value.updated }) : done;
  }

  /** Pushes (never forced); `publish` sets the upstream for a branch that has none yet. */
  async push(publish: boolean): Promise<Result<GitSyncDto>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    const done = await this.exclusive(() => push(root, { ...this.gitOptions(root), publish, onProgress: this.progress('push') }));
    await this.refresh();
    return done.ok ? ok({ updated: !done.value.upToDate }) : done;
  }

  abortPull(): Promise<Result<GitStatusDto>> {
    return this.write((root, opts) => abortPull(root, opts));
  }

  /** Starts tracking the folder with a first commit of everything in it (the curator agreed). */
  async init(identity: { readonly name: string; readonly email: string } | undefined): Promise<Result<GitCommitDto>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    const done = await this.exclusive(() => initRepository(root, identity === undefined ? {} : { identity }, this.gitOptions(root)));
    await this.refresh();
    return done.ok ? ok({ oid: done.value.oid }) : done;
  }

  /**
   * The three versions of a conflicted item and their field/hunk merge. During a rebase git's
   * "ours" is the upstream; they are swapped back so "ours" always means this clone's edits.
   */
  async conflict(relPath: string): Promise<Result<GitConflictDto>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    const status = await this.refresh();
    const versions = await getConflictVersions(root, relPath, this.gitOptions(root));
    if (!versions.ok) return versions;
    const rebase = status.operation === 'rebase';
    const ours = rebase ? versions.value.theirs : versions.value.ours;
    const theirs = rebase ? versions.value.ours : versions.value.theirs;
    const merge = ours !== null && theirs !== null ? mergeFrontMatterConflict(versions.value.base, ours, theirs) : null;
    return ok({ path: relPath, base: versions.value.base, ours, theirs, merge });
  }

  /** Writes an item's resolved text (refused if it still holds markers) and marks it resolved. */
  resolve(relPath: string, text: string): Promise<Result<GitStatusDto>> {
    return this.write((root, opts) => resolveConflict(root, relPath, text, opts));
  }

  /** Allows (or stops) this folder's git hooks; the choice is kept per folder in the app's data. */
  async setTrusted(trusted: boolean): Promise<Result<GitStatusDto>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    await this.trust.setTrusted(root, trusted);
    return ok(await this.refresh());
  }

  private gitOptions(root: string): GitOptions {
    return { ...this.options.gitOptions, trusted: this.trust.isTrusted(root) };
  }

  private progress(operation: 'pull' | 'push'): (progress: GitProgress) => void {
    return (p) => this.options.events.emit('git:progress', { operation, phase: p.phase, overall: p.overall });
  }

  /** Git writes run one at a time: a stage racing a pull would fight over the index lock. */
  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    const next = this.writeTail.then(run);
    this.writeTail = next.catch(() => undefined);
    return next;
  }

  private async write(run: (root: string, opts: GitOptions) => Promise<Result<unknown>>): Promise<Result<GitStatusDto>> {
    const root = this.options.root();
    if (root === null) return noWorkspace();
    const done = await this.exclusive(() => run(root, this.gitOptions(root)));
    const status = await this.refresh();
    return done.ok ? ok(status) : done;
  }

  private async compute(): Promise<GitStatusDto> {
    const root = this.options.root();
    let status: GitStatusDto;
    if (root === null) status = emptyGitStatus('no-folder', false);
    else {
      const trusted = this.trust.isTrusted(root);
      const result = await getStatus(root, this.gitOptions(root));
      if (result.ok) status = toGitStatusDto(result.value, trusted);
      else {
        const kind = gitErrorKindOf(result.error);
        status =
          kind === 'not-a-repository'
            ? emptyGitStatus('not-a-repository', trusted)
            : kind === 'git-not-installed'
              ? emptyGitStatus('no-git', trusted, result.error.message)
              : emptyGitStatus('error', trusted, result.error.message);
      }
    }
    this.cached = status;
    this.cachedRoot = root;
    this.publish(status);
    return status;
  }

  private publish(status: GitStatusDto): void {
    const key = JSON.stringify(status);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.options.onBadges?.(new Map(status.files.map((f) => [f.path, f.badge])));
    if (!this.stopped) this.options.events.emit('git:status', status);
  }
}

/** A working file's text for a summary; null when missing, undefined when too large or unreadable. */
async function readSmallText(abs: string): Promise<string | null | undefined> {
  try {
    const info = await lstat(abs);
    if (!info.isFile() || info.size > MAX_SUMMARY_BYTES) return undefined;
    return await readFile(abs, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
}
