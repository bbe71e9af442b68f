import { findWorkerEntry, startServiceWorker } from '../worker/start-service-worker';
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
import type { ValidationSnapshot, ValidationWorkerMessage, ValidationWorkerRequest } from './validation-worker-protocol';
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
}

type Request = { readonly type: 'validate-all'; readonly root: string } | { readonly type: 'revalidate'; readonly root: string; readonly paths: readonly string[] } | { readonly type: 'infer'; readonly root: string };
type Answer = { readonly type: 'result'; readonly snapshot: ValidationSnapshot } | { readonly type: 'schema'; readonly schema: FolioSchema };

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
  private mode: 'worker' | 'inline' = 'inline';
  private fallbackReason: string | null = null;
  private readonly engine = new ValidationEngine();
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();

  private root: string | null = null;
  private snapshot: ValidationSnapshot | null = null;
  /** The schema of the open folder's last full run (the folder's file or the inferred one). */
  private schema: { readonly root: string; readonly schema: FolioSchema; readonly source: SchemaSource } | null = null;
  private byFile = new Map<string, Problem[]>();
  private countsByFile = new Map<string, ProblemCountsDto>();
  private running = false;
  private pendingAll = false;
  private readonly pendingPaths = new Set<string>();
  private pump: Promise<void> = Promise.resolve();
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly events: EventSink,
    private readonly workspace: ValidationWorkspace,
    private readonly options: LiveValidationOptions = {},
  ) {}

  /** How validation runs, and why not in a worker if it does not. */
  get runtime(): { mode: 'worker' | 'inline'; fallbackReason: string | null } {
    return { mode: this.mode, fallbackReason: this.fallbackReason };
  }

  /** Starts the worker (or settles for in-thread validation, with the reason in `runtime`). */
  async boot(): Promise<void> {
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
    this.root = null;
    const worker = this.worker;
    this.worker = null;
    this.mode = 'inline';
    this.rejectAll('validation stopped');
    if (worker !== null) await worker.terminate();
  }

  /** A folder was opened: forget the last one and validate this one in full. */
  open(root: string): void {
    this.root = root;
    this.snapshot = null;
    if (this.schema?.root !== root) this.schema = null;
    this.byFile = new Map();
    this.countsByFile = new Map();
    this.pendingPaths.clear();
    this.pendingAll = true;
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
    const all = this.snapshot?.problems ?? [];
    const types = this.snapshot?.types ?? {};
    const codes = new Set<string>();
    const contentTypes = new Set<string>();
    for (const p of all) {
      codes.add(p.code);
      const type = types[p.file];
      if (type !== undefined) contentTypes.add(type);
    }
    const source = query.file !== undefined ? (this.byFile.get(query.file) ?? []) : all;
    const problems = source.filter((p) => (query.severity === undefined || p.severity === query.severity) && (query.code === undefined || p.code === query.code) && (query.contentType === undefined || types[p.file] === query.contentType));
    return ok({ problems, counts: countsOf(all), files: this.snapshot?.files ?? 0, running: this.running || this.pendingAll, codes: [...codes].sort(), contentTypes: [...contentTypes].sort() });
  }

  /** One file's counts by severity, or undefined before its folder was validated. */
  countsFor(relPath: string): ProblemCountsDto | undefined {
    if (this.snapshot === null) return undefined;
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
        const root = this.root;
        const all = this.pendingAll;
        const paths = [...this.pendingPaths];
        this.pendingAll = false;
        this.pendingPaths.clear();
        let answer: Answer;
        try {
          answer = await this.request(all ? { type: 'validate-all', root } : { type: 'revalidate', root, paths });
        } catch (error) {
          if (this.openRoot() !== null) this.events.emit('app:notice', { level: 'warning', message: `Folio could not validate this folder: ${error instanceof Error ? error.message : String(error)}` });
          continue;
        }
        // A folder opened meanwhile: this answer is about the old one.
        if (answer.type !== 'result' || answer.snapshot.root !== this.openRoot()) continue;
        this.accept(answer.snapshot, all ? [] : paths, !this.hasPending());
      }
    } finally {
      this.running = false;
      for (const resolve of this.idle) resolve();
      this.idle.clear();
    }
  }

  private accept(snapshot: ValidationSnapshot, touched: readonly string[], settled: boolean): void {
    const byFile = new Map<string, Problem[]>();
    for (const p of snapshot.problems) {
      const list = byFile.get(p.file);
      if (list === undefined) byFile.set(p.file, [p]);
      else list.push(p);
    }
    const counts = new Map<string, ProblemCountsDto>();
    for (const [file, list] of byFile) counts.set(file, countsOf(list));
    // Only files whose badge changed: the renderer refetches just those rows.
    const changed = new Set<string>();
    const first = this.snapshot === null;
    if (!first) {
      for (const [file, c] of counts) if (!sameCounts(c, this.countsByFile.get(file))) changed.add(file);
      for (const file of this.countsByFile.keys()) if (!counts.has(file)) changed.add(file);
      // The files just edited may keep their counts with other problems: the open form must still refresh.
      for (const file of touched) changed.add(file);
    }
    this.snapshot = snapshot;
    if (snapshot.schema !== undefined) this.schema = { root: snapshot.root, schema: snapshot.schema, source: snapshot.schemaSource };
    this.byFile = byFile;
    this.countsByFile = counts;
    this.events.emit('validation:changed', { counts: countsOf(snapshot.problems), running: !settled, files: first ? null : [...changed] });
  }

  private async request(request: Request): Promise<Answer> {
    if (this.worker === null) {
      // In-thread fallback: the same engine, on the main thread.
      switch (request.type) {
        case 'validate-all':
          return { type: 'result', snapshot: await this.engine.validateAll(request.root) };
        case 'revalidate':
          return { type: 'result', snapshot: await this.engine.revalidate(request.root, request.paths) };
        case 'infer':
          return { type: 'schema', schema: await this.engine.infer(request.root) };
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
    this.waiting.delete(message.id);
    if (message.type === 'failed') waiter.reject(new Error(message.message));
    else if (message.type === 'result') waiter.resolve({ type: 'result', snapshot: message.snapshot });
    else waiter.resolve({ type: 'schema', schema: message.schema });
  }

  private rejectAll(reason: string): void {
    for (const waiter of this.waiting.values()) waiter.reject(new Error(reason));
    this.waiting.clear();
  }

  private onWorkerLost(reason: string): void {
    if (this.worker === null) return;
    this.worker = null;
    this.mode = 'inline';
    this.fallbackReason = `the worker stopped: ${reason}`;
    this.rejectAll(this.fallbackReason);
    // Whatever was in flight is redone in-thread: the folder's problems must not go stale.
    if (this.root !== null) this.open(this.root);
  }

  private async startWorker(): Promise<Worker | string> {
    const entry = this.options.workerEntry ?? findWorkerEntry('validation-worker', import.meta.url);
    if (entry === null) return 'no validation-worker entry next to the validation service (the bundle must emit validation-worker.js)';
    const worker = await startServiceWorker(entry);
    if (typeof worker === 'string') return worker;
    worker.on('message', (m: ValidationWorkerMessage) => this.onMessage(m));
    worker.on('error', (error) => this.onWorkerLost(String(error)));
    worker.on('exit', (code) => this.onWorkerLost(`exited with code ${code}`));
    return worker;
  }
}
