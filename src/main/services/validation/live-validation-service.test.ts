import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MainEventName, MainEvents } from '../../../shared/contract';
import { readTextFile } from '../workspace/read-text-file';
import { writeTextFileAtomic } from '../workspace/write-text-file-atomic';
import { writeCorpus } from '../../../../bench/generate-corpus';
import { LiveValidationService, type ValidationWorkspace } from './live-validation-service';
import { ValidationService } from './validation-service';
import { evenSample } from './validation-engine';
import { inferSchema } from '../../../shared/domain/schema/infer-schema';
import { parseForIndex } from '../../../shared/domain/frontmatter/parse-for-index';

let root: string;
let outside: string;
let events: { name: MainEventName; payload: unknown }[];
let service: LiveValidationService | null;

const sink = { emit: <E extends MainEventName>(name: E, payload: MainEvents[E]) => void events.push({ name, payload }) };

/** The workspace's read and conflict-checked save, without the rest of the app. */
function workspaceAt(dir: string): ValidationWorkspace {
  return {
    info: { root: dir },
    read: async (rel) => {
      const read = await readTextFile(dir, rel);
      return read.ok ? { ok: true, value: { text: read.value.text, hash: read.value.hash } } : read;
    },
    save: async (rel, text, baseHash) => {
      const written = await writeTextFileAtomic({ root: dir, relPath: rel, text, expectedHash: baseHash });
      return written.ok ? { ok: true, value: { hash: written.value.hash } } : written;
    },
  };
}

async function start(mode: 'worker' | 'inline'): Promise<LiveValidationService> {
  service = new LiveValidationService(sink, workspaceAt(root), { mode });
  await service.boot();
  service.open(root);
  await service.whenIdle();
  return service;
}

function problemsOf(s: LiveValidationService): [string, string][] {
  const result = s.problems({});
  if (!result.ok) throw new Error(result.error.message);
  return result.value.problems.map((p) => [p.file, p.code]);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'folio-live-validation-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'folio-live-outside-'));
  events = [];
  service = null;
  for (let i = 0; i < 6; i += 1) await writeFile(path.join(root, `p${i}.md`), `---\ntitle: Post ${i}\nslug: p${i}\ndate: '2024-01-0${i + 1}'\n---\nBody ${i}\n`);
});

afterEach(async () => {
  await service?.shutdown();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('LiveValidationService', () => {
  it('validates in a worker thread and follows edits, additions and deletions incrementally', async () => {
    const s = await start('worker');
    expect(s.runtime).toEqual({ mode: 'worker', fallbackReason: null });
    expect(problemsOf(s)).toEqual([]);
    expect(events.at(-1)).toEqual({ name: 'validation:changed', payload: { counts: { error: 0, warning: 0, info: 0 }, running: false, files: null } });

    await writeFile(path.join(root, 'p1.md'), "---\ntitle: Post 1\nslug: p0\ndate: '2024-02-30'\n---\n");
    await writeFile(path.join(root, 'p6.md'), "---\ntitle: Post 6\nslug: p6\ndate: '2024-01-07'\n---\n");
    s.filesChanged(root, ['p1.md', 'p6.md']);
    await s.whenIdle();
    expect(problemsOf(s)).toEqual([
      ['p0.md', 'duplicate-slug'],
      ['p1.md', 'duplicate-slug'],
      ['p1.md', 'impossible-date'],
    ]);
    expect(s.countsFor('p1.md')).toEqual({ error: 2, warning: 0, info: 0 });
    expect(s.countsFor('p2.md')).toEqual({ error: 0, warning: 0, info: 0 });
    const changed = events.at(-1)?.payload as MainEvents['validation:changed'];
    expect(changed.counts.error).toBe(3);
    expect([...(changed.files ?? [])].sort()).toEqual(['p0.md', 'p1.md', 'p6.md']);

    // Filters: by file, severity, code; the totals stay the folder's.
    const onlyP1 = s.problems({ file: 'p1.md', code: 'impossible-date' });
    expect(onlyP1.ok && onlyP1.value.problems.map((p) => p.field)).toEqual(['date']);
    expect(onlyP1.ok && onlyP1.value.counts.error).toBe(3);
    expect(onlyP1.ok && onlyP1.value.files).toBe(7);
    // Totals only (a window connecting late), and a capped list.
    const totals = s.problems({ limit: 0 });
    expect(totals.ok && { problems: totals.value.problems, error: totals.value.counts.error, running: totals.value.running }).toEqual({ problems: [], error: 3, running: false });
    const first = s.problems({ limit: 1 });
    expect(first.ok && first.value.problems.length).toBe(1);

    await unlink(path.join(root, 'p0.md'));
    s.filesChanged(root, ['p0.md']);
    await s.whenIdle();
    expect(problemsOf(s)).toEqual([['p1.md', 'impossible-date']]);
    const after = s.problems({});
    expect(after.ok && after.value.files).toBe(6);
  });

  it('applies a quick fix as a span edit through the conflict-checked save, then revalidates', async () => {
    await writeFile(path.join(root, 'p1.md'), "---\ntitle: Post 1\nslug: p0\ndate: '2024-01-02'\n---\nBody 1\n");
    const s = await start('inline');
    const result = s.problems({ code: 'duplicate-slug' });
    const fix = result.ok ? result.value.problems.find((p) => p.fix !== undefined)?.fix : undefined;
    expect(fix).toMatchObject({ kind: 'unique-slug', file: 'p1.md', field: 'slug', value: 'p0-2' });
    const applied = await s.applyFix(fix as NonNullable<typeof fix>);
    expect(applied.ok).toBe(true);
    expect(await readFile(path.join(root, 'p1.md'), 'utf8')).toBe("---\ntitle: Post 1\nslug: p0-2\ndate: '2024-01-02'\n---\nBody 1\n");
    await s.whenIdle();
    expect(problemsOf(s)).toEqual([]);
  });

  it('infers a schema for review and saves it as .folio/schema.json, which then rules', async () => {
    const s = await start('inline');
    const inferred = await s.inferSchemaJson();
    expect(inferred.ok).toBe(true);
    const json = inferred.ok ? inferred.value.json : '';
    expect(JSON.parse(json)).toMatchObject({ 'x-folio-version': 1 });
    expect(inferred.ok && inferred.value.existing).toBe(false);
    const refused = await s.saveSchema('{"types": 3}');
    expect(refused.ok).toBe(false);
    const strict = JSON.stringify({ 'x-folio-version': 1, types: { post: { match: { glob: '*.md' }, schema: { type: 'object', required: ['author'] } } } });
    expect((await s.saveSchema(strict)).ok).toBe(true);
    expect(await readFile(path.join(root, '.folio', 'schema.json'), 'utf8')).toBe(`${strict}\n`);
    const again = await s.inferSchemaJson();
    expect(again.ok && again.value.existing).toBe(true);
    await s.whenIdle();
    const result = s.problems({ code: 'missing-required' });
    expect(result.ok && result.value.problems).toHaveLength(6);
    expect(result.ok && result.value.problems[0]?.severity).toBe('error');
    // The schema it validated against is the one the form gets.
    expect(s.schemaOf(root)).toMatchObject({ source: 'folder', schema: { types: { post: { schema: { required: ['author'] } } } } });
  });

  it('keeps the schema of its last full run for the form, inferred in the worker, per folder', async () => {
    const s = await start('worker');
    const held = s.schemaOf(root);
    expect(held?.source).toBe('inferred');
    expect(held?.schema.types['root']?.schema).toMatchObject({ 'x-folio-inferred': true, properties: { slug: { 'x-folio-unique': true } } });
    expect(s.schemaOf(outside)).toBeNull();
  });

  it('infers a schema from an even sample of the folder in the worker and in-thread alike, as inference over those files', async () => {
    for (let i = 6; i < 40; i += 1) await writeFile(path.join(root, `p${String(i).padStart(2, '0')}.md`), `---\ntitle: Post ${i}\nstatus: ${i % 3 === 0 ? 'live' : 'draft'}\n---\n`);
    const files = (await readdir(root)).sort();
    const expected = inferSchema(evenSample(files, 10).map((rel) => ({ path: rel, data: parseForIndex(readFileSync(path.join(root, rel), 'utf8')).data })));
    for (const mode of ['worker', 'inline'] as const) {
      service = new LiveValidationService(sink, workspaceAt(root), { mode });
      await service.boot();
      expect(await service.inferSample(root, 10)).toEqual(expected);
      await service.shutdown();
      service = null;
    }
    expect(evenSample(files, 10)).toHaveLength(10);
    expect(new Set(evenSample(files, 10)).size).toBe(10);
    expect(evenSample(files, 100)).toEqual(files);
  });

  it('reports a hostile folder file by file, in the worker, without changing a byte', async () => {
    await writeFile(path.join(outside, 'secret.md'), '---\ntitle: Secret\n---\n');
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'link.md'));
    await writeFile(path.join(root, 'binary.md'), Buffer.from([0, 1, 2, 3, 0, 255]));
    await writeFile(path.join(root, 'latin1.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]));
    // Billion laughs: aliases expanding far beyond the parser's node budget.
    const laughs = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i += 1) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    await writeFile(path.join(root, 'bomb.md'), `---\n${laughs.join('\n')}\n---\n`);
    await writeFile(path.join(root, 'code.md'), '---\nx: !!js/function "function () { process.exit(1) }"\n---\n');
    await mkdir(path.join(root, 'deep'));
    await writeFile(path.join(root, 'deep', 'nested.md'), `---\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`);
    const before = await readFile(path.join(outside, 'secret.md'), 'utf8');

    const s = await start('worker');
    const codes = new Map(problemsOf(s).map(([file, code]) => [file, code]));
    expect(codes.get('link.md')).toBe('symlink');
    expect(codes.get('binary.md')).toBe('binary');
    expect(codes.get('latin1.md')).toBe('non-utf8');
    expect(codes.has('bomb.md')).toBe(true);
    expect(codes.has('code.md')).toBe(true);
    expect(codes.has('deep/nested.md')).toBe(true);
    expect(problemsOf(s).some(([file]) => file.includes('secret'))).toBe(false);
    expect(await readFile(path.join(outside, 'secret.md'), 'utf8')).toBe(before);
    expect(s.runtime.mode).toBe('worker');
  });

  it('restarts a worker that runs out of memory with twice the heap limit, and finishes the run in it', async () => {
    const corpus = path.join(outside, 'corpus');
    await writeCorpus(corpus, 800, { defects: true });
    // 12 MB starts the worker but cannot validate 800 seed-shaped items.
    service = new LiveValidationService(sink, workspaceAt(corpus), { mode: 'worker', heapLimitMb: 12 });
    await service.boot();
    service.open(corpus);
    await service.whenIdle();
    expect(service.workerHeapLimitMb).toBeGreaterThan(12);
    expect(service.runtime).toEqual({ mode: 'worker', fallbackReason: null });
    expect(events.filter((e) => e.name === 'app:notice')).toEqual([]);
    const result = service.problems({});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.problems).toEqual((await new ValidationService(corpus).validateAll()).problems);
  }, 120_000);
});

