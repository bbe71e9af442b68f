import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ItemSchemaDto } from '../../../shared/contract';
import { fail, ok, type Result } from '../../../shared/lib/result';
import { FOLIO_SCHEMA_PATH, resolveContentType, type FolioJsonSchema, type FolioSchema } from '../../../shared/domain/schema';
import type { IndexEvent } from '../index/index-service';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import type { SchemaSource } from '../validation/validation-service';
import { parseSchemaText } from '../validation';
import { readTextFile, validateWorkspaceRelativePath } from '../workspace';

/** The schema of an item no content type claims: the form then works from the written types. */
const EMPTY_SCHEMA: FolioJsonSchema = { type: 'object' };

/** Where a cached schema came from and what it was based on. */
interface CachedSchema {
  readonly root: string;
  readonly schema: FolioSchema;
  readonly inferred: boolean;
  /** `mtimeMs:size` of `.folio/schema.json`, or null when it was inferred. */
  readonly fileStamp: string | null;
}

/** A sampled schema being inferred (or inferred) for a root; failures are not kept. */
interface SampledSchema {
  readonly root: string;
  readonly schema: Promise<FolioSchema>;
}

/** Items a schema is inferred from while the folder's full validation is still running. */
export const SCHEMA_SAMPLE_SIZE = 1000;

/** What the schema service reads from the index: one item's front matter, and when a scan ends. */
export interface SchemaIndex {
  get(relPath: string): Promise<IndexEntry | undefined>;
  onEvent(listener: (event: IndexEvent) => void): () => void;
}

/** Validation's schemas (`LiveValidationService`): the last full run's, and one from a sample. */
export interface ValidatedSchemaSource {
  schemaOf(root: string): { readonly schema: FolioSchema; readonly source: SchemaSource } | null;
  /** Inferred off the main thread from an even sample of `limit` files. */
  inferSample(root: string, limit: number): Promise<FolioSchema>;
}

/**
 * Answers "which schema does the form use for this item": the folder's `.folio/schema.json` when
 * it is present and valid (read with the validation service's parser, so both agree on what a
 * schema file means), otherwise the schema the validation worker inferred from the whole folder,
 * so the form's widgets and the problems shown under them come from one schema. Until the first
 * validation of a folder finishes (about half a minute at 50,000 items), the form uses a schema
 * the validation worker infers from an even sample of 1,000 files, asked for as soon as a scan
 * starts so the first item opened finds it ready. Not here: inferring even that sample took
 * ~250 ms of the main thread, just when the curator opens the first items.
 */
export class SchemaService {
  private cache: CachedSchema | null = null;
  private sampled: SampledSchema | null = null;
  /** Between a scan's first chunk and its end. */
  private scanning = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly rootOf: () => string | null,
    private readonly index: SchemaIndex,
    private readonly validated: ValidatedSchemaSource,
  ) {}

  boot(): Promise<void> {
    // A new scan (another folder, or the same one reopened) makes a sampled schema stale.
    this.unsubscribe = this.index.onEvent((event) => {
      if (event.kind === 'changed') return;
      // A scan's first chunk (or its end, for a scan that streamed none): a new scan makes the
      // sampled schema stale, and the next one is asked for at once. The validation worker infers
      // it at nice 19, on the cycles the scan leaves idle, so the first item opened finds it ready.
      const starting = !this.scanning;
      this.scanning = event.kind === 'chunk';
      if (!starting) return;
      this.sampled = null;
      if (this.validated.schemaOf(event.root) === null) void this.folderSchema(event.root).catch(() => undefined);
    });
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cache = null;
    this.sampled = null;
    return Promise.resolve();
  }

  /** The content type and JSON Schema of one item (workspace-relative path). */
  async forItem(relPath: string): Promise<Result<ItemSchemaDto>> {
    const root = this.rootOf();
    if (root === null) return fail('no-workspace', 'No folder is open.');
    const checked = validateWorkspaceRelativePath(relPath);
    if (!checked.ok) return checked;
    const { schema, inferred } = await this.folderSchema(root);
    const data = (await this.index.get(relPath))?.frontmatter ?? null;
    const resolved = resolveContentType(schema, relPath, data);
    return ok({ contentType: resolved?.name ?? null, schema: resolved?.definition.schema ?? EMPTY_SCHEMA, inferred });
  }

  private async folderSchema(root: string): Promise<{ schema: FolioSchema; inferred: boolean }> {
    const stamp = await schemaFileStamp(root);
    const cached = this.cache;
    if (cached !== null && cached.root === root && cached.fileStamp !== null && cached.fileStamp === stamp) return cached;
    if (stamp !== null) {
      const read = await readTextFile(root, FOLIO_SCHEMA_PATH);
      if (read.ok && read.value.mode === 'text') {
        const parsed = parseSchemaText(read.value.text);
        if (parsed.ok) {
          this.cache = { root, schema: parsed.schema, inferred: false, fileStamp: stamp };
          return this.cache;
        }
      }
      // A broken schema file is the validation service's problem to report; the form falls back
      // to inference so the curator can still edit.
    }
    const validated = this.validated.schemaOf(root);
    if (validated !== null && validated.source === 'inferred') return { schema: validated.schema, inferred: true };
    return { schema: await this.sampledSchema(root), inferred: true };
  }

  /** The sampled schema of `root`: one inference per scan, shared by every request meanwhile. */
  private sampledSchema(root: string): Promise<FolioSchema> {
    if (this.sampled?.root !== root) {
      const sampled: SampledSchema = { root, schema: this.validated.inferSample(root, SCHEMA_SAMPLE_SIZE) };
      this.sampled = sampled;
      // A failed inference (the worker restarting) is asked again next time, not kept.
      sampled.schema.catch(() => {
        if (this.sampled === sampled) this.sampled = null;
      });
    }
    return this.sampled.schema;
  }
}

async function schemaFileStamp(root: string): Promise<string | null> {
  try {
    const info = await stat(path.join(root, ...FOLIO_SCHEMA_PATH.split('/')));
    return info.isFile() ? `${info.mtimeMs}:${info.size}` : null;
  } catch {
    return null;
  }
}
