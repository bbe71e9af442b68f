import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { walkContentFiles } from '../src/main/services/index/walk-content-files';
import { parseForIndex } from '../src/shared/domain/frontmatter/parse-for-index';
import { existsSync } from 'node:fs';
import { writeCorpus } from './generate-corpus';
import { benchIndex, type IndexBenchResult } from './index-bench';
import { benchGitStatus, type GitStatusBench } from './git-bench';
import { benchListQueries, type ListBenchResult } from './list-bench';
import { benchValidation, measureValidationMemory, type ValidationBenchResult, type ValidationMemory } from './validation-bench';
import { measureInterleaved, type Measurement } from './measure';
import { benchUi, type UiBenchResult } from './ui-bench';
import { measureIndexMemory, workersBuilt, type IndexMemory } from './index-memory';
import { benchEditing, editingTable, type EditingBenchResult } from './editing-bench';
import { benchLiveUpdates, type LiveUpdateBenchResult } from './live-update-bench';
import { measureRendererBundle, type BundlePart } from './renderer-bundle-size';

/*
 * `npm run bench [-- --sizes 1000,10000,50000 --runs 5]`: generates seed-shaped corpora in a temp
 * folder and compares Folio's pipelines with baselines measured in the same run. Targets are
 * ratios (docs/performance.md): absolute times on a shared 2-core machine drift.
 */

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '5' }, 'no-ui': { type: 'boolean', default: false }, only: { type: 'string' } },
});
/** `--only index,memory,list,ui`: run just those parts (floor, index, memory, list, validation, git, ui, editing, live); at 50,000 items the whole bench takes many minutes. */
const only = values.only === undefined ? null : new Set(values.only.split(','));
const want = (part: string): boolean => only === null || only.has(part);
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

/** The practical floor: walk + read + cut at the fences + js-yaml, nothing else. */
async function floor(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
    const end = text.indexOf('\n---', 3);
    if (text.startsWith('---') && end > 0) {
      try {
        yaml.load(text.slice(4, end), { schema: yaml.JSON_SCHEMA });
      } catch {
        // A planted syntax error costs the same in every pipeline.
      }
    }
    n++;
  }
  return n;
}

/**
 * gray-matter as most tools call it (default options). Its content cache is cleared first:
 * otherwise every run after the first would only measure cache lookups of the same files.
 */
async function grayMatterLoop(dir: string): Promise<number> {
  (matter as unknown as { clearCache: () => void }).clearCache();
  let n = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
    try {
      matter(text);
    } catch {
      // as above
    }
    n++;
  }
  return n;
}

/** Folio's index read: its walker (no symlinks, no dot-folders), its guarded parser (fence split + js-yaml with limits). */
async function folioIndexRead(dir: string): Promise<number> {
  let n = 0;
  for await (const file of walkContentFiles(dir)) {
    const text = await readFile(file.absPath, 'utf8');
    parseForIndex(text);
    n++;
  }
  return n;
}

interface SizeReport {
  readonly items: number;
  readonly measurements: Measurement[] | null;
  readonly ratios: Record<string, number> | null;
  readonly index: IndexBenchResult | null;
  readonly memory: IndexMemory | null;
  /** The same with the index and watch workers from the build, as packaged (null when not built). */
  readonly memoryBuilt: IndexMemory | null;
  readonly list: ListBenchResult | null;
  readonly validation: ValidationBenchResult | null;
  readonly validationMemory: ValidationMemory | null;
  readonly ui: UiBenchResult | null;
  readonly editing: EditingBenchResult | null;
  readonly live: LiveUpdateBenchResult | null;
  readonly git: GitStatusBench | null;
}

const rendererBuilt = existsSync(path.join('out', 'renderer', 'index.html'));

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-'));
  const reports: SizeReport[] = [];
  try {
    for (const size of sizes) {
      const dir = path.join(root, String(size));
      await mkdir(dir);
      await writeCorpus(dir, size, { defects: true });
      await floor(dir); // warm the file cache so every pipeline reads from memory
      let measurements: Measurement[] | null = null;
      let ratios: Record<string, number> | null = null;
      console.log(`\n${size} items`);
      if (want('floor')) {
        measurements = await measureInterleaved(
          [
            { name: 'floor: walk+read+split+js-yaml', run: () => floor(dir) },
            { name: 'folio index read', run: () => folioIndexRead(dir) },
            { name: 'gray-matter default loop', run: () => grayMatterLoop(dir) },
          ],
          runs,
        );
        // gray-matter keeps its last run's cache alive; drop it so the memory figures below are Folio's.
        (matter as unknown as { clearCache: () => void }).clearCache();
        const [base, folio, gray] = measurements;
        ratios = { 'folio / floor': folio!.median / base!.median, 'gray-matter / floor': gray!.median / base!.median };
        console.table(measurements.map((m) => ({ pipeline: m.name, 'median ms': m.median.toFixed(0), 'min ms': m.min.toFixed(0), 'max ms': m.max.toFixed(0) })));
        console.table(Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, v.toFixed(2)])));
      }
      let index: IndexBenchResult | null = null;
      if (want('index')) {
        ({ result: index } = await benchIndex(dir, Math.min(runs, 3)));
        console.table({
          'full index, index worker + helper worker (ms)': index.fullIndexMs.toFixed(0),
          'full index / floor': index.ratioToFloor.toFixed(2),
          '  files parsed by the helper': `${(100 * index.helpedShare).toFixed(0)}%`,
          'full index, index worker alone (ms)': index.oneThreadMs.toFixed(0),
          'full index alone / floor': index.oneThreadRatioToFloor.toFixed(2),
          'first chunk (ms)': index.firstChunkMs.toFixed(0),
          'reopen from cache, full list (ms)': index.reopenMs.toFixed(0),
          'reopen from cache, all searchable (ms)': index.reopenIndexedMs.toFixed(0),
          'main RSS after index (MB)': index.rssMbAfterIndex.toFixed(0),
          'main heap after index (MB)': index.heapUsedMbAfterIndex.toFixed(0),
        });
      }
      const memory = want('memory') ? await measureIndexMemory(dir) : null;
      // The packaged app's workers are the build's bundles, without tsx (~27 MB of RSS each).
      const memoryBuilt = want('memory') && workersBuilt() ? await measureIndexMemory(dir, true) : null;
      if (memory) {
        console.table({
          'fresh process RSS, folder indexed, listed and watched; workers from source under tsx (MB)': memory.rssMb.toFixed(0),
          'the same, workers from the build as packaged (MB)': memoryBuilt?.rssMb.toFixed(0) ?? 'not built',
          'fresh process main heap (MB)': memory.heapUsedMb.toFixed(0),
          'index worker heap (MB)': memory.workerHeapMb.toFixed(0),
        });
      }
      const list = want('list') ? await benchListQueries(dir) : null;
      if (list) console.table({ 'list query p50 (ms)': list.p50.toFixed(1), 'list query p95 (ms)': list.p95.toFixed(1), 'facet counts p95 (ms)': list.facetsP95.toFixed(1), 'quick open p95 (ms)': list.quickOpenP95.toFixed(1) });
      const validation = want('validation') ? await benchValidation(dir) : null;
      if (validation) console.table({ 'validate all (ms)': validation.fullMs.toFixed(0), 'validate all CPU (ms)': validation.fullCpuMs.toFixed(0), 'revalidate one file (ms)': validation.incrementalMs.toFixed(1), problems: validation.problems });
      const validationMemory = want('validation') ? await measureValidationMemory(dir) : null;
      if (validationMemory) console.table({ 'validation worker heap after a full run (MB)': validationMemory.workerHeapMb.toFixed(0), 'validation worker heap total (MB)': validationMemory.workerHeapTotalMb.toFixed(0), 'fresh process RSS, folder validated (MB)': validationMemory.rssMb.toFixed(0), 'worker heap limit (MB)': validationMemory.heapLimitMb });
      let git: GitStatusBench | null = null;
      if (want('git')) {
        // The git bench commits and edits files: it gets a throwaway copy, never the shared corpus.
        const gitDir = `${dir}-git`;
        await cp(dir, gitDir, { recursive: true });
        git = await benchGitStatus(gitDir, runs);
        await rm(gitDir, { recursive: true, force: true });
        console.table(git.measurements.map((m) => ({ pipeline: m.name, 'median ms': m.median.toFixed(0), 'min ms': m.min.toFixed(0), 'max ms': m.max.toFixed(0) })));
        console.table({ 'changed files': git.changedFiles, 'folio status / git status --porcelain': git.ratio.toFixed(2) });
      }
      let ui: UiBenchResult | null = null;
      if (values['no-ui'] || !want('ui')) console.log('UI timings skipped.');
      else if (!rendererBuilt) console.log('UI timings skipped: run `npm run build` first.');
      else {
        ui = await benchUi(dir);
        console.table({
          'host start to first rows visible (ms)': ui.firstRowsMs.toFixed(0),
          '  of which host boot (ms)': ui.hostBootMs.toFixed(0),
          '  page navigation to document loaded (ms)': ui.pageLoadMs.toFixed(0),
          '  page navigation to first rows (ms)': ui.pageToFirstRowsMs.toFixed(0),
          'full list shown (ms)': ui.fullListMs.toFixed(0),
          'keystroke to list p50 (ms)': ui.keystrokeP50.toFixed(1),
          'keystroke to list p95 (ms)': ui.keystrokeP95.toFixed(1),
          'validation finished by then (deferred until the list is complete and the app quiet)': ui.validationDoneAfterKeys ? 'yes' : 'no',
          'keystroke to list p50 / p95 while validation runs (ms)': ui.duringValidationP50 === null || ui.duringValidationP95 === null ? 'not measured (it had finished)' : `${ui.duringValidationP50.toFixed(1)} / ${ui.duringValidationP95.toFixed(1)}`,
          'renderer heap (MB)': ui.rendererHeapMb.toFixed(0),
        });
      }
      // Typing and opening an item (runs last: it adds one 20-card item to the folder, then removes it).
      const editing = values['no-ui'] || !want('editing') || !rendererBuilt ? null : await benchEditing(dir);
      if (editing) console.table(editingTable(editing));
      // The list following a save and an external change (last: it edits the titles of ~20 items).
      const live = values['no-ui'] || !want('live') || !rendererBuilt ? null : await benchLiveUpdates(dir);
      if (live) {
        console.table({
          'external change to row painted p50 (ms)': live.externalP50.toFixed(0),
          'external change to row painted p95 (ms)': live.externalP95.toFixed(0),
          'Ctrl+S to row painted p50 (ms)': live.saveP50.toFixed(0),
          'Ctrl+S to row painted p95 (ms)': live.saveP95.toFixed(0),
        });
      }
      reports.push({ items: size, measurements, ratios, index, memory, memoryBuilt, list, validation, validationMemory, ui, editing, live, git });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const bundle = rendererBuilt ? await measureRendererBundle(path.join('out', 'renderer')) : null;
  if (bundle) {
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log('\nrenderer bundle (out/renderer)');
    console.table(Object.fromEntries(Object.entries(bundle).map(([part, size]: [string, BundlePart]) => [part, { files: size.files, raw: kb(size.bytes), gzip: kb(size.gzipBytes) }])));
  }
  const out = path.join('bench', 'results');
  await mkdir(out, { recursive: true });
  const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  await writeFile(path.join(out, 'latest.json'), JSON.stringify({ date: new Date().toISOString(), machine, runs, bundle, reports }, null, 2));
  console.log(`\nwrote ${path.join(out, 'latest.json')}`);
}

await main();
