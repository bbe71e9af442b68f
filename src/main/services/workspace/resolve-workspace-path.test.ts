import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RELATIVE_PATH_LENGTH, resolveWorkspacePath, validateWorkspaceRelativePath } from './resolve-workspace-path';
import { makeTempWorkspace, type TempWorkspace } from './test-fixtures/temp-workspace';

describe('validateWorkspaceRelativePath', () => {
  const refused: ReadonlyArray<readonly [string, string]> = [
    ['parent traversal', '../x'],
    ['nested traversal', 'a/../../x'],
    ['traversal that stays inside', 'a/../b'],
    ['trailing ..', 'a/..'],
    ['bare ..', '..'],
    ['absolute POSIX', '/etc/passwd'],
    ['Windows drive with backslash', 'C:\\Windows\\win.ini'],
    ['Windows drive with slash', 'C:/Windows/win.ini'],
    ['drive-relative', 'c:foo.md'],
    ['UNC', '\\\\server\\share\\x.md'],
    ['backslash traversal', '..\\x'],
    ['backslash inside', 'news\\item.md'],
    ['NUL byte', 'item.md\0.png'],
    ['percent-encoded traversal', '%2e%2e%2fx'],
    ['percent-encoded traversal upper case', '%2E%2E%2Fetc'],
    ['percent-encoded backslash', 'a%5cb'],
    ['double-encoded dot', '%252e%252e/x'],
    ['percent-encoded NUL', 'a%00b'],
    ['empty', ''],
    ['dot segment', './x'],
    ['inner dot segment', 'a/./b'],
    ['bare dot', '.'],
    ['trailing slash', 'news/'],
    ['double slash', 'news//item.md'],
    ['dots only (Windows alias of ..)', '.../x'],
    ['dots and space', '.. /x'],
    ['overlong path', `${'a/'.repeat(MAX_RELATIVE_PATH_LENGTH / 2)}x.md`],
    ['overlong segment', `${'a'.repeat(256)}.md`],
  ];

  it.each(refused)('refuses %s', (_label, input) => {
    const result = validateWorkspaceRelativePath(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('path-refused');
      expect(result.error.message).toMatch(/^The path .* was refused: .+/);
    }
  });

  it('refuses a non-string', () => {
    const result = validateWorkspaceRelativePath(42);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('path-refused');
  });

  it.each(['item.md', 'news/2021/item.md', '.hidden.md', 'a..b.md', '..md', 'x/...md', 'per%cent.md', 'café/ünï.md', 'with space.md'])(
    'accepts %s',
    (input) => {
      expect(validateWorkspaceRelativePath(input)).toEqual({ ok: true, value: input.split('/') });
    },
  );
});

describe('resolveWorkspacePath', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await makeTempWorkspace();
    await mkdir(path.join(ws.root, 'news', '2021'), { recursive: true });
    await writeFile(path.join(ws.root, 'news', '2021', 'item.md'), 'hello');
    await writeFile(path.join(ws.outside, 'secret.md'), 'secret');
  });
  afterEach(async () => ws.cleanup());

  it('resolves an existing nested file inside the root', async () => {
    const result = await resolveWorkspacePath(ws.root, 'news/2021/item.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.realPath).toBe(path.join(result.value.rootReal, 'news', '2021', 'item.md'));
    expect(result.value.parentReal).toBe(path.join(result.value.rootReal, 'news', '2021'));
  });

  it('resolves a file that does not exist yet by its nearest existing folder', async () => {
    const result = await resolveWorkspacePath(ws.root, 'news/2021/new.md');
    expect(result.ok && result.value.realPath === null && result.value.parentReal !== null).toBe(true);
    const deeper = await resolveWorkspacePath(ws.root, 'news/2022/new.md');
    expect(deeper.ok && deeper.value.parentReal === null).toBe(true);
  });

  it('refuses the textual threats before touching the disk', async () => {
    for (const bad of ['../outside/secret.md', 'a/../../outside/secret.md', '/etc/passwd', 'C:\\x', '\\\\srv\\share', 'x\0', '%2e%2e%2foutside']) {
      const result = await resolveWorkspacePath(ws.root, bad);
      expect(result.ok ? 'ok' : result.error.code).toBe('path-refused');
    }
  });

  it('refuses a symlinked file that points outside', async () => {
    await symlink(path.join(ws.outside, 'secret.md'), path.join(ws.root, 'link.md'));
    const result = await resolveWorkspacePath(ws.root, 'link.md');
    expect(result.ok ? 'ok' : result.error.code).toBe('path-refused');
    if (!result.ok) expect(result.error.message).toMatch(/outside the workspace/);
  });

  it('refuses a symlinked folder that points outside, for existing and new files', async () => {
    await symlink(ws.outside, path.join(ws.root, 'out'), 'dir');
    for (const rel of ['out/secret.md', 'out/new.md', 'out/deeper/new.md']) {
      const result = await resolveWorkspacePath(ws.root, rel);
      expect(result.ok ? 'ok' : result.error.code, rel).toBe('path-refused');
    }
  });

  it('refuses a path through an outside link even when it comes back inside', async () => {
    await symlink(ws.outside, path.join(ws.root, 'out'), 'dir');
    await symlink(path.join(ws.root, 'news'), path.join(ws.outside, 'back'), 'dir');
    const result = await resolveWorkspacePath(ws.root, 'out/back/2021/item.md');
    expect(result.ok ? 'ok' : result.error.code).toBe('path-refused');
  });

  it('refuses a broken symlink, whose destination cannot be checked', async () => {
    await symlink(path.join(ws.outside, 'not-yet.md'), path.join(ws.root, 'dangling.md'));
    const result = await resolveWorkspacePath(ws.root, 'dangling.md');
    expect(result.ok ? 'ok' : result.error.code).toBe('path-refused');
  });

  it('accepts a symlink that stays inside the root', async () => {
    await symlink(path.join(ws.root, 'news'), path.join(ws.root, 'alias'), 'dir');
    const result = await resolveWorkspacePath(ws.root, 'alias/2021/item.md');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.realPath).toBe(path.join(result.value.rootReal, 'news', '2021', 'item.md'));
  });

  it('works when the root itself is reached through a symlink', async () => {
    const rootLink = path.join(ws.base, 'root-link');
    await symlink(ws.root, rootLink, 'dir');
    const result = await resolveWorkspacePath(rootLink, 'news/2021/item.md');
    expect(result.ok).toBe(true);
  });

  it('reports a file used as a folder as not found', async () => {
    const result = await resolveWorkspacePath(ws.root, 'news/2021/item.md/x.md');
    expect(result.ok ? 'ok' : result.error.code).toBe('not-found');
  });

  it('reports a missing workspace root', async () => {
    const result = await resolveWorkspacePath(path.join(ws.base, 'nope'), 'item.md');
    expect(result.ok ? 'ok' : result.error.code).toBe('no-workspace');
  });
});
