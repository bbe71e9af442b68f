import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/lib/result';
import { commit } from './commit';
import { diffFile } from './diff-file';
import { discardChanges } from './discard-changes';
import { gitErrorKindOf } from './git-error';
import { createGitSandbox, type GitSandbox } from './git-test-sandbox';
import { getHistory } from './get-history';
import { getStatus } from './get-status';
import { initRepository } from './init-repository';
import { setIdentity } from './set-identity';
import { showFileAt } from './show-file-at';
import { stageFiles } from './stage-files';
import { unstageFiles } from './unstage-files';

let sb: GitSandbox;
let dir: string;
beforeEach(async () => {
  sb = await createGitSandbox();
  dir = path.join(sb.root, 'repo');
  await mkdir(dir);
  sb.git(dir, 'init', '-q');
  sb.git(dir, 'config', 'user.name', 'Ann');
  sb.git(dir, 'config', 'user.email', 'ann@example.com');
  await writeFile(path.join(dir, 'a.md'), '---\ntitle: A\n---\nBody A\n');
  await writeFile(path.join(dir, 'b.md'), '---\ntitle: B\n---\nBody B\n');
  await writeFile(path.join(dir, 'old name.md'), 'renamed later\n');
  sb.git(dir, 'add', '.');
  sb.git(dir, 'commit', '-q', '-m', 'first');
});
afterEach(async () => {
  await sb.cleanup();
});

const kindOf = (r: Result<unknown>): string | null => (r.ok ? null : gitErrorKindOf(r.error));
const commitCount = (): number => Number(sb.git(dir, 'rev-list', '--count', 'HEAD').trim());

describe('status', () => {
  it('reports branch and one badge per changed file: modified, untracked, deleted, renamed, added', async () => {
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: A2\n---\nBody A\n');
    await rm(path.join(dir, 'b.md'));
    await mkdir(path.join(dir, 'new folder'));
    await writeFile(path.join(dir, 'new folder', 'n é.md'), 'new\n');
    sb.git(dir, 'mv', 'old name.md', 'new name.md');
    await writeFile(path.join(dir, 'staged.md'), 'staged\n');
    sb.git(dir, 'add', 'staged.md');
    const status = await getStatus(dir, sb.opts);
    expect(status.ok).toBe(true);
    if (!status.ok) return;
    expect(status.value).toMatchObject({ branch: 'main', detached: false, upstream: null, ahead: 0, behind: 0, operation: null });
    const badges = Object.fromEntries(status.value.files.map((f) => [f.path, f.badge]));
    expect(badges).toEqual({ 'a.md': 'modified', 'b.md': 'deleted', 'new folder/n é.md': 'untracked', 'new name.md': 'renamed', 'staged.md': 'added' });
    expect(status.value.files.find((f) => f.path === 'new name.md')?.origPath).toBe('old name.md');
  });

  it('reports paths relative to a workspace that is a sub-folder of the repository', async () => {
    await mkdir(path.join(dir, 'content'));
    await writeFile(path.join(dir, 'content', 'c.md'), 'c\n');
    await writeFile(path.join(dir, 'a.md'), 'outside the workspace\n');
    const status = await getStatus(path.join(dir, 'content'), sb.opts);
    expect(status.ok && status.value.files.map((f) => f.path)).toEqual(['c.md']);
  });
});

describe('stage, unstage, commit', () => {
  it('commits only what is staged, with literal paths', async () => {
    await writeFile(path.join(dir, 'a.md'), 'A changed\n');
    await writeFile(path.join(dir, 'b.md'), 'B changed\n');
    await writeFile(path.join(dir, '*.md'), 'a file literally named star\n');
    expect((await stageFiles(dir, ['a.md', '*.md'], sb.opts)).ok).toBe(true);
    const committed = await commit(dir, { message: 'Only A' }, sb.opts);
    expect(committed.ok).toBe(true);
    expect(sb.git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(['*.md', 'a.md']);
    const status = await getStatus(dir, sb.opts);
    expect(status.ok && status.value.files.map((f) => `${f.path}:${f.badge}`)).toEqual(['b.md:modified']);
    expect(kindOf(await stageFiles(dir, ['../outside.md'], sb.opts))).toBe('invalid-path');
  });

  it('unstages without losing the edit, and refuses an empty commit', async () => {
    await writeFile(path.join(dir, 'a.md'), 'A changed\n');
    await stageFiles(dir, ['a.md'], sb.opts);
    expect((await unstageFiles(dir, ['a.md'], sb.opts)).ok).toBe(true);
    const status = await getStatus(dir, sb.opts);
    expect(status.ok && status.value.files[0]).toMatchObject({ path: 'a.md', staged: 'unmodified', unstaged: 'modified' });
    expect(kindOf(await commit(dir, { message: 'nothing' }, sb.opts))).toBe('nothing-to-commit');
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('A changed\n');
  });

  it('creates no commit without an identity, then commits once it is stored in the repository', async () => {
    sb.git(dir, 'config', '--unset', 'user.name');
    sb.git(dir, 'config', '--unset', 'user.email');
    await writeFile(path.join(dir, 'a.md'), 'A changed\n');
    await stageFiles(dir, ['a.md'], sb.opts);
    const refused = await commit(dir, { message: 'edit' }, sb.opts);
    expect(kindOf(refused)).toBe('identity-missing');
    expect(commitCount()).toBe(1);
    expect(kindOf(await setIdentity(dir, { name: 'Cleo <x>', email: 'c@example.com' }, sb.opts))).toBe('identity-missing');
    expect((await setIdentity(dir, { name: 'Cleo', email: 'cleo@example.com' }, sb.opts)).ok).toBe(true);
    expect((await commit(dir, { message: 'edit' }, sb.opts)).ok).toBe(true);
    expect(sb.git(dir, 'log', '-1', '--format=%an <%ae>').trim()).toBe('Cleo <cleo@example.com>');
  });

  it('refuses to commit staged conflict markers', async () => {
    await writeFile(path.join(dir, 'a.md'), '---\n<<<<<<< HEAD\ntitle: X\n=======\ntitle: Y\n>>>>>>> other\n---\n');
    await stageFiles(dir, ['a.md'], sb.opts);
    const refused = await commit(dir, { message: 'markers' }, sb.opts);
    expect(kindOf(refused)).toBe('conflict-markers-present');
    expect(!refused.ok && refused.error.detail?.paths).toEqual(['a.md']);
    expect(commitCount()).toBe(1);
  });

  it('amends only a commit that is not pushed', async () => {
    await writeFile(path.join(dir, 'a.md'), 'A1\n');
    await stageFiles(dir, ['a.md'], sb.opts);
    await commit(dir, { message: 'one' }, sb.opts);
    await writeFile(path.join(dir, 'b.md'), 'B1\n');
    await stageFiles(dir, ['b.md'], sb.opts);
    const amended = await commit(dir, { message: 'one, amended', amend: true }, sb.opts);
    expect(amended.ok && amended.value.via).toBe('amend');
    expect(commitCount()).toBe(2);
    // Publish to a remote: the same commit may no longer be amended.
    const remote = path.join(sb.root, 'remote.git');
    sb.git(sb.root, 'init', '-q', '--bare', remote);
    sb.git(dir, 'remote', 'add', 'origin', remote);
    sb.git(dir, 'push', '-q', '-u', 'origin', 'HEAD');
    expect(kindOf(await commit(dir, { message: 'again', amend: true }, sb.opts))).toBe('already-pushed');
  });

  it('refuses to commit on a detached HEAD', async () => {
    sb.git(dir, 'checkout', '-q', '--detach');
    await writeFile(path.join(dir, 'a.md'), 'A1\n');
    await stageFiles(dir, ['a.md'], sb.opts);
    const status = await getStatus(dir, sb.opts);
    expect(status.ok && status.value.detached).toBe(true);
    const refused = await commit(dir, { message: 'x' }, sb.opts);
    expect(kindOf(refused)).toBe('detached-head');
    expect(!refused.ok && refused.error.message).toMatch(/not a branch/);
  });
});

describe('history, versions, diff, discard', () => {
  it('follows an item through a rename and shows any version', async () => {
    sb.git(dir, 'mv', 'old name.md', 'new name.md');
    sb.git(dir, 'commit', '-q', '-m', 'rename');
    await writeFile(path.join(dir, 'new name.md'), 'edited\n');
    sb.git(dir, 'commit', '-q', '-am', 'edit');
    const history = await getHistory(dir, 'new name.md', {}, sb.opts);
    expect(history.ok).toBe(true);
    if (!history.ok) return;
    expect(history.value.map((h) => [h.subject, h.path, h.authorName])).toEqual([
      ['edit', 'new name.md', 'Ann'],
      ['rename', 'new name.md', 'Ann'],
      ['first', 'old name.md', 'Ann'],
    ]);
    const oldest = history.value[2]!;
    const shown = await showFileAt(dir, oldest.oid, oldest.path!, sb.opts);
    expect(shown.ok && shown.value.text).toBe('renamed later\n');
    const absent = await showFileAt(dir, oldest.oid, 'new name.md', sb.opts);
    expect(absent.ok && absent.value.text).toBeNull();
  });

  it('gives the HEAD / working tree text pair and discards changes', async () => {
    await writeFile(path.join(dir, 'a.md'), 'A edited\n');
    await writeFile(path.join(dir, 'fresh.md'), 'new\n');
    expect(await diffFile(dir, 'a.md', sb.opts)).toEqual({ ok: true, value: { before: '---\ntitle: A\n---\nBody A\n', after: 'A edited\n' } });
    expect(await diffFile(dir, 'fresh.md', sb.opts)).toEqual({ ok: true, value: { before: null, after: 'new\n' } });
    await stageFiles(dir, ['a.md'], sb.opts);
    expect((await discardChanges(dir, ['a.md', 'fresh.md'], sb.opts)).ok).toBe(true);
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('---\ntitle: A\n---\nBody A\n');
    expect(existsSync(path.join(dir, 'fresh.md'))).toBe(false);
    const status = await getStatus(dir, sb.opts);
    expect(status.ok && status.value.files).toEqual([]);
  });
});

describe('initRepository', () => {
  it('starts tracking a plain folder with a first commit of everything', async () => {
    const plain = path.join(sb.root, 'plain');
    await mkdir(plain);
    await writeFile(path.join(plain, 'one.md'), 'one\n');
    const env = { ...sb.opts, env: { ...sb.opts.env, GIT_CEILING_DIRECTORIES: sb.root } };
    expect(kindOf(await initRepository(plain, {}, env))).toBe('identity-missing');
    expect(existsSync(path.join(plain, '.git'))).toBe(false);
    const created = await initRepository(plain, { identity: { name: 'Dee', email: 'dee@example.com' } }, env);
    expect(created.ok && created.value.branch).toBe('main');
    expect(sb.git(plain, 'ls-files').trim()).toBe('one.md');
    expect(kindOf(await initRepository(plain, {}, env))).toBe('already-a-repository');
  });
});
