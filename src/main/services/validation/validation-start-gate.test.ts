import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MainEventName, MainEvents } from '../../../shared/contract';
import { IndexService, type IndexEvent } from '../index/index-service';
import { readTextFile } from '../workspace/read-text-file';
import { LiveValidationService } from './live-validation-service';
import { ValidationStartGate, type IndexEventSource } from './validation-start-gate';

/** An index that only says what the test tells it to (the gate reads nothing else). */
class ScriptedIndex implements IndexEventSource {
  private readonly listeners = new Set<(event: IndexEvent) => void>();
  onEvent(listener: (event: IndexEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: IndexEvent): void {
    for (const listener of this.listeners) listener(event);
  }
  get listening(): number {
    return this.listeners.size;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const ready = (root: string): IndexEvent => ({
  kind: 'ready',
  root,
  stats: { total: 1, parsed: 1, cached: 0, cacheUsed: false, durationMs: 1, cancelled: false },
});
const chunk = (root: string): IndexEvent => ({ kind: 'chunk', root, paths: ['a.md'], progress: { done: 1, total: 2 } });

/** Whether `promise` has settled, without waiting for it. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await sleep(0);
  return done;
}

describe('ValidationStartGate', () => {
  it('opens after its folder is ready and the process is quiet, not on another folder or an earlier scan', async () => {
    const index = new ScriptedIndex();
    let cpu = 0;
    const gate = new ValidationStartGate(index, {
      quietWindowMs: 20,
      quietCpuShare: 0.3,
      maxQuietWaitMs: 10_000,
      indexSilenceMs: 10_000,
      cpuMicros: () => cpu,
    });
    index.emit(ready('/a'));
    const wait = gate.afterScanOf('/a');
    index.emit(chunk('/a'));
    index.emit(ready('/b'));
    await sleep(60);
    expect(await settled(wait)).toBe(false);
    // Busy: a full core used in every window keeps it shut.
    const busy = setInterval(() => (cpu += 15_000), 10);
    index.emit(ready('/a'));
    await sleep(80);
    expect(await settled(wait)).toBe(false);
    clearInterval(busy);
    await wait;
    expect(index.listening).toBe(0);
  });

  it('opens anyway when the process never goes quiet, or when the scan goes silent without a ready', async () => {
    const index = new ScriptedIndex();
    let cpu = 0;
    const busy = setInterval(() => (cpu += 20_000), 5);
    try {
      const gate = new ValidationStartGate(index, { quietWindowMs: 10, maxQuietWaitMs: 60, indexSilenceMs: 10_000, cpuMicros: () => cpu });
      const started = performance.now();
      const wait = gate.afterScanOf('/a');
      index.emit(ready('/a'));
      await wait;
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    } finally {
      clearInterval(busy);
    }
    const silent = new ValidationStartGate(index, { quietWindowMs: 10, indexSilenceMs: 80, cpuMicros: () => 0 });
    const wait = silent.afterScanOf('/c');
    // Chunks keep a slow scan's gate shut past the silence limit.
    for (let i = 0; i < 4; i++) {
      await sleep(40);
      index.emit(chunk('/c'));
    }
    expect(await settled(wait)).toBe(false);
    await wait;
  });

  it('releases every wait on dispose', async () => {
    const index = new ScriptedIndex();
    const gate = new ValidationStartGate(index);
    const waits = [gate.afterScanOf('/a'), gate.afterScanOf('/b')];
    gate.dispose();
    await Promise.all(waits);
    expect(index.listening).toBe(0);
  });
});

describe('LiveValidationService behind the start gate, on a real folder and index', () => {
  let base: string;
  let root: string;
  let log: string[];
  let index: IndexService;
  let validation: LiveValidationService;

  const sink = {
    emit: <E extends MainEventName>(name: E, payload: MainEvents[E]) => {
      if (name === 'validation:changed') log.push((payload as MainEvents['validation:changed']).running ? 'validation pending' : 'validation done');
    },
  };

  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'folio-validation-gate-'));
    root = path.join(base, 'content');
    await mkdir(root);
    for (let i = 0; i < 30; i++) await writeFile(path.join(root, `p${i}.md`), `---\ntitle: Post ${i}\nslug: p${i}\n---\nBody ${i}\n`);
    log = [];
    index = new IndexService({ dataDir: path.join(base, 'data'), mode: 'inline' });
    await index.boot();
    index.onEvent((event) => {
      if (event.kind === 'ready') log.push('index ready');
    });
    validation = new LiveValidationService(
      sink,
      {
        info: { root },
        read: async (rel) => {
          const read = await readTextFile(root, rel);
          return read.ok ? { ok: true, value: { text: read.value.text, hash: read.value.hash } } : read;
        },
        save: () => Promise.reject(new Error('not used')),
      },
      { mode: 'worker' },
    );
    await validation.boot();
  });

  afterEach(async () => {
    await validation.shutdown();
    await index.shutdown();
    await rm(base, { recursive: true, force: true });
  });

  it('runs the full validation only after the scan, and covers files changed while it waited', async () => {
    const gate = new ValidationStartGate(index, { quietWindowMs: 20, quietCpuShare: 0.9, maxQuietWaitMs: 2_000 });
    validation.open(root, gate.afterScanOf(root));
    await sleep(100);
    // Pending, and said so: no "0 problems" while nothing was checked yet.
    const pending = validation.problems({});
    expect(pending.ok && pending.value).toMatchObject({ running: true, files: 0, problems: [] });
    expect(validation.countsFor('p1.md')).toBeUndefined();
    expect(log).toEqual(['validation pending']);

    // Changed before the run started: the full run reads it as it is now.
    await writeFile(path.join(root, 'p1.md'), "---\ntitle: Post 1\nslug: p0\ndate: '2024-02-30'\n---\n");
    validation.filesChanged(root, ['p1.md']);
    await index.open(root);
    await validation.whenIdle();
    expect(log).toEqual(['validation pending', 'index ready', 'validation done']);
    const done = validation.problems({});
    expect(done.ok && done.value.running).toBe(false);
    expect(done.ok && done.value.files).toBe(30);
    expect(done.ok && done.value.problems.map((p) => [p.file, p.code])).toEqual([
      ['p0.md', 'duplicate-slug'],
      ['p1.md', 'duplicate-slug'],
      ['p1.md', 'impossible-date'],
    ]);
  });

  it('drops the wait of a folder replaced before its scan ended, and stops without running', async () => {
    const other = path.join(base, 'other');
    await mkdir(other);
    await writeFile(path.join(other, 'x.md'), '---\ntitle: X\n---\n');
    const gate = new ValidationStartGate(index, { quietWindowMs: 20, quietCpuShare: 0.9 });
    validation.open(root, gate.afterScanOf(root));
    // Reopened on another folder whose gate is already open: it runs at once, the first never.
    validation.open(other, Promise.resolve());
    await validation.whenIdle();
    const result = validation.problems({});
    expect(result.ok && result.value.files).toBe(1);
    validation.open(root, gate.afterScanOf(root));
    await validation.shutdown();
    await validation.whenIdle();
    expect(log.filter((l) => l === 'validation done')).toHaveLength(1);
    gate.dispose();
  });
});
