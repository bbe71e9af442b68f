import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceChange } from '../../../shared/contract';
import { parseFrontMatterDocument } from '../../../shared/domain/frontmatter';
import { makeTempWorkspace, type TempWorkspace } from '../workspace/test-fixtures/temp-workspace';
import { ItemsService } from './items-service';

const ITEM = (slug: string, id: number, status = "''") =>
  [
    '---',
    `title: Item ${slug}`,
    `slug: ${slug}`,
    `id: ${id}`,
    "date: '2023-03-21'",
    `status: ${status}`,
    'tags:',
    '  - News',
    'openGraphMetaData:',
    `  ogtitle: Item ${slug}`,
    '---',
    `Body of ${slug}.`,
    '',
  ].join('\n');

const ARCHETYPE = [
  '---',
  'title: "{{ replace .Name "-" " " | title }}"',
  'slug: "{{ .Name }}"',
  'id: 0',
  'date: {{ .Date }}',
  "status: draft",
  'openGraphMetaData:',
  "  ogtitle: ''",
  '---',
  '{{ exec "rm -rf /" }}',
  '',
].join('\n');

let ws: TempWorkspace;
let published: WorkspaceChange[][];
let ownWrites: string[];
let service: ItemsService;
let trashed: string[];

const read = (rel: string) => readFile(path.join(ws.root, rel), 'utf8');
// The folder's items as the index holds them: ids and dates in use.
const indexed: { path: string; frontmatter: Record<string, unknown> }[] = [
  { path: 'news/a.md', frontmatter: { id: 9101, date: '2023-03-21' } },
  { path: 'news/b.md', frontmatter: { id: 9120, date: '2023-04-03' } },
];

function makeService(systemTrash?: (abs: string) => Promise<void>): ItemsService {
  return new ItemsService(
    {
      info: { root: ws.root, name: 'root' },
      expectOwnWrite: (relPath) => ownWrites.push(relPath),
      publishOwnChanges: (changes) => {
        published.push([...changes]);
        return Promise.resolve();
      },
    },
    { fieldValues: (paths) => Promise.resolve(indexed.map((item) => ({ path: item.path, values: paths.map((p) => item.frontmatter[p]) }))) },
    systemTrash,
    () => new Date(2024, 0, 5, 9, 7, 3),
  );
}

beforeEach(async () => {
  ws = await makeTempWorkspace();
  published = [];
  ownWrites = [];
  trashed = [];
  await mkdir(path.join(ws.root, 'news'));
  await mkdir(path.join(ws.root, 'archetypes'));
  await mkdir(path.join(ws.root, '.folio/templates'), { recursive: true });
  await writeFile(path.join(ws.root, 'news/a.md'), ITEM('a', 9101));
  await writeFile(path.join(ws.root, 'news/b.md'), ITEM('b', 9120));
  await writeFile(path.join(ws.root, 'news/c.md'), ITEM('c', 9110, 'review'));
  await writeFile(path.join(ws.root, 'archetypes/curated-content.md'), ARCHETYPE);
  await writeFile(path.join(ws.root, '.folio/templates/brief.md'), "---\ntitle: ''\nkind: brief\n---\n");
  service = makeService();
});

afterEach(async () => {
  await ws.cleanup();
});

describe('templates and create', () => {
  it('lists archetypes and .folio templates', async () => {
    const templates = await service.templates();
    expect(templates).toEqual({
      ok: true,
      value: [
        { kind: 'archetype', path: 'archetypes/curated-content.md', name: 'curated-content' },
        { kind: 'template', path: '.folio/templates/brief.md', name: 'brief' },
      ],
    });
  });

  it('creates from an archetype with slug, next id, folder date format and mirrors; template code stays literal', async () => {
    const created = await service.create({ folder: 'news', title: 'Héllo Wörld', template: { kind: 'archetype', path: 'archetypes/curated-content.md' } });
    expect(created).toMatchObject({ ok: true, value: { path: 'news/hello-world.md' } });
    const text = await read('news/hello-world.md');
    const doc = parseFrontMatterDocument(text);
    expect(doc.getValue('title')).toBe('Héllo Wörld');
    expect(doc.getValue('slug')).toBe('hello-world');
    expect(doc.getValue('id')).toBe(9121);
    expect(doc.getValue('date')).toBe('2024-01-05');
    expect(doc.getValue('openGraphMetaData.ogtitle')).toBe('Héllo Wörld');
    expect(text).toContain('{{ exec "rm -rf /" }}');
    expect(ownWrites).toEqual(['news/hello-world.md']);
    expect(published).toEqual([[{ path: 'news/hello-world.md', kind: 'add' }]]);
  });

  it('names collisions -2, -3 and keeps the slug in step', async () => {
    const request = { folder: 'news', title: 'Same', template: { kind: 'template', path: '.folio/templates/brief.md' } } as const;
    const paths: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await service.create(request);
      if (r.ok) paths.push(r.value.path);
    }
    expect(paths).toEqual(['news/same.md', 'news/same-2.md', 'news/same-3.md']);
    expect(parseFrontMatterDocument(await read('news/same.md')).getValue('kind')).toBe('brief');
  });

  it('duplicates an item with a new title, slug, id and date', async () => {
    const r = await service.create({ folder: 'news', title: 'Copy of A', template: { kind: 'duplicate', path: 'news/a.md' } });
    expect(r).toMatchObject({ ok: true, value: { path: 'news/copy-of-a.md' } });
    const doc = parseFrontMatterDocument(await read('news/copy-of-a.md'));
    expect(doc.getValue('slug')).toBe('copy-of-a');
    expect(doc.getValue('id')).toBe(9121);
    expect(doc.getValue('date')).toBe('2024-01-05');
    expect(doc.getValue('openGraphMetaData.ogtitle')).toBe('Copy of A');
    expect(doc.getValue('tags')).toEqual(['News']);
  });

  it('refuses traversal and templates outside their folders', async () => {
    const base = { title: 'X', template: { kind: 'archetype', path: 'archetypes/curated-content.md' } } as const;
    expect(await service.create({ ...base, folder: '../outside' })).toMatchObject({ ok: false, error: { code: 'path-refused' } });
    expect(await service.create({ ...base, folder: '.git' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await service.create({ folder: 'news', title: 'X', template: { kind: 'archetype', path: 'news/a.md' } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await service.create({ folder: 'news', title: 'X', template: { kind: 'duplicate', path: '../outside/x.md' } })).toMatchObject({ ok: false, error: { code: 'path-refused' } });
    expect(await readdir(ws.outside)).toEqual([]);
  });
});

describe('rename', () => {
  it('renames, updates a slug derived from the file name, and refuses to overwrite', async () => {
    const r = await service.rename('news/a.md', 'news/renamed.md');
    expect(r).toEqual({ ok: true, value: { path: 'news/renamed.md' } });
    const text = await read('news/renamed.md');
    expect(text).toBe(ITEM('a', 9101).replace('slug: a', 'slug: renamed'));
    await expect(read('news/a.md')).rejects.toThrow();
    expect(published.at(-1)).toEqual([
      { path: 'news/a.md', kind: 'unlink' },
      { path: 'news/renamed.md', kind: 'add' },
    ]);

    const refused = await service.rename('news/b.md', 'news/c.md');
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await read('news/b.md')).toBe(ITEM('b', 9120));
    expect(await read('news/c.md')).toBe(ITEM('c', 9110, 'review'));
  });

  it('moves into a new folder and refuses paths leading out', async () => {
    expect(await service.rename('news/b.md', 'archive/2023/b.md')).toMatchObject({ ok: true });
    expect(await read('archive/2023/b.md')).toBe(ITEM('b', 9120));
    expect(await service.rename('news/c.md', '../outside/c.md')).toMatchObject({ ok: false, error: { code: 'path-refused' } });
    await symlink(ws.outside, path.join(ws.root, 'escape'));
    expect(await service.rename('news/c.md', 'escape/c.md')).toMatchObject({ ok: false, error: { code: 'path-refused' } });
    expect(await readdir(ws.outside)).toEqual([]);
    expect(await service.rename('news/c.md', 'news/c.txt')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('delete and restore', () => {
  it('round-trips through .folio/trash byte for byte', async () => {
    const bytes = Buffer.from(ITEM('a', 9101).replace(/\n/g, '\r\n'), 'utf8');
    await writeFile(path.join(ws.root, 'news/a.md'), bytes);
    const deleted = await service.delete('news/a.md');
    expect(deleted.ok).toBe(true);
    if (!deleted.ok) return;
    await expect(read('news/a.md')).rejects.toThrow();
    expect(await readdir(path.join(ws.root, '.folio/trash', deleted.value.trashId, 'news'))).toEqual(['a.md']);
    const restored = await service.restore(deleted.value.trashId);
    expect(restored).toEqual({ ok: true, value: { path: 'news/a.md' } });
    expect(await readFile(path.join(ws.root, 'news/a.md'))).toEqual(bytes);
    expect(await readdir(path.join(ws.root, '.folio/trash'))).toEqual([]);
    expect(published).toEqual([[{ path: 'news/a.md', kind: 'unlink' }], [{ path: 'news/a.md', kind: 'add' }]]);
  });

  it('uses the system trash when there is one, keeping an in-memory copy for undo', async () => {
    const withTrash = makeService(async (abs) => {
      trashed.push(abs);
      await import('node:fs/promises').then((fs) => fs.unlink(abs));
    });
    const deleted = await withTrash.delete('news/b.md');
    expect(deleted.ok && trashed).toEqual([path.join(await import('node:fs/promises').then((fs) => fs.realpath(ws.root)), 'news/b.md')]);
    if (!deleted.ok) return;
    expect(await withTrash.restore(deleted.value.trashId)).toEqual({ ok: true, value: { path: 'news/b.md' } });
    expect(await read('news/b.md')).toBe(ITEM('b', 9120));
  });

  it('never restores over a file that took the name, and refuses bad ids and paths', async () => {
    const deleted = await service.delete('news/c.md');
    if (!deleted.ok) throw new Error('delete failed');
    await writeFile(path.join(ws.root, 'news/c.md'), 'new');
    expect(await service.restore(deleted.value.trashId)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await read('news/c.md')).toBe('new');
    expect(await service.restore('../../etc')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await service.delete('../outside/x.md')).toMatchObject({ ok: false, error: { code: 'path-refused' } });
  });
});

describe('bulk edit', () => {
  const paths = ['news/a.md', 'news/b.md', 'news/c.md'];
  const edit = { kind: 'set', path: 'status', value: 'review' } as const;

  it('previews every file as a diff and applies only the changed lines', async () => {
    const preview = await service.previewBulk(paths, edit);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.map((f) => f.status)).toEqual(['change', 'change', 'unchanged']);
    expect(preview.value[0]?.diff).toContain("-status: ''\n+status: 'review'\n");
    expect(await read('news/a.md')).toBe(ITEM('a', 9101));

    const baseHashes = Object.fromEntries(preview.value.map((f) => [f.path, f.hash ?? '']));
    const applied = await service.applyBulk({ paths, edit, baseHashes });
    expect(applied).toEqual({ ok: true, value: { changed: 2, unchanged: 1, failed: [] } });
    expect(await read('news/a.md')).toBe(ITEM('a', 9101).replace("status: ''", "status: 'review'"));
    expect(ownWrites).toEqual(['news/a.md', 'news/b.md']);
    expect(published).toEqual([
      [
        { path: 'news/a.md', kind: 'change' },
        { path: 'news/b.md', kind: 'change' },
      ],
    ]);
  });

  it('does not overwrite a file changed since the preview', async () => {
    const preview = await service.previewBulk(paths, edit);
    if (!preview.ok) throw new Error(preview.error.message);
    const changedMeanwhile = ITEM('b', 9120).replace('Body of b.', 'Edited elsewhere.');
    await writeFile(path.join(ws.root, 'news/b.md'), changedMeanwhile);
    const baseHashes = Object.fromEntries(preview.value.map((f) => [f.path, f.hash ?? '']));
    const applied = await service.applyBulk({ paths, edit, baseHashes });
    expect(applied.ok && applied.value).toMatchObject({ changed: 1, unchanged: 1, failed: [{ path: 'news/b.md' }] });
    expect(await read('news/b.md')).toBe(changedMeanwhile);
  });

  it('reports refused paths and type errors per file', async () => {
    const preview = await service.previewBulk(['../outside/x.md', 'news/a.md'], { kind: 'add-to-list', path: 'title', value: 'x' });
    expect(preview.ok && preview.value.map((f) => f.status)).toEqual(['error', 'error']);
    const applied = await service.applyBulk({ paths: ['../outside/x.md', 'news/a.md'], edit: { kind: 'delete-key', path: 'tags' } });
    expect(applied.ok && applied.value).toMatchObject({ changed: 1, failed: [{ path: '../outside/x.md' }] });
  });
});
