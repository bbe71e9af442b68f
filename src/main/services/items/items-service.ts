import { lstat, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type {
  BulkApplySummaryDto,
  BulkEditDto,
  BulkEditRequest,
  BulkPreviewFileDto,
  CreateItemRequest,
  ItemPathDto,
  ItemTemplateDto,
  TrashedItemDto,
  WorkspaceChange,
  WorkspaceInfo,
} from '../../../shared/contract/dto';
import { editFrontMatter, parseFrontMatterDocument } from '../../../shared/domain/frontmatter';
import {
  fileNameForSlug,
  fillTemplate,
  nextId,
  slugForAttempt,
  slugFromFileName,
  slugify,
  todayInFormat,
  type BulkFieldEdit,
} from '../../../shared/domain/items';
import { fail, ok, type Result } from '../../../shared/lib/result';
import { isContentFileName } from '../index/walk-content-files';
import { isSkippedFolderName } from '../watcher/is-watched-content-path';
import { readTextFile, resolveWorkspacePath, validateWorkspaceRelativePath, writeTextFileAtomic } from '../workspace';
import { fsErrorCode, fsFailure } from '../workspace/describe-fs-error';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { editFileFrontMatter } from './edit-file-front-matter';
import { isTemplatePath, listItemTemplates } from './item-templates';
import { TrashStore, type SystemTrash } from './trash-store';

/** What the items service needs of the open folder: where it is, and telling the watcher about Folio's own writes. */
export interface ItemsWorkspace {
  readonly info: WorkspaceInfo | null;
  /** Registers Folio's own write so the watcher drops its echo. */
  expectOwnWrite(relPath: string, text: string): void;
  /** Brings the index up to date with Folio's own changes and tells the renderer once. */
  publishOwnChanges(changes: readonly WorkspaceChange[]): Promise<void>;
}

/** What the items service reads from the index: ids and dates already in use. */
export interface ItemsIndex {
  fieldValues(paths: readonly string[]): Promise<readonly { readonly path: string; readonly values: readonly unknown[] }[]>;
}

/** How many `-2`, `-3`, ... names `create` tries before giving up. */
const MAX_NAME_ATTEMPTS = 1000;

/** Most files one bulk edit may touch (the contract caps the request too). */
export const MAX_BULK_FILES = 5000;

function dirnameOf(relPath: string): string {
  const at = relPath.lastIndexOf('/');
  return at === -1 ? '' : relPath.slice(0, at);
}

function hasSkippedFolder(relPath: string): boolean {
  return relPath.split('/').slice(0, -1).some(isSkippedFolderName);
}

/**
 * Creating, renaming, deleting (undoably) and bulk-editing items in the open folder. Every path is
 * confined to the folder; no write ever overwrites a file it did not read (create and rename
 * refuse an existing name, bulk apply refuses a file changed since the preview).
 */
export class ItemsService {
  private readonly trashStore: TrashStore;

  constructor(
    private readonly workspace: ItemsWorkspace,
    private readonly index: ItemsIndex,
    systemTrash: SystemTrash,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.trashStore = new TrashStore(systemTrash);
  }

  boot(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  private root(): Result<string> {
    const info = this.workspace.info;
    return info === null ? fail('no-workspace', 'No folder is open.') : ok(info.root);
  }

  /** Hugo archetypes and `.folio/templates` of the open folder. */
  async templates(): Promise<Result<readonly ItemTemplateDto[]>> {
    const root = this.root();
    if (!root.ok) return root;
    return ok(await listItemTemplates(root.value));
  }

  /** Creates `<slug>.md` (or `-2`, `-3`, ...) in the folder from a template or a copy of an item. */
  async create(request: CreateItemRequest): Promise<Result<ItemPathDto>> {
    const rootResult = this.root();
    if (!rootResult.ok) return rootResult;
    const root = rootResult.value;
    const title = request.title.trim();
    if (title === '') return fail('invalid-argument', 'A new item needs a title.');
    const folder = request.folder.replace(/\/+$/, '');
    if (folder !== '') {
      const checked = validateWorkspaceRelativePath(folder);
      if (!checked.ok) return checked;
      if (checked.value.some(isSkippedFolderName)) return fail('invalid-argument', 'Items cannot be created in hidden folders (their names start with a dot).');
    }

    const { kind, path: templatePath } = request.template;
    if (kind !== 'duplicate' && !isTemplatePath(kind, templatePath)) {
      return fail('invalid-argument', `${JSON.stringify(templatePath)} is not ${kind === 'archetype' ? 'an archetype (archetypes/*.md)' : 'a template (.folio/templates/*.md)'}.`);
    }
    const template = await readTextFile(root, templatePath);
    if (!template.ok) return template;
    if (!template.value.editable) return fail('not-editable', `${JSON.stringify(templatePath)} is not an editable text file, so it cannot be used as a template.`);

    // Two values per item, read where the entries live: copying 50,000 entries here would not do.
    const used = await this.index.fieldValues(['date', 'id']);
    const date = todayInFormat(this.sampleDate(used, folder, template.value.text), this.now());
    const id = nextId(used.map((item) => item.values[1]));
    const slug = slugify(title);

    if (folder !== '') {
      const made = await this.makeFolder(root, folder);
      if (!made.ok) return made;
    }
    for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
      const relPath = fileNameForSlug(folder, slug, attempt);
      if (await exists(root, relPath)) continue;
      const filled = fillTemplate(template.value.text, { title, slug: slugForAttempt(slug, attempt), date, id }, { placeholders: kind !== 'duplicate' });
      this.workspace.expectOwnWrite(relPath, filled.text);
      const written = await writeTextFileAtomic({ root, relPath, text: filled.text, expectedHash: null });
      // Someone took the name between the check and the write: try the next one.
      if (!written.ok && written.error.code === 'conflict') continue;
      if (!written.ok) return written;
      await this.workspace.publishOwnChanges([{ path: relPath, kind: 'add' }]);
      return ok({ path: relPath, warnings: filled.warnings });
    }
    return fail('conflict', `Too many items are named ${slug}; choose another title.`);
  }

  /** Renames or moves an item; never overwrites. Updates `slug` when it was the old file name's slug. */
  async rename(from: string, to: string): Promise<Result<ItemPathDto>> {
    const rootResult = this.root();
    if (!rootResult.ok) return rootResult;
    const root = rootResult.value;
    const target = validateWorkspaceRelativePath(to);
    if (!target.ok) return target;
    if (!isContentFileName(path.posix.basename(to)) || hasSkippedFolder(to)) {
      return fail('invalid-argument', 'The new name must be a .md or .markdown file outside hidden folders.');
    }
    if (from === to) return ok({ path: to });
    const source = await readTextFile(root, from);
    if (!source.ok) return source;
    const file = source.value;
    if (!file.editable || file.hash === null) return fail('not-editable', `${JSON.stringify(from)} is not an editable text file; rename it outside Folio.`);

    let text = file.text;
    const doc = parseFrontMatterDocument(text);
    const oldSlug = slugFromFileName(from);
    const newSlug = slugFromFileName(to);
    if (doc.editable && doc.getValue('slug') === oldSlug && oldSlug !== newSlug) {
      // The slug followed the file name, so it follows the new one (format-preserving span edit).
      const edited = editFrontMatter(text, { kind: 'set', path: 'slug', value: newSlug });
      if (edited.ok) text = edited.value;
    }

    const made = await this.makeFolder(root, dirnameOf(to));
    if (!made.ok) return made;
    this.workspace.expectOwnWrite(to, text);
    // Created as a new file (never over an existing one), then the old name is removed.
    const written = await writeTextFileAtomic({ root, relPath: to, text, expectedHash: null });
    if (!written.ok) {
      return written.error.code === 'conflict' ? fail('conflict', `${JSON.stringify(to)} already exists; nothing was renamed.`) : written;
    }
    const removed = await this.removeIfUnchanged(root, from, file.hash);
    if (!removed.ok) {
      await this.removeQuietly(root, to);
      return removed;
    }
    await this.workspace.publishOwnChanges([
      { path: from, kind: 'unlink' },
      { path: to, kind: 'add' },
    ]);
    return ok({ path: to });
  }

  /** Deletes an item to the system trash (or `.folio/trash`); the id undoes it. */
  async delete(relPath: string): Promise<Result<TrashedItemDto>> {
    const root = this.root();
    if (!root.ok) return root;
    if (relPath.startsWith('.folio/')) return fail('path-refused', 'Folio does not delete its own files.');
    const trashed = await this.trashStore.trash(root.value, relPath);
    if (!trashed.ok) return trashed;
    await this.workspace.publishOwnChanges([{ path: relPath, kind: 'unlink' }]);
    return ok({ trashId: trashed.value });
  }

  /** Undoes a delete; refuses when the name was taken meanwhile. */
  async restore(trashId: string): Promise<Result<ItemPathDto>> {
    const root = this.root();
    if (!root.ok) return root;
    const restored = await this.trashStore.restore(root.value, trashId);
    if (!restored.ok) return restored;
    await this.workspace.publishOwnChanges([{ path: restored.value, kind: 'add' }]);
    return ok({ path: restored.value });
  }

  /** Each file's unified diff for a bulk edit; nothing is written. */
  async previewBulk(paths: readonly string[], edit: BulkEditDto): Promise<Result<readonly BulkPreviewFileDto[]>> {
    const root = this.root();
    if (!root.ok) return root;
    const results: BulkPreviewFileDto[] = [];
    for (const relPath of unique(paths)) {
      const outcome = await editFileFrontMatter({ root: root.value, relPath, edit: toFieldEdit(edit), dryRun: true });
      if (outcome.kind === 'failed') results.push({ path: relPath, status: 'error', diff: '', message: outcome.reason });
      else if (outcome.kind === 'unchanged') results.push({ path: relPath, status: 'unchanged', diff: '', hash: outcome.hash });
      else {
        const diff = createTwoFilesPatch(`a/${relPath}`, `b/${relPath}`, outcome.before, outcome.after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
        results.push({ path: relPath, status: 'change', diff, hash: outcome.hash });
      }
    }
    return ok(results);
  }

  /** Applies a bulk edit file by file, each atomically against its preview-time hash; one summary. */
  async applyBulk(request: BulkEditRequest): Promise<Result<BulkApplySummaryDto>> {
    const root = this.root();
    if (!root.ok) return root;
    let changed = 0;
    let unchanged = 0;
    const failed: { path: string; message: string }[] = [];
    const published: WorkspaceChange[] = [];
    for (const relPath of unique(request.paths)) {
      const outcome = await editFileFrontMatter({
        root: root.value,
        relPath,
        edit: toFieldEdit(request.edit),
        dryRun: false,
        expectedHash: request.baseHashes?.[relPath] ?? null,
        beforeWrite: (p, text) => this.workspace.expectOwnWrite(p, text),
      });
      if (outcome.kind === 'failed') failed.push({ path: relPath, message: outcome.reason });
      else if (outcome.kind === 'unchanged') unchanged++;
      else {
        changed++;
        published.push({ path: relPath, kind: 'change' });
      }
    }
    if (published.length > 0) await this.workspace.publishOwnChanges(published);
    return ok({ changed, unchanged, failed });
  }

  /** A date of the folder, to copy its format: a sibling item's, else the template's, else any item's. */
  private sampleDate(used: readonly { readonly path: string; readonly values: readonly unknown[] }[], folder: string, templateText: string): string | null {
    const dateOf = (item: { readonly values: readonly unknown[] }): string | null => {
      const value = item.values[0];
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value : null;
    };
    for (const item of used) if (dirnameOf(item.path) === folder && dateOf(item) !== null) return dateOf(item);
    const fromTemplate = parseFrontMatterDocument(templateText).getValue('date');
    if (typeof fromTemplate === 'string' && /^\d{4}-\d{2}-\d{2}/.test(fromTemplate)) return fromTemplate;
    for (const item of used) if (dateOf(item) !== null) return dateOf(item);
    return null;
  }

  private async makeFolder(root: string, folder: string): Promise<Result<null>> {
    if (folder === '') return ok(null);
    const resolved = await resolveWorkspacePath(root, folder);
    if (!resolved.ok) return resolved;
    try {
      await mkdir(resolved.value.absPath, { recursive: true });
    } catch (error) {
      return fsFailure(error, 'save', folder);
    }
    return ok(null);
  }

  /** Removes `relPath` only while it still holds the bytes that were read. */
  private async removeIfUnchanged(root: string, relPath: string, hash: string): Promise<Result<null>> {
    const again = await readTextFile(root, relPath);
    if (!again.ok) return again;
    if (again.value.hash !== hash) return fail('conflict', `${JSON.stringify(relPath)} changed on disk while it was being renamed; nothing was renamed.`);
    const resolved = await resolveWorkspacePath(root, relPath);
    if (!resolved.ok) return resolved;
    const { parentReal, absPath } = resolved.value;
    if (parentReal === null) return fail('not-found', `${JSON.stringify(relPath)} does not exist.`);
    try {
      await unlink(path.join(parentReal, path.basename(absPath)));
    } catch (error) {
      return fsFailure(error, 'save', relPath);
    }
    return ok(null);
  }

  private async removeQuietly(root: string, relPath: string): Promise<void> {
    const resolved = await resolveWorkspacePath(root, relPath);
    if (resolved.ok && resolved.value.parentReal !== null) {
      await unlink(path.join(resolved.value.parentReal, path.basename(resolved.value.absPath))).catch(() => undefined);
    }
  }
}

function toFieldEdit(edit: BulkEditDto): BulkFieldEdit {
  return edit.kind === 'delete-key' ? { kind: 'delete-key', path: edit.path } : { kind: edit.kind, path: edit.path, value: edit.value };
}

function unique(paths: readonly string[]): string[] {
  return [...new Set(paths)];
}

async function exists(root: string, relPath: string): Promise<boolean> {
  const resolved = await resolveWorkspacePath(root, relPath);
  if (!resolved.ok) return false;
  try {
    await lstat(resolved.value.absPath);
    return true;
  } catch (error) {
    return fsErrorCode(error) !== 'ENOENT';
  }
}
