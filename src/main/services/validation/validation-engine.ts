import path from 'node:path';
import { parseForIndex } from '../../../shared/domain/frontmatter/parse-for-index';
import type { FolioSchema } from '../../../shared/domain/schema/folio-schema';
import { inferSchema } from '../../../shared/domain/schema/infer-schema';
import { listWorkspacePaths } from './list-workspace-paths';
import { readWalkedFile } from './read-walked-file';
import { ValidationService, type FolderValidation } from './validation-service';
import type { ValidationSnapshot } from './validation-worker-protocol';

/**
 * The validation work itself, for one folder at a time, whichever thread it runs on: the worker
 * entry and the in-thread fallback both call this, so they cannot drift apart.
 */
export class ValidationEngine {
  private service: ValidationService | null = null;
  private root: string | null = null;
  private sentSchema: FolioSchema | null = null;

  /** Validates the whole folder (a new folder, or a schema change). */
  async validateAll(root: string): Promise<ValidationSnapshot> {
    this.root = root;
    this.service = new ValidationService(root);
    const started = performance.now();
    this.sentSchema = null;
    return this.snapshotOf(root, this.service, await this.service.validateAll(), started);
  }

  /** Brings the folder up to date after files changed; a first call validates everything. */
  async revalidate(root: string, paths: readonly string[]): Promise<ValidationSnapshot> {
    if (this.service === null || this.root !== root) return this.validateAll(root);
    const started = performance.now();
    return this.snapshotOf(root, this.service, await this.service.revalidate(paths), started);
  }

  /** The run's snapshot, carrying the schema when it differs from the one sent last (a new folder, a schema file change). */
  private snapshotOf(root: string, service: ValidationService, result: FolderValidation, started: number): ValidationSnapshot {
    const base = snapshot(root, service, result, started);
    if (result.schema === this.sentSchema) return base;
    this.sentSchema = result.schema;
    return { ...base, schema: result.schema };
  }

  /**
   * The schema inferred from the folder as it is now, whether or not it has a schema file: the
   * current one when the last run inferred it, else a fresh read of every file.
   */
  async infer(root: string): Promise<FolioSchema> {
    const current = this.root === root ? this.service?.current() : undefined;
    if (current !== undefined && current.schemaSource === 'inferred') return current.schema;
    const listing = await listWorkspacePaths(root);
    const items = [];
    for (const rel of listing.contentFiles) {
      const read = await readWalkedFile(path.join(root, ...rel.split('/')));
      items.push({ path: rel, data: read.ok && read.mode === 'text' ? parseForIndex(read.text).data : null });
    }
    return inferSchema(items);
  }
}

function snapshot(root: string, service: ValidationService, result: FolderValidation, started: number): ValidationSnapshot {
  const types: Record<string, string> = {};
  for (const p of result.problems) {
    const type = types[p.file] ?? service.contentTypeOf(p.file);
    if (type !== undefined) types[p.file] = type;
  }
  return { root, files: result.files, problems: result.problems, schemaSource: result.schemaSource, types, ms: performance.now() - started };
}
