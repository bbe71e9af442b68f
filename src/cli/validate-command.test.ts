import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate-corpus';
import { fingerprintTree, makeTempFolder, runFolio, type TempFolder } from './test-support/cli-harness';
import type { ValidateJsonReport } from './validate-command';

const sample = path.resolve(import.meta.dirname, '../../resources/sample-content');

let temp: TempFolder;
beforeEach(async () => {
  temp = await makeTempFolder();
});
afterEach(async () => {
  await temp.cleanup();
});

async function validateJson(dir: string, ...extra: string[]): Promise<{ code: number; report: ValidateJsonReport }> {
  const run = await runFolio(['validate', dir, '--format', 'json', ...extra], temp.dir);
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as ValidateJsonReport };
}

describe('folio validate', () => {
  it('finds every planted defect of the sample folder, with the documented JSON shape', async () => {
    const { code, report } = await validateJson(sample);
    expect(code).toBe(1);
    expect(report.files).toBe(30);
    for (const p of report.problems) {
      expect(Object.keys(p).sort()).toEqual(expect.arrayContaining(['code', 'column', 'file', 'line', 'message', 'severity']));
      expect(['error', 'warning', 'info']).toContain(p.severity);
      expect(p.line).toBeGreaterThan(0);
    }
    const has = (file: string, code: string, field?: string): boolean => report.problems.some((p) => p.file === file && p.code === code && (field === undefined || p.field === field));
    expect(has('news/price-transparency-enforcement.md', 'impossible-date', 'date')).toBe(true);
    expect(has('news/cloud-ehr-migration-costs.md', 'duplicate-slug', 'slug')).toBe(true);
    expect(has('briefs/cloud-ehr-migration-brief.md', 'duplicate-slug', 'slug')).toBe(true);
    expect(has('news/sepsis-model-external-validation.md', 'mirror-drift', 'openGraphMetaData.ogdescription')).toBe(true);
    expect(has('news/lab-results-release-timing.md', 'yaml-syntax')).toBe(true);
    expect(has('news/proxy-access-for-teen-patients.md', 'missing-required', 'title')).toBe(true);
    expect(has('news/identity-matching-pilot.md', 'dangling-relation', 'relatedOfferings.1.permalink')).toBe(true);
    const flagged = new Set(report.problems.filter((p) => p.severity !== 'info').map((p) => p.file));
    expect(flagged.size).toBe(7);
  });

  it('finds every planted defect in 500 generated items and flags under 2% of clean files', async () => {
    const { planted } = await writeCorpus(temp.dir, 500, { defects: true });
    const { code, report } = await validateJson(temp.dir);
    expect(code).toBe(1);
    expect(report.files).toBe(500);
    const kindCodes: Record<string, string> = {
      'impossible-date': 'impossible-date',
      'duplicate-slug': 'duplicate-slug',
      'drifted-mirror': 'mirror-drift',
      'yaml-syntax': 'yaml-syntax',
      'missing-title': 'missing-required',
    };
    for (const defect of planted) {
      const found = report.problems.some((p) => p.file === defect.relPath && p.code === kindCodes[defect.kind]);
      expect(found, `${defect.kind} in ${defect.relPath}`).toBe(true);
    }
    const defective = new Set(planted.map((d) => d.relPath));
    const flaggedClean = new Set(report.problems.filter((p) => p.severity !== 'info' && !defective.has(p.file)).map((p) => p.file));
    expect(flaggedClean.size / (500 - defective.size)).toBeLessThan(0.02);
  });

  it('exits 0 on a clean folder and prints a text summary', async () => {
    await writeCorpus(temp.dir, 20);
    const run = await runFolio(['validate', temp.dir], temp.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/20 files checked \(inferred schema\): 0 errors/);
  });

  it('exits 2 on usage and I/O failures', async () => {
    expect((await runFolio(['validate'], temp.dir)).code).toBe(2);
    expect((await runFolio(['validate', temp.dir, '--format', 'xml'], temp.dir)).code).toBe(2);
    expect((await runFolio(['validate', path.join(temp.dir, 'missing')], temp.dir)).code).toBe(2);
    expect((await runFolio(['validate', temp.dir, '--schema', 'nope.json'], temp.dir)).code).toBe(2);
    await writeFile(path.join(temp.dir, 'bad.json'), '{ not json');
    expect((await runFolio(['validate', temp.dir, '--schema', 'bad.json'], temp.dir)).code).toBe(2);
  });

  it('uses .folio/schema.json: written rules are errors; a broken schema file is a problem, not a crash', async () => {
    await writeFile(path.join(temp.dir, 'a.md'), '---\ntitle: A\n---\n');
    await writeFile(path.join(temp.dir, 'b.md'), '---\ntitle: 5\n---\n');
    await mkdir(path.join(temp.dir, '.folio'));
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', 'x-folio-version': 1, types: { page: { match: { glob: '**' }, schema: { type: 'object', required: ['title', 'date'], properties: { title: { type: 'string' }, date: { type: 'string', format: 'date', 'x-folio-severity': 'warning' } } } } } };
    await writeFile(path.join(temp.dir, '.folio/schema.json'), JSON.stringify(schema));
    const { code, report } = await validateJson(temp.dir);
    expect(code).toBe(1);
    expect(report.problems).toContainEqual(expect.objectContaining({ file: 'b.md', code: 'wrong-type', severity: 'error', field: 'title', line: 2 }));
    expect(report.problems).toContainEqual(expect.objectContaining({ file: 'a.md', code: 'missing-required', severity: 'warning', field: 'date' }));

    await writeFile(path.join(temp.dir, '.folio/schema.json'), '{"x-folio-version": 1, "types": {');
    const broken = await validateJson(temp.dir);
    expect(broken.code).toBe(1);
    expect(broken.report.problems).toContainEqual(expect.objectContaining({ file: '.folio/schema.json', code: 'schema-invalid', severity: 'error' }));

    await writeFile(path.join(temp.dir, '.folio/schema.json'), JSON.stringify({ ...schema, types: { page: { match: { glob: '**' }, schema: { type: 'strnig' } } } }));
    const uncompilable = await validateJson(temp.dir);
    expect(uncompilable.report.problems).toContainEqual(expect.objectContaining({ file: '.folio/schema.json', code: 'schema-invalid' }));
  });

  it('reports a hostile folder file by file without running code, hanging or changing a byte', async () => {
    const dir = path.join(temp.dir, 'hostile');
    const outside = path.join(temp.dir, 'outside');
    await mkdir(dir);
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.md'), '---\ntitle: secret\n---\n');
    const marker = path.join(temp.dir, 'pwned');
    await writeFile(path.join(dir, 'js.md'), `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\nbody\n`);
    const anchors = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i += 1) anchors.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    await writeFile(path.join(dir, 'bomb.md'), `---\n${anchors.join('\n')}\n---\n`);
    await writeFile(path.join(dir, 'deep.md'), `---\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`);
    await writeFile(path.join(dir, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]));
    await symlink(path.join(outside, 'secret.md'), path.join(dir, 'link.md'));
    await writeFile(path.join(dir, 'ok.md'), '---\ntitle: fine\n---\n[x](missing.md)\n');
    const before = await fingerprintTree(temp.dir);
    const started = Date.now();
    const { code, report } = await validateJson(dir);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await fingerprintTree(temp.dir)).toEqual(before);
    expect(code).toBe(1);
    const codeOf = (file: string): string[] => report.problems.filter((p) => p.file === file).map((p) => p.code);
    expect(codeOf('js.md')).toContain('unsupported-language');
    expect(codeOf('bomb.md')).toContain('alias-limit');
    expect(codeOf('deep.md')).toContain('too-deep');
    expect(codeOf('binary.md')).toContain('binary');
    expect(codeOf('link.md')).toEqual(['symlink']);
    expect(codeOf('ok.md')).toEqual(['broken-link']);
    expect(report.problems.some((p) => p.message.includes('secret'))).toBe(false);
  });
});
