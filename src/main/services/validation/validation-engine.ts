import path from 'node:path';
import { parseForIndex } from '../../../shared/domain/frontmatter/parse-for-index';
import type { FolioSchema } from '../../../shared/domain/schema/folio-schema';
import { inferSchema, SchemaInference } from '../../../shared/domain/schema/infer-schema';
import { forEachInOrder } from './for-each-in-order';
import { listWorkspacePaths } from './list-workspace-paths';
import { walkedFileReader, type WalkedFileReader } from './read-walked-file';
import { ValidationService, type FolderValidation } from './validation-service';
import type { Problem } from '../../../shared/domain/validation/problem';
import { diffProblemsByFile } from './diff-problems-by-file';
import type { FileProblems, ValidationSnapshot } from './validation-worker-protocol';

/** Files read ahead while inference consumes them in order. */
const READ_AHEAD = 16;

/**
 * The validation work itself, for one folder at a time, whichever thread it runs on: the worker
 * entry and the in-thread fallback both call this, so they cannot drift apart.
 */
export class ValidationEngine {
  private service: ValidationService | null = null;
  private root: string | null = null;
  private sentSchema: FolioSchema | null = null;
  /** Each file's problems as of the last snapshot: the next revalidation sends only what changed. */
  private sent: Map<string, FileProblems> | null = null;
  private readonly readWalkedFile: WalkedFileReader;

  /** `blockingReads`: this thread does nothing else meanwhile (the worker), see `ValidationServiceOptions`. */
  constructor(private readonly options: { readonly blockingReads?: boolean } = {}) {
    this.readWalkedFile = walkedFileReader(options.blockingReads ?? false);
  }

  /** Validates the whole folder (a new folder, or a schema change). */
  async validateAll(root: string): Promise<ValidationSnapshot> {
    this.root = root;
    this.service = new ValidationService(root, { blockingReads: this.options.blockingReads ?? false });
    const started = performance.now();
    this.sentSchema = null;
    this.sent = null;
    return this.snapshotOf(root, this.service, await this.service.validateAll(), started);
  }

  /** Brings the folder up to date after files changed; a first call validates everything. */
  async revalidate(root: string, paths: readonly string[]): Promise<ValidationSnapshot> {
    if (this.service === null || this.root !== root) return this.validateAll(root);
    const started = performance.now();
    return this.snapshotOf(root, this.service, await this.service.revalidate(paths), started);
  }

  /**
   * The run's snapshot: every file's problems after a full run, else only the files that changed
   * since the last snapshot; with the schema when it differs from the one sent last.
   */
  private snapshotOf(root: string, service: ValidationService, result: FolderValidation, started: number): ValidationSnapshot {
    const byFile = groupByFile(service, result.problems);
    const previous = this.sent;
    this.sent = byFile;
    const changes = previous === null ? [...byFile.values()] : diffProblemsByFile(previous, byFile);
    const base: ValidationSnapshot = { root, files: result.files, kind: previous === null ? 'full' : 'delta', changes, schemaSource: result.schemaSource, ms: performance.now() - started };
    if (result.schema === this.sentSchema) return base;
    this.sentSchema = result.schema;
    return { ...base, schema: result.schema };
  }

  /**
   * A schema inferred from an even sample of the folder's files (`limit` of them), for the form
   * until the first full run has a schema of its own: ~0.6 s at 50,000 items (walk, 1,000 reads and
   * parses, inference), which in the worker costs the window nothing.
   */
  async inferSample(root: string, limit: number): Promise<FolioSchema> {
    const files = evenSample((await listWorkspacePaths(root)).contentFiles, limit);
    const items: { path: string; data: Readonly<Record<string, unknown>> | null }[] = [];
    for (const rel of files) items.push({ path: rel, data: await this.frontMatterOf(root, rel) });
    return inferSchema(items);
  }

  /**
   * The schema inferred from the folder as it is now, whether or not it has a schema file: the
   * current one when the last run inferred it, else a fresh read of every file, streamed through
   * inference (two passes, one parse held at a time).
   */
  /** A walked file's parsed front matter, or null when it is not readable text or has none. */
  private async frontMatterOf(root: string, rel: string): Promise<Readonly<Record<string, unknown>> | null> {
    const read = await this.readWalkedFile(path.join(root, ...rel.split('/')));
    return read.ok && read.mode === 'text' ? parseForIndex(read.text).data : null;
  }

  async infer(root: string): Promise<FolioSchema> {
    const current = this.root === root ? this.service?.current() : undefined;
    if (current !== undefined && current.schemaSource === 'inferred') return current.schema;
    const files = (await listWorkspacePaths(root)).contentFiles;
    const inference = new SchemaInference({ maxItems: files.length });
    const numbers = new Int32Array(files.length).fill(-1);
    const dataOf = (rel: string): Promise<Readonly<Record<string, unknown>> | null> => this.frontMatterOf(root, rel);
    await forEachInOrder(files, READ_AHEAD, dataOf, (data, rel, i) => {
      numbers[i] = inference.add({ path: rel, data });
    });
    if (inference.needsRelationPass) {
      await forEachInOrder(files, READ_AHEAD, (rel, i) => ((numbers[i] as number) < 0 ? Promise.resolve(null) : dataOf(rel)), (data, rel, i) => inference.addRelations(numbers[i] as number, { path: rel, data }));
    }
    return inference.finish();
  }
}

/**
 * An even sample of `files` (every n-th in path order, `limit` at most): what a schema is inferred
 * from before the folder's full run has read every file.
 */
export function evenSample<T>(files: readonly T[], limit: number): T[] {
  if (files.length <= limit) return [...files];
  const step = files.length / limit;
  return Array.from({ length: limit }, (_, i) => files[Math.floor(i * step)] as T);
}

/** The run's problems by file (they come sorted by file), with each file's content type. */
function groupByFile(service: ValidationService, problems: readonly Problem[]): Map<string, FileProblems> {
  const byFile = new Map<string, FileProblems>();
  for (let i = 0; i < problems.length; ) {
    const file = (problems[i] as Problem).file;
    let end = i + 1;
    while (end < problems.length && (problems[end] as Problem).file === file) end += 1;
    const type = service.contentTypeOf(file);
    const list = problems.slice(i, end);
    byFile.set(file, type === undefined ? { file, problems: list } : { file, problems: list, type });
    i = end;
  }
  return byFile;
}
