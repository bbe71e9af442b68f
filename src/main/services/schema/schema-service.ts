import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ItemSchemaDto } from '../../../shared/contract';
import { fail, ok, type Result } from '../../../shared/lib/result';
import { FOLIO_SCHEMA_PATH, inferSchema, resolveContentType, type FolioJsonSchema, type FolioSchema } from '../../../shared/domain/schema';
import type { IndexService } from '../index/index-service';
import type { ListService } from '../list/list-service';
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

/**
 * Answers "which schema does the form use for this item": the folder's `.folio/schema.json` when
 * it is present and valid (read with the validation service's parser, so both agree on what a
 * schema file means), otherwise a schema inferred from the indexed front matter of the whole
 * folder. Both are cached: the file by its mtime and size, the inference until the index reports
 * a change, because inferring 50,000 items is too slow to repeat on every item opened.
 */
export class SchemaService {
  private cache: CachedSchema | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly rootOf: () => string | null,
    private readonly list: ListService,
    private readonly index: IndexService,
  ) {}

  boot(): Promise<void> {
    this.unsubscribe = this.index.onEvent(() => {
      if (this.cache?.inferred === true) this.cache = null;
    });
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cache = null;
    return Promise.resolve();
  }

  /** The content type and JSON Schema of one item (workspace-relative path). */
  async forItem(relPath: string): Promise<Result<ItemSchemaDto>> {
    const root = this.rootOf();
    if (root === null) return fail('no-workspace', 'No folder is open.');
    const checked = validateWorkspaceRelativePath(relPath);
    if (!checked.ok) return checked;
    const { schema, inferred } = await this.folderSchema(root);
    const data = (await this.list.entry(relPath))?.frontmatter ?? null;
    const resolved = resolveContentType(schema, relPath, data);
    return ok({ contentType: resolved?.name ?? null, schema: resolved?.definition.schema ?? EMPTY_SCHEMA, inferred });
  }

  private async folderSchema(root: string): Promise<{ schema: FolioSchema; inferred: boolean }> {
    const stamp = await schemaFileStamp(root);
    const cached = this.cache;
    if (cached !== null && cached.root === root && cached.fileStamp === stamp) return cached;
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
    const items = (await this.list.entries()).map((entry) => ({ path: entry.path, data: entry.frontmatter }));
    this.cache = { root, schema: inferSchema(items), inferred: true, fileStamp: null };
    return this.cache;
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
