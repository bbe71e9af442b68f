import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitBadgeDto, GitProgressDto, GitStatusDto, MainEventName, MainEvents } from '../../../shared/contract';
import { resolveFrontMatterMerge } from '../../../shared/domain/changes';
import type { Result } from '../../../shared/lib/result';
import type { EventSink } from '../../ipc/event-sink';
import { gitErrorKindOf } from '../git';
import { createGitSandbox, type GitSandbox } from '../git/git-test-sandbox';
import { GitSessionService } from './git-session-service';

const ITEM = `---
title: Original title
summary: A short summary.
tags: [health, data]
author: Ann
---
First paragraph.

Second paragraph.
`;

interface Session {
  readonly git: GitSessionService;
  readonly events: { name: MainEventName; payload: unknown }[];
  badges: ReadonlyMap<string, GitBadgeDto>;
}

let sb: GitSandbox;
const sessions: GitSessionService[] = [];

beforeEach(async () => {
  sb = await createGitSandbox();
});
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.shutdown();
  await sb.cleanup();
});

async function session(root: string, name = path.basename(root)): Promise<Session> {
  const events: Session['events'] = [];
  const sink: EventSink = { emit: <E extends MainEventName>(event: E, payload: MainEvents[E]) => void events.push({ name: event, payload }) };
  const dataDir = path.join(sb.root, `data-${name}`);
  const out: Session = {
    events,
    badges: new Map(),
    git: new GitSessionService({ dataDir, root: () => root, events: sink, gitOptions: sb.opts, debounceMs: 20, onBadges: (b) => (out.badges = b) }),
  };
  await out.git.boot();
  sessions.push(out.git);
  return out;
}

const kindOf = (r: Result<unknown>): string | null => (r.ok ? null : gitErrorKindOf(r.error));

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.detail)}`);
  return r.value;
}

async function editFile(dir: string, change: (text: string) => string, file = 'item.md'): Promise<void> {
  const abs = path.join(dir, file);
  await writeFile(abs, change(await readFile(abs, 'utf8')));
}

describe('GitSessionService on one clone', () => {
  it('reports badges after edits, summarises each change per field, and commits only what is staged', async () => {
    const { a } = await sb.remoteWithClones({ 'item.md': ITEM, 'other.md': ITEM.replace('Original title', 'Other') });
    const s = await session(a);
    const clean = value(await s.git.status());
    expect(clean).toMatchObject({ state: 'ok', branch: 'main', upstream: 'origin/main', ahead: 0, behind: 0, files: [], trusted: false, unborn: false });

    await editFile(a, (t) => t.replace('Original title', 'New title').replace('[health, data]', '[health, data, policy]').replace('Second paragraph.', 'Second, changed.'));
    await editFile(a, (t) => t.replace('Other', 'Other edited'), 'other.md');
    await writeFile(path.join(a, 'new.md'), '---\ntitle: New\n---\nHello\n');
    const status = await s.git.refresh();
    expect(Object.fromEntries(status.files.map((f) => [f.path, f.badge]))).toEqual({ 'item.md': 'modified', 'other.md': 'modified', 'new.md': 'untracked' });
    expect(s.badges.get('item.md')).toBe('modified');
    expect(s.events.some((e) => e.name === 'git:status')).toBe(true);

    const changes = value(await s.git.changes());
    const byPath = Object.fromEntries(changes.map((c) => [c.path, c.summary]));
    expect(byPath['item.md']).toMatch(/title changed/);
    expect(byPath['item.md']).toMatch(/tags \+1/);
    expect(byPath['item.md']).toMatch(/body: 1 line/);
    expect(byPath['new.md']).toBeDefined();

    const staged = value(await s.git.stage(['item.md']));
    expect(staged.files.find((f) => f.path === 'item.md')).toMatchObject({ badge: 'staged', staged: true, unstaged: false });
    expect(s.badges.get('item.md')).toBe('staged');
    value(await s.git.commit({ message: 'Retitle the item' }));
    const after = await s.git.refresh();
    expect(after.ahead).toBe(1);
    expect(after.files.map((f) => f.path).sort()).toEqual(['new.md', 'other.md']);
    expect(sb.git(a, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('item.md');

    const history = value(await s.git.history('item.md'));
    expect(history.map((h) => h.subject)).toEqual(['Retitle the item', 'first']);
    const old = value(await s.git.showAt(history[1]!.oid, 'item.md'));
    expect(old.text).toBe(ITEM);

    const diff = value(await s.git.diff('other.md'));
    expect(diff.before).toContain('title: Other\n');
    expect(diff.after).toContain('title: Other edited');

    // Discard puts the item back as committed, and deletes a new one.
    value(await s.git.discard(['other.md', 'new.md']));
    expect(await readFile(path.join(a, 'other.md'), 'utf8')).toBe(ITEM.replace('Original title', 'Other'));
    await expect(stat(path.join(a, 'new.md'))).rejects.toThrow();
    expect((await s.git.refresh()).files).toEqual([]);
  });

  it('asks for an identity: a commit without one is refused and nothing is recorded', async () => {
    const { a } = await sb.remoteWithClones({ 'item.md': ITEM });
    sb.git(a, 'config', '--unset', 'user.name');
    sb.git(a, 'config', '--unset', 'user.email');
    const s = await session(a);
    expect(value(await s.git.identity())).toEqual({ name: null, email: null });
    await editFile(a, (t) => t.replace('Original title', 'X'));
    value(await s.git.stage(['item.md']));
    const head = sb.git(a, 'rev-parse', 'HEAD');
    expect(kindOf(await s.git.commit({ message: 'no identity' }))).toBe('identity-missing');
    expect(sb.git(a, 'rev-parse', 'HEAD')).toBe(head);
    expect(value(await s.git.setIdentity({ name: 'Cora', email: 'cora@example.com' }))).toEqual({ name: 'Cora', email: 'cora@example.com' });
    expect(sb.git(a, 'config', '--local', 'user.name').trim()).toBe('Cora');
    value(await s.git.commit({ message: 'with identity' }));
    expect(sb.git(a, 'log', '-1', '--format=%an').trim()).toBe('Cora');
  });

  it('refreshes after watcher batches, coalesced', async () => {
    const { a } = await sb.remoteWithClones({ 'item.md': ITEM });
    const s = await session(a);
    await s.git.status();
    const before = s.events.filter((e) => e.name === 'git:status').length;
    await editFile(a, (t) => t.replace('Original title', 'Y'));
    for (let i = 0; i < 5; i++) s.git.scheduleRefresh();
    await expect.poll(() => s.badges.get('item.md'), { timeout: 3000 }).toBe('modified');
    expect(s.events.filter((e) => e.name === 'git:status').length).toBe(before + 1);
  });
});

describe('two clones of one remote through the session', () => {
  it('different fields: push, pull with auto-merge, push back, with progress events; a stale push is never forced', async () => {
    const { a, b } = await sb.remoteWithClones({ 'item.md': ITEM });
    const sa = await session(a);
    const sbb = await session(b);
    await editFile(a, (t) => t.replace('Original title', 'Title from A'));
    value(await sa.git.stage(['item.md']));
    value(await sa.git.commit({ message: 'A: title' }));
    expect(value(await sa.git.push(false)).updated).toBe(true);
    expect(sa.events.some((e) => e.name === 'git:progress' && (e.payload as GitProgressDto).operation === 'push')).toBe(true);

    await editFile(b, (t) => t.replace('author: Ann', 'author: Bob'));
    value(await sbb.git.stage(['item.md']));
    value(await sbb.git.commit({ message: 'B: author' }));
    expect(kindOf(await sbb.git.push(false))).toBe('push-rejected-non-fast-forward');
    expect(value(await sbb.git.pull()).updated).toBe(true);
    const merged = await readFile(path.join(b, 'item.md'), 'utf8');
    expect(merged).toContain('title: Title from A');
    expect(merged).toContain('author: Bob');
    value(await sbb.git.push(false));
    expect(value(await sbb.git.status())).toMatchObject({ ahead: 0, behind: 0 });

    value(await sa.git.pull());
    expect(await readFile(path.join(a, 'item.md'), 'utf8')).toBe(merged);
  });

  it('same field: the conflict is shown per field with ours = this clone, commit is blocked until resolved, no markers are committed', async () => {
    const { a, b } = await sb.remoteWithClones({ 'item.md': ITEM });
    const sa = await session(a);
    const sbb = await session(b);
    await editFile(a, (t) => t.replace('Original title', 'Title from A'));
    value(await sa.git.stage(['item.md']));
    value(await sa.git.commit({ message: 'A: title' }));
    value(await sa.git.push(false));
    await editFile(b, (t) => t.replace('Original title', 'Title from B'));
    value(await sbb.git.stage(['item.md']));
    value(await sbb.git.commit({ message: 'B: title' }));

    expect(kindOf(await sbb.git.pull())).toBe('merge-conflict');
    const status: GitStatusDto = value(await sbb.git.status());
    expect(status).toMatchObject({ conflicted: ['item.md'], operation: 'merge' });
    expect(sbb.badges.get('item.md')).toBe('conflicted');
    expect(kindOf(await sbb.git.commit({ message: 'too early' }))).toBe('unresolved-conflicts');

    const conflict = value(await sbb.git.conflict('item.md'));
    expect(conflict.merge?.conflicts).toEqual([{ path: 'title', segments: ['title'], base: 'Original title', ours: 'Title from B', theirs: 'Title from A' }]);
    const withMarkers = await readFile(path.join(b, 'item.md'), 'utf8');
    expect(kindOf(await sbb.git.resolve('item.md', withMarkers))).toBe('conflict-markers-present');

    const resolved = resolveFrontMatterMerge(conflict.merge!, { fields: { title: { take: 'theirs' } } });
    if (!resolved.ok) throw new Error(resolved.reason);
    const after = value(await sbb.git.resolve('item.md', resolved.text));
    expect(after.conflicted).toEqual([]);
    value(await sbb.git.commit({ message: '' }));
    const committed = sb.git(b, 'show', 'HEAD:item.md');
    expect(committed).not.toMatch(/^(<{7}|={7}|>{7})/m);
    expect(committed).toBe(ITEM.replace('Original title', 'Title from A'));
    value(await sbb.git.push(false));
  });

  it('pull --rebase conflicts still show ours as this clone', async () => {
    const { a, b } = await sb.remoteWithClones({ 'item.md': ITEM });
    const sa = await session(a);
    const sbb = await session(b);
    await editFile(a, (t) => t.replace('Original title', 'Title from A'));
    value(await sa.git.stage(['item.md']));
    value(await sa.git.commit({ message: 'A: title' }));
    value(await sa.git.push(false));
    sb.git(b, 'config', 'pull.rebase', 'true');
    await editFile(b, (t) => t.replace('Original title', 'Title from B'));
    value(await sbb.git.stage(['item.md']));
    value(await sbb.git.commit({ message: 'B: title' }));
    expect(kindOf(await sbb.git.pull())).toBe('merge-conflict');
    const conflict = value(await sbb.git.conflict('item.md'));
    expect(conflict.merge?.conflicts[0]).toMatchObject({ ours: 'Title from B', theirs: 'Title from A' });
    value(await sbb.git.abortPull());
    expect(value(await sbb.git.status()).operation).toBeNull();
  });
});

describe('safety and missing repositories', () => {
  it('never runs a hostile fsmonitor or pre-commit hook unless the folder is trusted', async () => {
    const { a } = await sb.remoteWithClones({ 'item.md': ITEM });
    const marker = path.join(sb.root, 'pwned');
    const script = path.join(sb.root, 'fsmonitor.sh');
    await writeFile(script, `#!/bin/sh\necho fsmonitor > '${marker}'\n`);
    await chmod(script, 0o755);
    sb.git(a, 'config', 'core.fsmonitor', script);
    await mkdir(path.join(a, '.git', 'hooks'), { recursive: true });
    await writeFile(path.join(a, '.git', 'hooks', 'pre-commit'), `#!/bin/sh\necho hook > '${marker}'\n`);
    await chmod(path.join(a, '.git', 'hooks', 'pre-commit'), 0o755);

    const s = await session(a);
    await editFile(a, (t) => t.replace('Original title', 'Hostile'));
    await s.git.refresh();
    value(await s.git.changes());
    value(await s.git.stage(['item.md']));
    value(await s.git.commit({ message: 'untrusted commit' }));
    value(await s.git.history('item.md'));
    await expect(stat(marker)).rejects.toThrow();

    // Trusting the folder lets its hooks run (the curator's choice); fsmonitor stays off.
    expect(value(await s.git.setTrusted(true)).trusted).toBe(true);
    await editFile(a, (t) => t.replace('Hostile', 'Trusted'));
    value(await s.git.stage(['item.md']));
    value(await s.git.commit({ message: 'trusted commit' }));
    expect(await readFile(marker, 'utf8')).toBe('hook\n');
    await rm(marker);
    // The choice survives a restart; untrusting turns hooks off again.
    const again = await session(a, 'a');
    expect(value(await again.git.status()).trusted).toBe(true);
    value(await again.git.setTrusted(false));
    await editFile(a, (t) => t.replace('Trusted', 'Untrusted again'));
    value(await again.git.stage(['item.md']));
    value(await again.git.commit({ message: 'untrusted again' }));
    await expect(stat(marker)).rejects.toThrow();
  });

  it('a plain folder reports not-a-repository, editing untouched, and init makes a first commit after asking for an identity', async () => {
    const dir = path.join(sb.root, 'plain');
    await mkdir(path.join(dir, 'news'), { recursive: true });
    await writeFile(path.join(dir, 'news', 'one.md'), ITEM);
    const s = await session(dir);
    expect(value(await s.git.status()).state).toBe('not-a-repository');
    expect(value(await s.git.changes())).toEqual([]);
    expect(kindOf(await s.git.init(undefined))).toBe('identity-missing');
    await expect(stat(path.join(dir, '.git'))).rejects.toThrow();
    value(await s.git.init({ name: 'Dee', email: 'dee@example.com' }));
    const status = value(await s.git.status());
    expect(status).toMatchObject({ state: 'ok', branch: 'main', files: [], unborn: false });
    expect(sb.git(dir, 'log', '--format=%an %s').trim()).toBe('Dee Start tracking this folder');
    expect(kindOf(await s.git.push(false))).toBe('no-remote');
  });

  it('no git installed: a state, not a crash', async () => {
    const dir = path.join(sb.root, 'nogit');
    await mkdir(dir);
    const events: unknown[] = [];
    const git = new GitSessionService({ dataDir: sb.root, root: () => dir, events: { emit: (_e, p) => void events.push(p) }, gitOptions: { ...sb.opts, gitPath: path.join(sb.root, 'no-such-git') } });
    await git.boot();
    sessions.push(git);
    const status = value(await git.status());
    expect(status.state).toBe('no-git');
    expect(status.message).toMatch(/not installed/);
  });
});
