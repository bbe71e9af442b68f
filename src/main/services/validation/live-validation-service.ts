import { findWorkerEntry, isWorkerOutOfMemory, restartServiceWorker, startServiceWorker } from '../worker/start-service-worker';
import { WorkerHeapLimit } from '../worker/worker-heap-limit';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { InferredSchemaDto, ProblemCountsDto, ProblemsQueryDto, ProblemsResultDto } from '../../../shared/contract';
import { editFrontMatter } from '../../../shared/domain/frontmatter/edit-front-matter';
import { FOLIO_SCHEMA_PATH, type FolioSchema } from '../../../shared/domain/schema/folio-schema';
import type { Problem, QuickFix } from '../../../shared/domain/validation/problem';
import { quickFixToEdit } from '../../../shared/domain/validation/quick-fix-to-edit';
import { fail, ok, type Result } from '../../../shared/lib/result';
import type { EventSink } from '../../ipc/event-sink';
import { readTextFile } from '../workspace/read-text-file';
import { parseSchemaText } from '../../../shared/domain/schema/parse-schema-text';
import { ValidationEngine } from './validation-engine';
import type { FileProblems, ValidationHeap, ValidationSnapshot, ValidationWorkerMessage, ValidationWorkerRequest } from './validation-worker-protocol';
import type { SchemaSource } from './validation-service';

/** The slice of the workspace service validation needs: the open folder, reading and the save path. */
export interface ValidationWorkspace {
  readonly info: { readonly root: string } | null;
  read(relPath: string): Promise<Result<{ readonly text: string; readonly hash: string | null; readonly readOnly?: string }>>;
  save(relPath: string, text: string, baseHash: string | null): Promise<Result<{ readonly hash: string }>>;
}

/** Options for {@link LiveValidationService}. */
export interface LiveValidationOptions {
  /** `auto` (default) tries the worker and falls back to in-thread; `inline` never starts one. */
  readonly mode?: 'auto' | 'worker' | 'inline';
  /** The worker entry; default `validation-worker.js` beside this module, else the `.ts` (tsx). */
  readonly workerEntry?: URL;
  /**
   * The worker's old-space limit (MB), default {@link DEFAULT_VALIDATION_HEAP_LIMIT_MB} (see
   * `WorkerHeapLimit`). A worker that reaches it restarts with twice the limit and validates the
   * folder again.
   */
  readonly heapLimitMb?: number;
}

/**
 * Default old-space limit of the validation worker: a full run at 50,000 seed-shaped items peaks
 * well under it (one file's parse is held at a time) and keeps far less afterwards.
 */
export const DEFAULT_VALIDATION_HEAP_LIMIT_MB = 256;

/** Why a request was dropped: the worker is restarting with more room, and the run is redone. */
class WorkerRestarting extends Error {}

type Request =
  | { readonly type: 'validate-all'; readonly root: string }
  | { readonly type: 'revalidate'; readonly root: string; readonly paths: readonly string[] }
  | { readonly type: 'infer'; readonly root: string }
  | { readonly type: 'infer-sample'; readonly root: string; readonly limit: number };
/** A full run's problems taken in part by part ahead of its result (see `splitSnapshot`). */
interface StagedProblems {
  readonly byFile: Map<string, readonly Problem[]>;
  readonly types: Map<string, string>;
  readonly countsByFile: Map<string, ProblemCountsDto>;
}

type Answer =
  | { readonly type: 'result'; readonly snapshot: ValidationSnapshot; readonly staged?: StagedProblems }
  | { readonly type: 'schema'; readonly schema: FolioSchema }
  | { readonly type: 'heap'; readonly heap: ValidationHeap };

function newStaged(): StagedProblems {
  return { byFile: new Map(), types: new Map(), countsByFile: new Map() };
}

/** Writes files' problems, counts and content types into the maps (a file without problems is removed). */
function applyChanges(into: StagedProblems, changes: readonly FileProblems[]): void {
  for (const change of changes) {
    if (change.problems.length === 0) {
      into.byFile.delete(change.file);
      into.countsByFile.delete(change.file);
    } else {
      into.byFile.set(change.file, change.problems);
      into.countsByFile.set(change.file, countsOf(change.problems));
    }
    if (change.type === undefined) into.types.delete(change.file);
    else into.types.set(change.file, change.type);
  }
}

const ZERO: ProblemCountsDto = { error: 0, warning: 0, info: 0 };


function countsOf(problems: readonly Problem[]): ProblemCountsDto {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity] += 1;
  return counts;
}

function sameCounts(a: ProblemCountsDto | undefined, b: ProblemCountsDto | undefined): boolean {
  return (a?.error ?? 0) === (b?.error ?? 0) && (a?.warning ?? 0) === (b?.warning ?? 0) && (a?.info ?? 0) === (b?.info ?? 0);
}

/**
 * Keeps the open folder validated, live, off the main thread: the whole folder when it opens,
 * then only the files each watcher batch or save names. Runs are queued one at a time and
 * changes arriving meanwhile are merged into the next run, so a storm of edits costs a few runs.
 * Main keeps only the latest problems (for the panel, the list badges and the form) and
 * broadcasts `validation:changed` after each run.
 */
export class LiveValidationService {
  private worker: Worker | null = null;
  /** A worker starting with a larger heap after running out of memory; requests wait for it. */
  private restarting: Promise<void> | null = null;
  private stopped = false;
  private readonly heapLimit: WorkerHeapLimit;
  private mode: 'worker' | 'inline' = 'inline';
  private fallbackReason: string | null = null;
  private readonly engine = new ValidationEngine();
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();
  /**
   * Parts of a full run's snapshot received ahead of its result, by request id (see
   * `splitSnapshot`), taken into new maps as they come: the result then adds only its own rest.
   */
  private readonly parts = new Map<number, StagedProblems>();

  private root: string | null = null;
  /** Content files of the last accepted run; null until the open folder's first full run arrives. */
  private validatedFiles: number | null = null;
  /** The schema of the open folder's last full run (the folder's file or the inferred one). */
  private schema: { readonly root: string; readonly schema: FolioSchema; readonly source: SchemaSource } | null = null;
  /** The latest problems, by file (each sorted), merged from full runs and per-file deltas. */
  private byFile = new Map<string, readonly Problem[]>();
  private types = new Map<string, string>();
  private countsByFile = new Map<string, ProblemCountsDto>();
  private totals: ProblemCountsDto = ZERO;
  /** Every problem in the folder's order, rebuilt on demand after a change. */
  private allCache: readonly Problem[] | null = null;
  /** The panel's filter choices, rebuilt on demand after a change (tens of thousands of problems at 50,000 items). */
  private choicesCache: { readonly codes: readonly string[]; readonly contentTypes: readonly string[] } | null = null;
  private running = false;
  private pendingAll = false;
  private readonly pendingPaths = new Set<string>();
  private pump: Promise<void> = Promise.resolve();
  private readonly idle = new Set<() => void>();
  /** What the open folder's first full run waits for (its scan, then a quiet moment); null once passed. */
  private startAfter: Promise<void> | null = null;
  /** Releases a run waiting on `startAfter` when the folder changes or the service stops. */
  private wakeGate: (() => void) | null = null;

  constructor(
    private readonly events: EventSink,
    private readonly workspace: ValidationWorkspace,
    private readonly options: LiveValidationOptions = {},
  ) {
    this.heapLimit = new WorkerHeapLimit(options.heapLimitMb ?? DEFAULT_VALIDATION_HEAP_LIMIT_MB);
  }

  /** The worker's current old-space limit (MB): raised when a folder outgrew it. */
  get workerHeapLimitMb(): number {
    return this.heapLimit.limitMb;
  }

  /** How validation runs, and why not in a worker if it does not. */
  get runtime(): { mode: 'worker' | 'inline'; fallbackReason: string | null } {
    return { mode: this.mode, fallbackReason: this.fallbackReason };
  }

  /** Starts the worker (or settles for in-thread validation, with the reason in `runtime`). */
  async boot(): Promise<void> {
    this.stopped = false;
    if (this.options.mode === 'inline') return;
    const result = await this.startWorker();
    if (typeof result === 'string') {
      if (this.options.mode === 'worker') throw new Error(`The validation worker could not start: ${result}`);
      this.fallbackReason = result;
      return;
    }
    this.worker = result;
    this.mode = 'worker';
  }

  /** Stops the worker; a run in flight is abandoned. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    this.root = null;
    // Nothing is left to run: `whenIdle` resolves instead of waiting for a folder that is gone.
    this.pendingAll = false;
    this.pendingPaths.clear();
    this.startAfter = null;
    this.wakeGate?.();
    const worker = this.worker;
    this.worker = null;
    this.mode = 'inline';
    this.rejectAll('validation stopped');
    if (worker !== null) await worker.terminate();
  }

  /**
   * A folder was opened: forget the last one and validate this one in full, once `startAfter`
   * resolves (see `ValidationStartGate`: after the scan, when the process is quiet). Until then the
   * folder counts as being checked, and files changed meanwhile are covered by that full run.
   */
  open(root: string, startAfter?: Promise<void>): void {
    this.root = root;
    this.startAfter = startAfter ?? null;
    this.wakeGate?.();
    this.validatedFiles = null;
    if (this.schema?.root !== root) this.schema = null;
    this.byFile = new Map();
    this.types = new Map();
    this.countsByFile = new Map();
    this.totals = ZERO;
    this.allCache = null;
    this.choicesCache = null;
    this.pendingPaths.clear();
    this.pendingAll = true;
    // The last folder's counts must not stand for this one while its run is pending.
    this.events.emit('validation:changed', { counts: ZERO, running: true, files: null });
    this.schedule();
  }

  /** Files changed on disk (watcher batch, a save, a fix): revalidate them and the folder-wide rules. */
  filesChanged(root: string, paths: readonly string[]): void {
    if (root !== this.root || paths.length === 0) return;
    for (const p of paths) this.pendingPaths.add(p);
    this.schedule();
  }

  /** Resolves once no run is queued or running (tests, the bench). */
  whenIdle(): Promise<void> {
    if (!this.running && !this.pendingAll && this.pendingPaths.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  /** The latest run's problems, filtered, with the folder's totals and the filter choices. */
  problems(query: ProblemsQueryDto): Result<ProblemsResultDto> {
    if (this.root === null) return fail('no-workspace', 'No folder is open.');
    const { codes, contentTypes } = this.filterChoices();
    const types = this.types;
    const state = { counts: this.totals, files: this.validatedFiles ?? 0, running: this.running || this.pendingAll, codes, contentTypes };
    if (query.limit === 0) return ok({ problems: [], ...state });
    // One file's problems (asked on every item open) never need the folder's whole sorted list.
    const source = query.file !== undefined ? (this.byFile.get(query.file) ?? []) : this.allProblems();
    const problems = source.filter((p) => (query.severity === undefined || p.severity === query.severity) && (query.code === undefined || p.code === query.code) && (query.contentType === undefined || types.get(p.file) === query.contentType));
    return ok({ problems: query.limit === undefined ? problems : problems.slice(0, query.limit), ...state });
  }

  /** One file's counts by severity, or undefined before its folder was validated. */
  countsFor(relPath: string): ProblemCountsDto | undefined {
    if (this.validatedFiles === null) return undefined;
    return this.countsByFile.get(relPath) ?? ZERO;
  }

  /**
   * Applies a quick fix as the engine's span edit of that one field, then saves through the
   * workspace's conflict-checked atomic write (which tells the watcher to ignore its echo), and
   * revalidates the file. Returns the file's new hash.
   */
  async applyFix(fix: QuickFix): Promise<Result<string>> {
    const root = this.root;
    if (root === null || this.workspace.info?.root !== root) return fail('no-workspace', 'No folder is open.');
    const read = await this.workspace.read(fix.file);
    if (!read.ok) return read;
    if (read.value.readOnly !== undefined || read.value.hash === null) return fail('not-editable', `${fix.file} cannot be edited, so the fix was not applied.`);
    const edited = editFrontMatter(read.value.text, quickFixToEdit(fix));
    if (!edited.ok) return fail('not-editable', `The fix could not be applied: ${edited.diagnostic.message}`);
    const saved = await this.workspace.save(fix.file, edited.value, read.value.hash);
    if (!saved.ok) return saved;
    this.filesChanged(root, [fix.file]);
    return ok(saved.value.hash);
  }

  /**
   * The schema the last full run of `root` validated against, or null before one finished: the
   * form's schema, so no other service infers the folder a second time.
   */
  schemaOf(root: string): { readonly schema: FolioSchema; readonly source: SchemaSource } | null {
    return this.schema?.root === root ? this.schema : null;
  }

  /**
   * A schema inferred from an even sample of `limit` of the folder's files, in the worker (see
   * `ValidationEngine.inferSample`): the form's schema until the first full run has one.
   */
  async inferSample(root: string, limit: number): Promise<FolioSchema> {
    const answer = await this.request({ type: 'infer-sample', root, limit });
    if (answer.type !== 'schema') throw new Error('The validation worker gave no schema.');
    return answer.schema;
  }

  /** The schema inferred from the folder as it is now, as pretty JSON for review. */
  async inferSchemaJson(): Promise<Result<InferredSchemaDto>> {
    const root = this.root;
    if (root === null) return fail('no-workspace', 'No folder is open.');
    try {
      const answer = await this.request({ type: 'infer', root });
      if (answer.type !== 'schema') return fail('internal', 'The validation worker gave no schema.');
      // The dialog warns before replacing a schema someone wrote, valid or not.
      const existing = await readTextFile(root, FOLIO_SCHEMA_PATH);
      const exists = existing.ok || existing.error.code !== 'not-found';
      return ok({ json: `${JSON.stringify(answer.schema, null, 2)}\n`, existing: exists });
    } catch (error) {
      return fail('internal', `The schema could not be inferred: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Writes `.folio/schema.json` after checking it is a Folio schema (a broken one would only turn
   * into a problem on the next run), through the same conflict-checked save, then revalidates all.
   */
  async saveSchema(json: string): Promise<Result<null>> {
    const root = this.root;
    if (root === null || this.workspace.info?.root !== root) return fail('no-workspace', 'No folder is open.');
    const parsed = parseSchemaText(json);
    if (!parsed.ok) return fail('invalid-argument', parsed.message);
    const existing = await readTextFile(root, FOLIO_SCHEMA_PATH);
    let baseHash: string | null = null;
    if (existing.ok) baseHash = existing.value.hash;
    else if (existing.error.code !== 'not-found') return existing;
    try {
      await mkdir(path.join(root, '.folio'), { recursive: true });
    } catch (error) {
      return fail('io', `The .folio folder cannot be created: ${error instanceof Error ? error.message : String(error)}`);
    }
    const saved = await this.workspace.save(FOLIO_SCHEMA_PATH, json.endsWith('\n') ? json : `${json}\n`, baseHash);
    if (!saved.ok) return saved;
    this.filesChanged(root, [FOLIO_SCHEMA_PATH]);
    return ok(null);
  }

  // Read through methods: the fields change while a run awaits, which narrowing cannot see.
  private openRoot(): string | null {
    return this.root;
  }

  private hasPending(): boolean {
    return this.pendingAll || this.pendingPaths.size > 0;
  }

  private schedule(): void {
    if (this.running) return;
    this.running = true;
    this.pump = this.pump.then(() => this.drain());
  }

  private async drain(): Promise<void> {
    try {
      while (this.root !== null && (this.pendingAll || this.pendingPaths.size > 0)) {
        const gate = this.startAfter;
        if (gate !== null && this.pendingAll) {
          await new Promise<void>((resolve) => {
            this.wakeGate = resolve;
            void gate.then(resolve);
          });
          this.wakeGate = null;
          // Passed, unless another folder (with its own gate) opened or the service stopped meanwhile.
          if (this.startAfter === gate) this.startAfter = null;
          continue;
        }
        const root = this.root;
        const all = this.pendingAll;
        const paths = [...this.pendingPaths];
        this.pendingAll = false;
        this.pendingPaths.clear();
        let answer: Answer;
        try {
          answer = await this.request(all ? { type: 'validate-all', root } : { type: 'revalidate', root, paths });
        } catch (error) {
          // A restart redoes the whole folder (pendingAll is set again): nothing to tell.
          if (error instanceof WorkerRestarting) continue;
          if (this.openRoot() !== null) this.events.emit('app:notice', { level: 'warning', message: `Folio could not validate this folder: ${error instanceof Error ? error.message : String(error)}` });
          continue;
        }
        // A folder opened meanwhile: this answer is about the old one.
        if (answer.type !== 'result' || answer.snapshot.root !== this.openRoot()) continue;
        this.accept(answer.snapshot, all ? [] : paths, !this.hasPending(), answer.staged);
      }
    } finally {
      this.running = false;
      for (const resolve of this.idle) resolve();
      this.idle.clear();
    }
  }

  /** Takes in a run's snapshot; `staged`: a full run's files already taken in from its parts. */
  private accept(snapshot: ValidationSnapshot, touched: readonly string[], settled: boolean, staged?: StagedProblems): void {
    const first = this.validatedFiles === null;
    // A delta applies to the full run it follows; one overtaken by a reopen is dropped (a full run is queued).
    if (snapshot.kind === 'delta' && first) return;
    // A delta updates the maps in place: `before` is the old map only for a full run, which replaces them.
    const before = this.countsByFile;
    // Only files whose badge changed: the renderer refetches just those rows.
    const changed = new Set<string>();
    if (snapshot.kind === 'full') {
      const maps = staged ?? newStaged();
      this.byFile = maps.byFile;
      this.types = maps.types;
      this.countsByFile = maps.countsByFile;
    }
    // A delta changes the maps in place: each file's counts before it, for the badges that moved.
    const was = snapshot.kind === 'delta' ? snapshot.changes.map((change) => before.get(change.file)) : null;
    applyChanges({ byFile: this.byFile, types: this.types, countsByFile: this.countsByFile }, snapshot.changes);
    was?.forEach((counts, i) => {
      const file = (snapshot.changes[i] as FileProblems).file;
      if (!sameCounts(counts, this.countsByFile.get(file))) changed.add(file);
    });
    if (snapshot.kind === 'full' && !first) {
      for (const [file, c] of this.countsByFile) if (!sameCounts(c, before.get(file))) changed.add(file);
      for (const file of before.keys()) if (!this.countsByFile.has(file)) changed.add(file);
    }
    // The files just edited may keep their counts with other problems: the open form must still refresh.
    if (!first) for (const file of touched) changed.add(file);
    const totals = { error: 0, warning: 0, info: 0 };
    for (const c of this.countsByFile.values()) {
      totals.error += c.error;
      totals.warning += c.warning;
      totals.info += c.info;
    }
    this.totals = totals;
    this.allCache = null;
    this.choicesCache = null;
    this.validatedFiles = snapshot.files;
    if (snapshot.schema !== undefined) this.schema = { root: snapshot.root, schema: snapshot.schema, source: snapshot.schemaSource };
    this.events.emit('validation:changed', { counts: totals, running: !settled, files: first ? null : [...changed] });
  }

  /** Every problem, files in path order and each file's own order: the folder's sorted list. */
  private allProblems(): readonly Problem[] {
    if (this.allCache === null) {
      const all: Problem[] = [];
      for (const file of [...this.byFile.keys()].sort()) for (const p of this.byFile.get(file) ?? []) all.push(p);
      this.allCache = all;
    }
    return this.allCache;
  }

  /** The codes and content types present, sorted: the Problems panel's filter choices. */
  private filterChoices(): { readonly codes: readonly string[]; readonly contentTypes: readonly string[] } {
    if (this.choicesCache === null) {
      const codes = new Set<string>();
      for (const problems of this.byFile.values()) for (const p of problems) codes.add(p.code);
      this.choicesCache = { codes: [...codes].sort(), contentTypes: [...new Set(this.types.values())].sort() };
    }
    return this.choicesCache;
  }

  /** The validation worker's heap after a collection, or null when validation runs in-thread. */
  async workerHeap(): Promise<ValidationHeap | null> {
    if (this.restarting !== null) await this.restarting;
    const worker = this.worker;
    if (worker === null) return null;
    const id = this.nextId++;
    const answer = await new Promise<Answer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ type: 'heap', id } satisfies ValidationWorkerRequest);
    });
    return answer.type === 'heap' ? answer.heap : null;
  }

  private async request(request: Request): Promise<Answer> {
    if (this.restarting !== null) await this.restarting;
    if (this.worker === null) {
      // In-thread fallback: the same engine, on the main thread.
      switch (request.type) {
        case 'validate-all':
          return { type: 'result', snapshot: await this.engine.validateAll(request.root) };
        case 'revalidate':
          return { type: 'result', snapshot: await this.engine.revalidate(request.root, request.paths) };
        case 'infer':
          return { type: 'schema', schema: await this.engine.infer(request.root) };
        case 'infer-sample':
          return { type: 'schema', schema: await this.engine.inferSample(request.root, request.limit) };
      }
    }
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise<Answer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } satisfies ValidationWorkerRequest);
    });
  }

  private onMessage(message: ValidationWorkerMessage): void {
    if (message.type === 'ready') return;
    const waiter = this.waiting.get(message.id);
    if (waiter === undefined) return;
    if (message.type === 'result-part') {
      const staged = this.parts.get(message.id) ?? newStaged();
      applyChanges(staged, message.changes);
      this.parts.set(message.id, staged);
      // The next part comes once this one is in: each is decoded in a task of its own.
      this.worker?.postMessage({ type: 'part-taken', id: message.id } satisfies ValidationWorkerRequest);
      return;
    }
    this.waiting.delete(message.id);
    const staged = this.parts.get(message.id);
    this.parts.delete(message.id);
    if (message.type === 'failed') waiter.reject(new Error(message.message));
    else if (message.type === 'result') waiter.resolve(staged === undefined ? { type: 'result', snapshot: message.snapshot } : { type: 'result', snapshot: message.snapshot, staged });
    else if (message.type === 'heap') waiter.resolve({ type: 'heap', heap: message.heap });
    else waiter.resolve({ type: 'schema', schema: message.schema });
  }

  private rejectAll(reason: string | Error): void {
    const error = typeof reason === 'string' ? new Error(reason) : reason;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
    this.parts.clear();
  }

  private onWorkerLost(lost: Worker, reason: string, outOfMemory: boolean): void {
    if (this.worker !== lost) return;
    this.worker = null;
    if (outOfMemory && this.heapLimit.grow()) {
      // The folder outgrew the limit: a worker with twice the room validates it again. Runs in
      // flight are dropped quietly and the whole folder is queued (the worker's cache died with it).
      this.restarting = this.restartAfterOutOfMemory();
      this.rejectAll(new WorkerRestarting(`the validation worker ran out of memory; restarting with ${this.heapLimit.limitMb} MB`));
      if (this.root !== null) {
        this.pendingAll = true;
        this.schedule();
      }
      return;
    }
    this.mode = 'inline';
    this.fallbackReason = `the worker stopped: ${reason}`;
    this.rejectAll(this.fallbackReason);
    // Whatever was in flight is redone in-thread: the folder's problems must not go stale.
    if (this.root !== null) this.open(this.root);
  }

  private async restartAfterOutOfMemory(): Promise<void> {
    const started = await restartServiceWorker(() => this.startWorker(), () => this.stopped);
    this.restarting = null;
    if (started === null) return;
    if (typeof started === 'string') {
      this.mode = 'inline';
      this.fallbackReason = `the worker could not restart: ${started}`;
      return;
    }
    this.worker = started;
  }

  private async startWorker(): Promise<Worker | string> {
    const entry = this.options.workerEntry ?? findWorkerEntry('validation-worker', import.meta.url);
    if (entry === null) return 'no validation-worker entry next to the validation service (the bundle must emit validation-worker.js)';
    const worker = await startServiceWorker(entry, this.heapLimit);
    if (typeof worker === 'string') return worker;
    worker.on('message', (m: ValidationWorkerMessage) => this.onMessage(m));
    worker.on('error', (error) => this.onWorkerLost(worker, String(error), isWorkerOutOfMemory(error)));
    worker.on('exit', (code) => this.onWorkerLost(worker, `exited with code ${code}`, false));
    return worker;
  }
}
