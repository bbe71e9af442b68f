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
