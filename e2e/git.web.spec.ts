import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/web-host';
import { openItem } from './fixtures/ui';

/*
 * Git journeys against the web host. The host inherits this process's environment, so an empty
 * global git config (no name, no email) is set for the whole file: the app must ask for them.
 */
let sandbox = '';
const saved: Record<string, string | undefined> = {};
const isolation = (): Record<string, string> => ({ GIT_CONFIG_GLOBAL: path.join(sandbox, 'global.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' });

test.beforeAll(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-git-'));
  await writeFile(path.join(sandbox, 'global.gitconfig'), '');
  for (const [key, value] of Object.entries(isolation())) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
});

test.afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = value;
  }
  await rm(sandbox, { recursive: true, force: true });
});

/** Plain git for test setup and checks (never through the app). */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=Other Curator', '-c', 'user.email=other@example.com', ...args], {
    cwd,
    env: { ...process.env, ...isolation() },
    encoding: 'utf8',
  });
}

const item = 'news/regional-hie-adopts-fhir-subscriptions.md';


/**
 * Changes the open item's title through the form and saves. When the form is not available (it
 * is another feature, still in progress), the same edit is made on disk as another editor would,
 * which the watcher reports: the git side of the journey is the same either way.
 */
async function editTitle(page: Page, folder: string, relPath: string, title: string): Promise<'form' | 'disk'> {
  const formTab = page.getByRole('tab', { name: 'Form' });
  if (await formTab.count()) await formTab.click();
  const field = page.getByRole('form', { name: 'Front matter' }).locator('[data-field-path="title"]');
  const hasForm = await field.waitFor({ state: 'visible', timeout: 5000 }).then(
    () => true,
    () => false,
  );
  if (hasForm) {
    await field.fill(title);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
    return 'form';
  }
  const file = path.join(folder, ...relPath.split('/'));
  await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${title}`));
  return 'disk';
}

function row(page: Page, relPath: string) {
  return page.locator(`.item-row[data-path="${relPath}"]`);
}

test('track the folder, edit a title, see the badge and field summary, diff, commit, and find it in the history', async ({ page, folio }) => {
  await page.goto(folio.url);
  await expect(page.locator('.list-status')).toHaveText(/\d+ items/);
  const header = page.getByLabel('Git status');

  // Not a repository: the app offers to start tracking, and asks who the curator is.
  await header.getByRole('button', { name: 'Not tracked' }).click();
  const panel = page.getByRole('complementary', { name: 'Git' });
  await panel.getByRole('button', { name: 'Initialise git' }).click();
  await page.getByRole('alertdialog', { name: 'Start tracking this folder?' }).getByRole('button', { name: 'Start tracking' }).click();
  const identity = page.getByRole('dialog', { name: 'Your name for commits' });
  await identity.getByLabel('Name').fill('Cora Curator');
  await identity.getByLabel('Email').fill('cora@example.com');
  await identity.getByRole('button', { name: 'Save and start tracking' }).click();
  await expect(header.locator('.git-branch')).toHaveText('main');
  expect(git(folio.folder, 'log', '--format=%an|%s').trim()).toBe('Cora Curator|Start tracking this folder');
  await expect(panel.getByText('No uncommitted changes.')).toBeVisible();

  // Edit the title in the form and save: the list badge and the field summary follow.
  await openItem(page, item);
  // The panel docks beside the open item instead of floating over it: the item's Save button
  // stays uncovered (and clickable) while the panel is open.
  const saveBox = await page.getByRole('button', { name: 'Save', exact: true }).boundingBox();
  const panelBox = await panel.boundingBox();
  expect(saveBox !== null && panelBox !== null && saveBox.x + saveBox.width <= panelBox.x).toBe(true);
  const via = await editTitle(page, folio.folder, item, 'Exchange moves admit alerts to FHIR subscriptions');
  await expect(row(page, item).locator('[data-git="modified"]')).toBeVisible();
  const change = panel.locator(`.git-change[data-path="${item}"]`);
  await expect(change.locator('.git-change-summary')).toContainText('title changed');
  await expect(header.getByRole('button', { name: 'Changes (1)' })).toBeVisible();

  // The diff opens in Monaco's diff editor, the old title on the left and the new on the right.
  await change.getByRole('button', { name: 'Diff' }).click();
  const viewer = page.getByRole('dialog', { name: `Changes in ${item}` });
  // Monaco is loaded on first use; on a busy machine that takes a while.
  await expect(viewer.locator('.monaco-diff-editor')).toBeVisible({ timeout: 30_000 });
  await expect(viewer.locator('.editor.original')).toContainText('Regional');
  await expect(viewer.locator('.editor.modified')).toContainText('Exchange moves admit alerts');
  await viewer.getByRole('button', { name: 'Close' }).click();

  // Stage it, write a message, commit: only that item is recorded.
  await change.getByRole('checkbox', { name: `Stage ${item}` }).check();
  await expect(row(page, item).locator('[data-git="staged"]')).toBeVisible();
  await panel.getByLabel('Commit message').fill('Shorter title for the HIE item');
  await panel.getByRole('button', { name: 'Commit 1 item' }).click();
  await expect(panel.getByText('No uncommitted changes.')).toBeVisible();
  await expect(row(page, item).locator('.git-badge')).toHaveCount(0);
  expect(git(folio.folder, 'log', '-1', '--format=%an|%s').trim()).toBe('Cora Curator|Shorter title for the HIE item');
  expect(git(folio.folder, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe(item);

  // History of the open item: both commits; an old version can be viewed and restored as an edit.
  await panel.getByRole('tab', { name: 'History' }).click();
  const history = panel.getByRole('list', { name: `History of ${item}` });
  await expect(history.locator('li')).toHaveCount(2);
  await expect(history.locator('li').first()).toContainText('Shorter title for the HIE item');
  await history.getByRole('button', { name: /Start tracking this folder/ }).click();
  const version = page.getByRole('dialog', { name: new RegExp(`${item} at`) });
  await expect(version.locator('.monaco-diff-editor')).toBeVisible({ timeout: 30_000 });
  await version.getByRole('button', { name: 'Restore this version' }).click();
  await expect(version).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
  if (via === 'form') await expect(page.getByRole('form', { name: 'Front matter' }).locator('[data-field-path="title"]')).toHaveValue(/^Regional/);
  // Restoring is an edit in the buffer, not a write: the file still holds the committed title.
  expect(await readFile(path.join(folio.folder, ...item.split('/')), 'utf8')).toContain('Exchange moves admit alerts');
});

test('two clones: pull a colleague’s change, push mine, and resolve a same-field conflict per field', async ({ page, folio }) => {
  // The folder becomes a clone of a bare remote that a colleague also cloned.
  const remote = path.join(sandbox, `remote-${Date.now()}.git`);
  const colleague = path.join(sandbox, `colleague-${Date.now()}`);
  git(folio.folder, 'init', '-q');
  git(folio.folder, 'config', 'user.name', 'Cora Curator');
  git(folio.folder, 'config', 'user.email', 'cora@example.com');
  git(folio.folder, 'add', '--', '.');
  git(folio.folder, 'commit', '-q', '-m', 'Shared start');
  git(sandbox, 'init', '-q', '--bare', remote);
  git(folio.folder, 'remote', 'add', 'origin', remote);
  git(folio.folder, 'push', '-q', '-u', 'origin', 'main');
  git(sandbox, 'clone', '-q', remote, colleague);
  const theirFile = path.join(colleague, ...item.split('/'));
  const myFile = path.join(folio.folder, ...item.split('/'));

  // The colleague changes another field and pushes.
  await writeFile(theirFile, (await readFile(theirFile, 'utf8')).replace(/^date: .*$/m, "date: '2023-04-01'"));
  git(colleague, 'commit', '-q', '-am', 'Colleague: date');
  git(colleague, 'push', '-q');

  await page.goto(folio.url);
  const header = page.getByLabel('Git status');
  await expect(header.locator('.git-branch')).toHaveText('main');
  await header.getByRole('button', { name: 'Pull' }).click();
  await expect.poll(async () => readFile(myFile, 'utf8')).toContain("date: '2023-04-01'");
  await expect(header.locator('.git-ahead-behind')).toHaveText('↑0 ↓0');

  // Mine: a new title, committed and pushed; the colleague gets it.
  await openItem(page, item);
  await editTitle(page, folio.folder, item, 'Title from Cora');
  await header.getByRole('button', { name: /^Changes/ }).click();
  const panel = page.getByRole('complementary', { name: 'Git' });
  await panel.getByRole('checkbox', { name: `Stage ${item}` }).check();
  await panel.getByLabel('Commit message').fill('Cora: title');
  await panel.getByRole('button', { name: 'Commit 1 item' }).click();
  await expect(header.locator('.git-ahead-behind')).toHaveText('↑1 ↓0');
  await header.getByRole('button', { name: 'Push' }).click();
  await expect(header.locator('.git-ahead-behind')).toHaveText('↑0 ↓0');
  git(colleague, 'pull', '-q', '--no-rebase');
  expect(await readFile(theirFile, 'utf8')).toMatch(/^title: Title from Cora$/m);

  // Both change the title: the pull stops on a conflict, resolved field by field, never with markers.
  await writeFile(theirFile, (await readFile(theirFile, 'utf8')).replace(/^title: .*$/m, 'title: Title from the colleague'));
  git(colleague, 'commit', '-q', '-am', 'Colleague: title');
  git(colleague, 'push', '-q');
  await editTitle(page, folio.folder, item, 'Second title from Cora');
  await panel.getByRole('checkbox', { name: `Stage ${item}` }).check();
  await panel.getByLabel('Commit message').fill('Cora: title again');
  await panel.getByRole('button', { name: 'Commit 1 item' }).click();
  await expect(header.locator('.git-ahead-behind')).toHaveText('↑1 ↓0');

  // A push first is rejected, with the offer to pull first (never a force push).
  await header.getByRole('button', { name: 'Push' }).click();
  const problem = panel.locator('.git-problem');
  await expect(problem).toHaveAttribute('data-git-kind', 'push-rejected-non-fast-forward');
  await problem.getByRole('button', { name: 'Get changes first (pull)' }).click();
  await expect(row(page, item).locator('[data-git="conflicted"]')).toBeVisible();
  const conflicts = panel.getByRole('region', { name: 'Conflicts' });
  await expect(conflicts).toContainText(item);
  await expect(panel.getByText(/Resolve the 1 conflicted item before committing/)).toBeVisible();

  await conflicts.getByRole('button', { name: 'Resolve' }).click();
  const resolver = page.getByRole('dialog', { name: `Resolve the conflict in ${item}` });
  const titleField = resolver.getByRole('group', { name: 'Field title' });
  await expect(titleField).toContainText('Second title from Cora');
  await expect(titleField).toContainText('Title from the colleague');
  await titleField.getByLabel(/^Theirs/).check();
  await resolver.getByRole('button', { name: 'Use this resolution' }).click();
  await expect(resolver).toBeHidden();
  await panel.getByRole('button', { name: 'Commit merge' }).click();
  await expect(conflicts).toBeHidden();
  await header.getByRole('button', { name: 'Push' }).click();
  await expect(header.locator('.git-ahead-behind')).toHaveText('↑0 ↓0');

  const committed = git(folio.folder, 'show', `HEAD:${item}`);
  expect(committed).toMatch(/^title: Title from the colleague$/m);
  expect(committed).not.toMatch(/^(<{7}|={7}|>{7})/m);
  git(colleague, 'pull', '-q', '--no-rebase');
  expect(await readFile(theirFile, 'utf8')).toBe(committed);
});
