import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { parseForIndex, type IndexParseResult } from '../../../shared/domain/frontmatter/parse-for-index';
import { FOLIO_SCHEMA_PATH, type FolioSchema } from '../../../shared/domain/schema/folio-schema';
import { SchemaInference } from '../../../shared/domain/schema/infer-schema';
import { collectFileFacts, fileProblem, type FileFacts } from '../../../shared/domain/validation/collect-file-facts';
import { compareProblems, type Problem } from '../../../shared/domain/validation/problem';
import { isContentFileName } from '../index/walk-content-files';
import { readTextFile, type TextFileMode } from '../workspace';
import { createSchemaChecker, type SchemaChecker } from './create-schema-checker';
import { CrossFileState } from './cross-file-state';
import { listWorkspacePaths } from './list-workspace-paths';
import { parseSchemaText } from '../../../shared/domain/schema/parse-schema-text';
import { forEachInOrder } from './for-each-in-order';
import { walkedFileReader, type WalkedFileReader } from './read-walked-file';

/** Where the schema in force came from. */
export type SchemaSource = 'option' | 'folder' | 'inferred';

/** The state of a whole folder's validation. */
export interface FolderValidation {
  /** Content files considered (unreadable and symlinked ones included). */
  readonly files: number;
  readonly problems: readonly Problem[];
  readonly schema: FolioSchema;
  readonly schemaSource: SchemaSource;
}

/** Options for {@link ValidationService}. */
export interface ValidationServiceOptions {
  /** A schema to use instead of the folder's `.folio/schema.json` (the CLI's `--schema`). */
  readonly schema?: FolioSchema;
  /** Files read at once. Default 16. */
  readonly concurrency?: number;
  /**
   * Read files with blocking calls (see `readWalkedFileSync`): for a thread that does nothing else
   * meanwhile, the validation worker or the CLI. Default false (awaited reads).
   */
  readonly blockingReads?: boolean;
}

// Why a file that is not text gets one problem and nothing else.
const unreadable: Record<Exclude<TextFileMode, 'text'>, { severity: Problem['severity']; message: string }> = {
  binary: { severity: 'error', message: 'The file is binary, not text; it was not validated.' },
  'non-utf8': { severity: 'error', message: 'The file is not valid UTF-8 text; it was not validated.' },
  large: { severity: 'warning', message: 'The file is too large (or has a line too long) to validate.' },
};

type ReadOutcome = { readonly kind: 'text'; readonly text: string; readonly parsed: IndexParseResult } | { readonly kind: 'facts'; readonly facts: FileFacts };

async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next;
      next += 1;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, Math.max(1, items.length)) }, worker));
  return out;
}

function isIgnoredPath(rel: string): boolean {
  return rel.split('/').some((segment, i, all) => (i < all.length - 1 && (segment.startsWith('.') || segment === 'node_modules')) || segment === '');
}

/**
 * Validates a whole folder and keeps it validated: the schema is `.folio/schema.json` when
 * present (a broken one is reported and inference takes over), otherwise inferred from the
 * folder. Each file's own problems and cross-file facts are cached, so after a change only the
 * changed files are read again and the folder-wide rules are recomputed from the cache. An
 * inferred schema stays fixed until the next full validation, so one edit cannot move the rules.
 */
export class ValidationService {
  private readonly facts = new Map<string, FileFacts>();
  // Folder-wide rules, updated per change: recomputing them over every file cost ~150 ms at 10,000.
  private readonly cross = new CrossFileState();
  private paths = new Set<string>();
  private schema: FolioSchema | undefined;
  private schemaSource: SchemaSource = 'inferred';
  private checker: SchemaChecker | undefined;
  private schemaFileProblems: Problem[] = [];
  private last: FolderValidation | undefined;
  private readonly readWalkedFile: WalkedFileReader;

  constructor(
    private readonly root: string,
    private readonly options: ValidationServiceOptions = {},
  ) {
    this.readWalkedFile = walkedFileReader(options.blockingReads ?? false);
  }

  /** The content type a file matched in the last run, if any. */
  contentTypeOf(file: string): string | undefined {
    return this.facts.get(file)?.typeName;
  }

  /** The latest result, if any validation ran. */
  current(): FolderValidation | undefined {
    return this.last;
  }

  /**
   * Reads, parses and validates every content file of the folder, holding one file's parse at a
   * time: without a schema file, a first pass feeds inference in path order and keeps nothing but
   * its statistics; the rules pass then reads each file again and also gives inference its
   * relation evidence. Keeping first-pass parses for the rules pass (even a 64 MB budget of them)
   * measured slower than parsing again: long-lived parses are promoted and cost full collections.
   * Relations are the one part of the schema a later file can change; when they did, the
   * relation facts are taken again with the final schema, so the result equals a batch run.
   */
  async validateAll(): Promise<FolderValidation> {
    this.facts.clear();
    const listing = await listWorkspacePaths(this.root);
    this.paths = listing.all;
    const files = listing.contentFiles;
    const concurrency = this.options.concurrency ?? 16;

    const { schema, source, problems } = await this.loadSchema();
    if (schema !== undefined) {
      this.useSchema(schema, source, problems);
      await this.collectAll(files, concurrency, new Set(), null);
    } else {
      const inference = new SchemaInference({ maxItems: files.length });
      const numbers = new Int32Array(files.length).fill(-1);
      const unreadable = new Set<string>();
      await forEachInOrder(files, concurrency, (rel) => this.readWalked(rel), (outcome, rel, i) => {
        // Unreadable files are settled now: the rules pass skips them.
        if (outcome.kind === 'facts') {
          this.facts.set(rel, outcome.facts);
          unreadable.add(rel);
        } else numbers[i] = inference.add({ path: rel, data: outcome.parsed.data });
      });
      const provisional = inference.provisional();
      this.useSchema(provisional, 'inferred', problems);
      if (!inference.needsRelationPass) {
        await this.collectAll(files, concurrency, unreadable, null);
      } else {
        await this.collectAll(files, concurrency, unreadable, (i, data) => inference.addRelations(numbers[i] as number, { path: files[i] as string, data }));
        const final = inference.finish();
        if (JSON.stringify(final) !== JSON.stringify(provisional)) {
          this.useSchema(final, 'inferred', problems);
          await this.collectAll(files, concurrency, unreadable, null);
        }
      }
    }
    for (const rel of listing.symlinkedContent) {
      this.facts.set(rel, fileProblem(rel, 'symlink', 'info', 'This file is a symbolic link; Folio never reads through links, so it was not validated.'));
    }
    this.cross.reset(this.facts, this.paths);
    return this.assemble();
  }

  /**
   * The rules pass: reads and parses each content file (but those in `skip`, settled as
   * unreadable by the first pass), takes its facts with the schema in force and drops the parse.
   * `onData` sees each file's front matter on the way (inference's relation pass).
   */
  private async collectAll(files: readonly string[], concurrency: number, skip: ReadonlySet<string>, onData: ((index: number, data: Readonly<Record<string, unknown>> | null) => void) | null): Promise<void> {
    await mapPool([...files.keys()], concurrency, async (i) => {
      const rel = files[i] as string;
      if (skip.has(rel)) return;
      const outcome = await this.readWalked(rel);
      if (outcome.kind === 'text') onData?.(i, outcome.parsed.data);
      this.facts.set(rel, this.factsOf(rel, outcome));
    });
  }

  /**
   * Brings the result up to date after files changed on disk (added, edited or deleted),
   * reading only those files. A change to `.folio/schema.json` revalidates everything.
   */
  async revalidate(changed: readonly string[]): Promise<FolderValidation> {
    if (this.last === undefined || changed.some((rel) => rel === FOLIO_SCHEMA_PATH || rel.startsWith('.folio/'))) return this.validateAll();
    const before = new Map<string, FileFacts | undefined>();
    const pathCount = this.paths.size;
    let pathsMoved = false;
    for (const rel of new Set(changed)) {
      if (isIgnoredPath(rel)) continue;
      before.set(rel, this.facts.get(rel));
      let info;
      try {
        info = await lstat(path.join(this.root, ...rel.split('/')));
      } catch {
        info = undefined;
      }
      if (info === undefined) {
        pathsMoved ||= this.paths.delete(rel);
        this.facts.delete(rel);
        continue;
      }
      this.paths.add(rel);
      for (let i = rel.indexOf('/'); i !== -1; i = rel.indexOf('/', i + 1)) this.paths.add(rel.slice(0, i));
      if (!isContentFileName(path.posix.basename(rel))) continue;
      if (info.isSymbolicLink()) {
        this.facts.set(rel, fileProblem(rel, 'symlink', 'info', 'This file is a symbolic link; Folio never reads through links, so it was not validated.'));
      } else if (info.isFile()) {
        this.facts.set(rel, this.factsOf(rel, await this.readFile(rel)));
      }
    }
    this.cross.update(before, this.facts, this.paths, pathsMoved || this.paths.size !== pathCount);
    return this.assemble();
  }

  private async loadSchema(): Promise<{ schema: FolioSchema | undefined; source: SchemaSource; problems: Problem[] }> {
    if (this.options.schema !== undefined) return { schema: this.options.schema, source: 'option', problems: [] };
    const read = await readTextFile(this.root, FOLIO_SCHEMA_PATH);
    if (!read.ok) {
      if (read.error.code === 'not-found') return { schema: undefined, source: 'inferred', problems: [] };
      return { schema: undefined, source: 'inferred', problems: [this.schemaProblem(`The schema file cannot be read (${read.error.message}); the schema was inferred from the folder instead.`)] };
    }
    if (read.value.mode !== 'text') return { schema: undefined, source: 'inferred', problems: [this.schemaProblem('The schema file is not readable text; the schema was inferred from the folder instead.')] };
    const parsed = parseSchemaText(read.value.text);
    if (!parsed.ok) return { schema: undefined, source: 'inferred', problems: [this.schemaProblem(`${parsed.message} The schema was inferred from the folder instead.`)] };
    return { schema: parsed.schema, source: 'folder', problems: [] };
  }

  private schemaProblem(message: string): Problem {
    return { file: FOLIO_SCHEMA_PATH, severity: 'error', code: 'schema-invalid', message, line: 1, column: 1 };
  }

  private useSchema(schema: FolioSchema, source: SchemaSource, problems: Problem[]): void {
    this.schema = schema;
    this.schemaSource = source;
    this.checker = createSchemaChecker(schema);
    this.schemaFileProblems = [...problems, ...this.checker.schemaProblems];
  }

  private async readWalked(rel: string): Promise<ReadOutcome> {
    const read = await this.readWalkedFile(path.join(this.root, ...rel.split('/')));
    if (!read.ok) return { kind: 'facts', facts: fileProblem(rel, 'unreadable', 'error', read.message) };
    const { mode, text } = read;
    if (mode !== 'text') return { kind: 'facts', facts: fileProblem(rel, mode, unreadable[mode].severity, unreadable[mode].message) };
    return { kind: 'text', text, parsed: parseForIndex(text) };
  }

  private async readFile(rel: string): Promise<ReadOutcome> {
    const read = await readTextFile(this.root, rel);
    if (!read.ok) return { kind: 'facts', facts: fileProblem(rel, 'unreadable', 'error', read.error.message) };
    const { mode, text } = read.value;
    if (mode !== 'text') return { kind: 'facts', facts: fileProblem(rel, mode, unreadable[mode].severity, unreadable[mode].message) };
    return { kind: 'text', text, parsed: parseForIndex(text) };
  }

  private factsOf(rel: string, outcome: ReadOutcome): FileFacts {
    if (outcome.kind === 'facts') return outcome.facts;
    const schema = this.schema as FolioSchema;
    const checker = this.checker as SchemaChecker;
    return collectFileFacts(rel, outcome.text, { schema, parsed: outcome.parsed, checkSchema: (input) => checker.check(input) });
  }

  private assemble(): FolderValidation {
    const problems = [...this.schemaFileProblems];
    for (const facts of this.facts.values()) problems.push(...facts.problems);
    problems.push(...this.cross.problems());
    problems.sort(compareProblems);
    this.last = { files: this.facts.size, problems, schema: this.schema as FolioSchema, schemaSource: this.schemaSource };
    return this.last;
  }
}

/** Validates a folder once (the CLI's path): a fresh service, one full pass. */
export async function validateFolder(root: string, options: ValidationServiceOptions = {}): Promise<FolderValidation> {
  return new ValidationService(root, options).validateAll();
}
