import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationService } from './validation-service';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'folio-validation-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ValidationService', () => {
  it('revalidates incrementally: cross-file rules follow edits, additions and deletions', async () => {
    for (let i = 0; i < 6; i += 1) await writeFile(path.join(root, `p${i}.md`), `---\ntitle: Post ${i}\nslug: p${i}\n---\nSee [next](p${i + 1}.md).\n`);
    const service = new ValidationService(root);
    const first = await service.validateAll();
    expect(first.files).toBe(6);
    expect(first.schemaSource).toBe('inferred');
    expect(first.problems.map((p) => [p.file, p.code])).toEqual([['p5.md', 'broken-link']]);

    await writeFile(path.join(root, 'p1.md'), '---\ntitle: Post 1\nslug: p0\n---\n');
    await writeFile(path.join(root, 'p6.md'), '---\ntitle: Post 6\nslug: p6\n---\n');
    let next = await service.revalidate(['p1.md', 'p6.md']);
    expect(next.files).toBe(7);
    expect(next.problems.map((p) => [p.file, p.code])).toEqual([
      ['p0.md', 'duplicate-slug'],
      ['p1.md', 'duplicate-slug'],
    ]);

    await unlink(path.join(root, 'p0.md'));
    next = await service.revalidate(['p0.md']);
    expect(next.files).toBe(6);
    expect(next.problems).toEqual([]);
  });

  it('a schema file change triggers a full revalidation with the new schema', async () => {
    await writeFile(path.join(root, 'a.md'), '---\ntitle: A\n---\n');
    const service = new ValidationService(root);
    expect((await service.validateAll()).problems).toEqual([]);
    await writeFile(path.join(root, 'a.md'), '---\ntitle: A\n---\n');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(root, '.folio'));
    await writeFile(path.join(root, '.folio/schema.json'), JSON.stringify({ 'x-folio-version': 1, types: { all: { match: { glob: '**' }, schema: { type: 'object', required: ['date'] } } } }));
    const next = await service.revalidate(['.folio/schema.json']);
    expect(next.schemaSource).toBe('folder');
    expect(next.problems).toEqual([expect.objectContaining({ file: 'a.md', code: 'missing-required', severity: 'error', field: 'date', line: 2 })]);
  });
});
