import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate-corpus';
import type { FolioSchema } from '../shared/domain/schema/folio-schema';
import { makeTempFolder, runFolio, type TempFolder } from './test-support/cli-harness';

let temp: TempFolder;
beforeEach(async () => {
  temp = await makeTempFolder();
});
afterEach(async () => {
  await temp.cleanup();
});

describe('folio schema infer', () => {
  it('prints deterministic 2-space JSON and writes it with --out; validate then uses it', async () => {
    await writeCorpus(temp.dir, 40);
    const first = await runFolio(['schema', 'infer', temp.dir], temp.dir);
    const second = await runFolio(['schema', 'infer', temp.dir], temp.dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout.startsWith('{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "x-folio-version": 1,')).toBe(true);
    const schema = JSON.parse(first.stdout) as FolioSchema;
    expect(Object.keys(schema.types)).toEqual(['curated-content']);

    const out = await runFolio(['schema', 'infer', '.', '--out', '.folio/schema.json'], temp.dir);
    expect(out.code).toBe(0);
    expect(await readFile(path.join(temp.dir, '.folio/schema.json'), 'utf8')).toBe(first.stdout);
    const validate = await runFolio(['validate', '.'], temp.dir);
    expect(validate.stdout).toMatch(/40 files checked \(schema file\): 0 errors, 0 warnings/);
  });

  it('exits 2 on usage errors', async () => {
    expect((await runFolio(['schema'], temp.dir)).code).toBe(2);
    expect((await runFolio(['schema', 'guess', temp.dir], temp.dir)).code).toBe(2);
    expect((await runFolio(['schema', 'infer', path.join(temp.dir, 'none')], temp.dir)).code).toBe(2);
  });
});

describe('folio schema import', () => {
  it('converts a Decap CMS collection read as data, and refuses what is not a config', async () => {
    const { writeFile: write } = await import('node:fs/promises');
    await write(
      path.join(temp.dir, 'config.yml'),
      [
        'collections:',
        '  - name: news',
        '    folder: content/news',
        '    fields:',
        '      - { name: title, widget: string }',
        '      - { name: date, widget: datetime, format: YYYY-MM-DD }',
        '      - { name: tags, widget: list }',
        '      - { name: hook, widget: !!js/function "function () { return 1 }" }',
        '',
      ].join('\n'),
    );
    const imported = await runFolio(['schema', 'import', 'decap', 'config.yml', '--collection', 'news'], temp.dir);
    expect(imported.code).toBe(0);
    const schema = JSON.parse(imported.stdout) as FolioSchema;
    const news = schema.types['news'];
    expect(news?.match).toEqual({ glob: 'content/news/**' });
    expect(JSON.stringify(news?.schema)).toContain('"title"');

    await write(path.join(temp.dir, 'other.yml'), 'just: text\n');
    expect((await runFolio(['schema', 'import', 'decap', 'other.yml'], temp.dir)).code).toBe(1);
    expect((await runFolio(['schema', 'import', 'decap', 'missing.yml'], temp.dir)).code).toBe(2);
    expect((await runFolio(['schema', 'import', 'hugo', 'config.yml'], temp.dir)).code).toBe(2);
  });

  it('converts Front Matter CMS content types from frontmatter.json and writes them with --out', async () => {
    const { writeFile: write } = await import('node:fs/promises');
    const config = { 'frontMatter.taxonomy.contentTypes': [{ name: 'default', pageBundle: false, fields: [{ title: 'Title', name: 'title', type: 'string' }, { title: 'Draft', name: 'draft', type: 'draft' }] }] };
    await write(path.join(temp.dir, 'frontmatter.json'), JSON.stringify(config));
    const result = await runFolio(['schema', 'import', 'frontmatter-cms', 'frontmatter.json', '--out', '.folio/schema.json'], temp.dir);
    expect(result.code).toBe(0);
    const written = JSON.parse(await readFile(path.join(temp.dir, '.folio/schema.json'), 'utf8')) as FolioSchema;
    expect(Object.keys(written.types)).toContain('default');
  });
});
