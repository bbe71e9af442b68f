import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeFrontMatterConflict, resolveFrontMatterMerge } from '../../../shared/domain/changes/merge-front-matter-conflict';
import { parseConflictMarkers } from '../../../shared/domain/changes/parse-conflict-markers';
import type { Result } from '../../../shared/lib/result';
import { commit } from './commit';
import { getConflictVersions } from './get-conflict-versions';
import { gitErrorKindOf, gitErrorPaths } from './git-error';
import { createGitSandbox, type GitSandbox } from './git-test-sandbox';
import { getStatus } from './get-status';
import type { GitProgress } from './parse-git-progress';
import { abortPull, pull } from './pull';
import { push } from './push';
import { resolveConflict } from './resolve-conflict';
import { stageFiles } from './stage-files';

const ITEM = `---
title: Original title
summary: A short summary.
tags: [health, data]
author: Ann
---
First paragraph.

Second paragraph.
`;

let sb: GitSandbox;
let a: string;
let b: string;
beforeEach(async () => {
  sb = await createGitSandbox();
  ({ a, b } = await sb.remoteWithClones({ 'item.md': ITEM }));
});
afterEach(async () => {
  await sb.cleanup();
});

const kindOf = (r: Result<unknown>): string | null => (r.ok ? null : gitErrorKindOf(r.error));

async function edit(clone: string, change: (text: string) => string, message: string): Promise<void> {
  const file = path.join(clone, 'item.md');
  await writeFile(file, change(await readFile(file, 'utf8')));
  expect((await stageFiles(clone, ['item.md'], sb.opts)).ok).toBe(true);
  const committed = await commit(clone, { message }, sb.opts);
  expect(committed.ok).toBe(true);
}

describe('two clones sharing one remote', () => {
  it('different, non-adjacent fields: git merges, B pushes after pulling; a stale push is rejected, never forced', async () => {
    await edit(a, (t) => t.replace('Original title', 'Title from A'), 'A: title');
    const progress: GitProgress[] = [];
    expect((await push(a, { ...sb.opts, onProgress: (p) => progress.push(p) })).ok).toBe(true);
    expect(progress.some((p) => p.phase === 'Writing objects' && p.percent === 100)).toBe(true);

    await edit(b, (t) => t.replace('author: Ann', 'author: Bob'), 'B: author');
    const remoteHeadBefore = sb.git(a, 'ls-remote', 'origin', 'refs/heads/main');
    const rejected = await push(b, sb.opts);
    expect(kindOf(rejected)).toBe('push-rejected-non-fast-forward');
    expect(!rejected.ok && rejected.error.message).toMatch(/pull/);
    expect(sb.git(a, 'ls-remote', 'origin', 'refs/heads/main')).toBe(remoteHeadBefore);

    const status = await getStatus(b, sb.opts);
    expect(status.ok && status.value).toMatchObject({ upstream: 'origin/main', ahead: 1, behind: 0 });
    const pulled = await pull(b, sb.opts);
    expect(pulled.ok && pulled.value).toMatchObject({ updated: true, strategy: 'merge' });
    const merged = await readFile(path.join(b, 'item.md'), 'utf8');
    expect(merged).toContain('title: Title from A');
    expect(merged).toContain('author: Bob');
    expect((await push(b, sb.opts)).ok).toBe(true);
    const after = await getStatus(b, sb.opts);
    expect(after.ok && after.value).toMatchObject({ ahead: 0, behind: 0 });
  });

  it('different but adjacent fields: git conflicts, the field merge resolves it without asking', async () => {
    await edit(a, (t) => t.replace('Original title', 'Title from A'), 'A: title');
    expect((await push(a, sb.opts)).ok).toBe(true);
    await edit(b, (t) => t.replace('A short summary.', 'Summary from B.'), 'B: summary');
    const pulled = await pull(b, sb.opts);
    expect(kindOf(pulled)).toBe('merge-conflict');
    expect(!pulled.ok && gitErrorPaths(pulled.error)).toEqual(['item.md']);

    const versions = await getConflictVersions(b, 'item.md', sb.opts);
    expect(versions.ok).toBe(true);
    if (!versions.ok) return;
    const merge = mergeFrontMatterConflict(versions.value.base, versions.value.ours!, versions.value.theirs!);
    expect(merge.conflicts).toEqual([]);
    expect(merge.text).toBe(ITEM.replace('Original title', 'Title from A').replace('A short summary.', 'Summary from B.'));
    expect((await resolveConflict(b, 'item.md', merge.text!, sb.opts)).ok).toBe(true);
    const concluded = await commit(b, { message: '' }, sb.opts);
    expect(concluded.ok && concluded.value.via).toBe('merge');
    expect((await push(b, sb.opts)).ok).toBe(true);
  });

  it('same field: pull reports the conflict, markers block the commit, a per-field choice resolves it', async () => {
    await edit(a, (t) => t.replace('Original title', 'Title from A'), 'A: title');
    expect((await push(a, sb.opts)).ok).toBe(true);
    await edit(b, (t) => t.replace('Original title', 'Title from B').replace('Second paragraph.', 'Second paragraph, by B.'), 'B: title');

    const pulled = await pull(b, sb.opts);
    expect(kindOf(pulled)).toBe('merge-conflict');
    expect(!pulled.ok && gitErrorPaths(pulled.error)).toEqual(['item.md']);
    const status = await getStatus(b, sb.opts);
    expect(status.ok && status.value).toMatchObject({ conflicted: ['item.md'], operation: 'merge' });
    expect(status.ok && status.value.files[0]?.badge).toBe('conflicted');

    // Commit is blocked while the conflict is open, and while markers remain once staged.
    expect(kindOf(await commit(b, { message: 'too early' }, sb.opts))).toBe('unresolved-conflicts');
    const conflicted = await readFile(path.join(b, 'item.md'), 'utf8');
    expect((await resolveConflict(b, 'item.md', conflicted, sb.opts)).ok).toBe(false);
    sb.git(b, 'add', 'item.md'); // a curator (or another tool) staging the markers as they are
    expect(kindOf(await commit(b, { message: 'with markers' }, sb.opts))).toBe('conflict-markers-present');

    const parsed = parseConflictMarkers(conflicted);
    expect(parsed.conflicts).toBe(1);
    const base = sb.git(b, 'show', 'HEAD~1:item.md'); // stage 1 is gone once staged; the merge base is B's parent
    const merge = mergeFrontMatterConflict(base, parsed.ours, parsed.theirs);
    expect(merge.conflicts).toEqual([{ path: 'title', segments: ['title'], base: 'Original title', ours: 'Title from B', theirs: 'Title from A' }]);
    expect(merge.bodyConflicts).toBe(0);
    const resolved = resolveFrontMatterMerge(merge, { fields: { title: { take: 'theirs' } } });
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.text).toBe(ITEM.replace('Original title', 'Title from A').replace('Second paragraph.', 'Second paragraph, by B.'));
    expect((await resolveConflict(b, 'item.md', resolved.text, sb.opts)).ok).toBe(true);
    const concluded = await commit(b, { message: 'Merge: keep title from A' }, sb.opts);
    expect(concluded.ok).toBe(true);
    expect(sb.git(b, 'show', 'HEAD:item.md')).not.toMatch(/^(<{7}|={7}|>{7})/m);
    expect((await push(b, sb.opts)).ok).toBe(true);
  });

  it('respects pull.rebase and concludes a conflicted rebase through commit; abort restores the branch', async () => {
    await edit(a, (t) => t.replace('Original title', 'Title from A'), 'A: title');
    expect((await push(a, sb.opts)).ok).toBe(true);
    sb.git(b, 'config', 'pull.rebase', 'true');
    await edit(b, (t) => t.replace('Original title', 'Title from B'), 'B: title');
    const headBefore = sb.git(b, 'rev-parse', 'HEAD');

    const first = await pull(b, sb.opts);
    expect(kindOf(first)).toBe('merge-conflict');
    expect((await abortPull(b, sb.opts)).ok).toBe(true);
    expect(sb.git(b, 'rev-parse', 'HEAD')).toBe(headBefore);

    const again = await pull(b, sb.opts);
    expect(kindOf(again)).toBe('merge-conflict');
    const status = await getStatus(b, sb.opts);
    expect(status.ok && status.value.operation).toBe('rebase');
    const versions = await getConflictVersions(b, 'item.md', sb.opts);
    if (!versions.ok) throw new Error('no versions');
    // During a rebase git's "ours" is the upstream and "theirs" the local commit being replayed.
    const merge = mergeFrontMatterConflict(versions.value.base, versions.value.ours!, versions.value.theirs!);
    expect(merge.conflicts[0]).toMatchObject({ path: 'title', ours: 'Title from A', theirs: 'Title from B' });
    const resolved = resolveFrontMatterMerge(merge, { fields: { title: { value: 'Title agreed' } } });
    if (!resolved.ok) throw new Error(resolved.reason);
    await resolveConflict(b, 'item.md', resolved.text, sb.opts);
    const concluded = await commit(b, { message: 'ignored for a rebase' }, sb.opts);
    expect(concluded.ok && concluded.value.via).toBe('rebase-continued');
    expect(sb.git(b, 'log', '--format=%s', '-2').trim().split('\n')).toEqual(['B: title', 'A: title']);
    expect((await push(b, sb.opts)).ok).toBe(true);
  });

  it('local uncommitted edits in the way of a pull are reported, not overwritten', async () => {
    await edit(a, (t) => t.replace('Original title', 'Title from A'), 'A: title');
    expect((await push(a, sb.opts)).ok).toBe(true);
    await writeFile(path.join(b, 'item.md'), ITEM.replace('Original title', 'Unsaved B'));
    expect(kindOf(await pull(b, sb.opts))).toBe('local-changes-would-be-overwritten');
    expect(await readFile(path.join(b, 'item.md'), 'utf8')).toContain('Unsaved B');
  });
});

describe('sync preconditions', () => {
  it('no remote, no upstream (publish on request), detached HEAD', async () => {
    sb.git(b, 'remote', 'remove', 'origin');
    expect(kindOf(await push(b, sb.opts))).toBe('no-remote');
    expect(kindOf(await pull(b, sb.opts))).toBe('no-remote');

    sb.git(a, 'checkout', '-q', '-b', 'draft');
    const noUpstream = await push(a, sb.opts);
    expect(kindOf(noUpstream)).toBe('no-upstream');
    expect(!noUpstream.ok && noUpstream.error.message).toMatch(/not been published/);
    expect(kindOf(await pull(a, sb.opts))).toBe('no-upstream');
    const published = await push(a, { ...sb.opts, publish: true });
    expect(published.ok && published.value).toMatchObject({ remote: 'origin', ref: 'refs/heads/draft' });
    const status = await getStatus(a, sb.opts);
    expect(status.ok && status.value.upstream).toBe('origin/draft');

    sb.git(a, 'checkout', '-q', '--detach');
    expect(kindOf(await push(a, sb.opts))).toBe('detached-head');
    expect(kindOf(await pull(a, sb.opts))).toBe('detached-head');
  });
});
