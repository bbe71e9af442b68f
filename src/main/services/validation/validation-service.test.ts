import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JSON_SCHEMA_DIALECT, type FolioSchema } from '../../../shared/domain/schema/folio-schema';
import { createSchemaChecker } from './create-schema-checker';
import { inferSchema } from '../../../shared/domain/schema/infer-schema';
import { validateDocuments } from '../../../shared/domain/validation/validate-documents';
import { ValidationEngine } from './validation-engine';
import { ValidationService } from './validation-service';
import { parseForIndex } from '../../../shared/domain/frontmatter/parse-for-index';

function parseForIndexData(text: string): Record<string, unknown> | null {
  return parseForIndex(text).data;
}

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

  it('keeps the folder-wide rules incrementally exactly as a full validation computes them', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(root, 'news'));
    for (let i = 0; i < 12; i += 1) {
      await writeFile(path.join(root, 'news', `n${i}.md`), `---\ntitle: Story ${i % 4}\nslug: s${i % 5}\npermalink: /news/n${i}\nrelated: /news/n${(i + 1) % 12}\n---\nSee [x](n${i + 1}.md) and ![i](img${i}.png).\n`);
    }
    // A fixed schema: an inferred one is only re-inferred by a full validation, by design.
    const schema: FolioSchema = { $schema: JSON_SCHEMA_DIALECT, 'x-folio-version': 1, types: { news: { match: { glob: 'news/**' }, schema: { type: 'object', properties: { related: { 'x-folio-relation': { key: 'permalink' } } } } } } };
    const service = new ValidationService(root, { schema });
    await service.validateAll();
    await writeFile(path.join(root, 'news', 'n3.md'), '---\ntitle: Story 0\nslug: s0\npermalink: /news/n3-moved\n---\n');
    await unlink(path.join(root, 'news', 'n7.md'));
    await writeFile(path.join(root, 'news', 'img2.png'), 'png');
    await writeFile(path.join(root, 'news', 'n12.md'), '---\ntitle: Story 1\nslug: s4\n---\nSee [y](n0.md).\n');
    const incremental = await service.revalidate(['news/n3.md', 'news/n7.md', 'news/img2.png', 'news/n12.md']);
    const full = await new ValidationService(root, { schema }).validateAll();
    expect(incremental.problems).toEqual(full.problems);
    expect(full.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['duplicate-slug', 'duplicate-title', 'broken-link', 'missing-image', 'dangling-relation']));
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

  it('validates a folder streamed file by file exactly as a batch over every document, relations to later files included', async () => {
    const { mkdir, readFile } = await import('node:fs/promises');
    await mkdir(path.join(root, 'news'));
    await mkdir(path.join(root, 'offers'));
    const docs: { file: string; text: string }[] = [];
    // News sort before the offers they name, so relation evidence arrives after the first pass
    // has seen the values: the streamed run must still find the relation and its dangling value.
    for (let i = 0; i < 8; i += 1) docs.push({ file: `offers/o${i}.md`, text: `---\ntitle: Offer ${i}\npermalink: /offers/o${i}\nslug: o${i}\n---\nBody.\n` });
    for (let i = 0; i < 10; i += 1) docs.push({ file: `news/n${i}.md`, text: `---\ntitle: News ${i % 3}\nslug: n${i}\noffer: /offers/o${i === 9 ? 'gone' : i % 8}\ndate: 2024-01-1${i}\n---\nSee [o](../offers/o${i}.md).\n` });
    docs.push({ file: 'news/broken.md', text: '---\ntitle: [unclosed\n---\n' });
    for (const d of docs) await writeFile(path.join(root, d.file), d.text);
    await writeFile(path.join(root, 'news', 'bin.md'), Buffer.from([0, 1, 2, 0]));

    const streamed = await new ValidationService(root).validateAll();
    const texts = await Promise.all(docs.map(async (d) => ({ file: d.file, text: await readFile(path.join(root, d.file), 'utf8') })));
    const schema = inferSchema(texts.map((d) => ({ path: d.file, data: parseForIndexData(d.text) })));
    expect(streamed.schema).toEqual(schema);
    const offer = (schema.types['news']?.schema.properties as Record<string, Record<string, unknown>>)['offer'];
    expect(offer?.['x-folio-relation']).toEqual({ key: 'permalink' });
    const checker = createSchemaChecker(schema);
    const existingPaths = new Set(['news', 'offers', 'news/bin.md', ...docs.map((d) => d.file)]);
    const batch = validateDocuments(texts, { schema, existingPaths, checkSchema: (input) => checker.check(input) });
    expect(streamed.problems.filter((p) => p.file !== 'news/bin.md')).toEqual(batch.problems);
    expect(streamed.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['dangling-relation', 'broken-link', 'binary', 'yaml-syntax']));
    expect(await new ValidationEngine().infer(root)).toEqual(schema);
  });
});

