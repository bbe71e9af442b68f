import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, readdir, readFile, rename, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/lib/result';
import { fsErrorCode, fsFailure } from '../workspace/describe-fs-error';
import { CREATE_EXCLUSIVE_FLAGS } from '../workspace/open-flags';
import { resolveWorkspacePath } from '../workspace';

/** The folder (workspace-relative) where the web host, or a shell without a system trash, keeps deleted items. */
export const FOLDER_TRASH = '.folio/trash';

const TRASH_ID = /^\d{13}-[0-9a-f]{12}$/;

/** Undo copies kept for items sent to the system trash (which cannot be restored from by API). */
const MAX_MEMORY_UNDO = 50;

/** Moves a file to the system trash; undefined when the shell has none (web host, tests). */
export type SystemTrash = ((absPath: string) => Promise<void>) | undefined;

/** What a deleted item left behind, to undo it. */
interface MemoryEntry {
  readonly relPath: string;
  readonly bytes: Buffer;
}

/**
 * Deleting and restoring items, undoably. With a system trash (Electron) the file goes there and
 * its bytes are kept in memory for this session's Undo; otherwise it is moved to
 * `.folio/trash/<id>/<its relative path>`, from where `restore` moves it back. Restoring never
 * overwrites a file that took the name meanwhile.
 */
export class TrashStore {
  private readonly memory = new Map<string, MemoryEntry>();

  constructor(private readonly systemTrash: SystemTrash) {}

  /** Deletes `relPath` (a file, confined to `root`) and returns the id that restores it. */
  async trash(root: string, relPath: string): Promise<Result<string>> {
    const resolved = await resolveWorkspacePath(root, relPath);
    if (!resolved.ok) return resolved;
    const { parentReal, absPath, realPath } = resolved.value;
    if (parentReal === null || realPath === null) return fail('not-found', `${JSON.stringify(relPath)} does not exist.`);
    // The name inside its real folder: a link is deleted as a link, never its target.
    const target = path.join(parentReal, path.basename(absPath));
    let isLink: boolean;
    try {
      const info = await lstat(target);
      if (!info.isFile() && !info.isSymbolicLink()) return fail('invalid-argument', `${JSON.stringify(relPath)} is not a file.`);
      isLink = info.isSymbolicLink();
    } catch (error) {
      return fsFailure(error, 'open', relPath);
    }
    const id = `${Date.now()}-${randomBytes(6).toString('hex')}`;
    if (this.systemTrash !== undefined && !isLink) {
      try {
        const bytes = await readFile(target);
        await this.systemTrash(target);
        this.remember(id, { relPath, bytes });
        return ok(id);
      } catch {
        // No usable system trash here (headless Linux, a network share): use the folder instead.
      }
    }
    return this.moveToFolderTrash(root, relPath, target, id);
  }

  /** Puts a trashed item back where it was; returns its path. */
  async restore(root: string, id: string): Promise<Result<string>> {
    if (!TRASH_ID.test(id)) return fail('invalid-argument', 'That is not a trash id.');
    const entry = this.memory.get(id);
    if (entry !== undefined) {
      const written = await this.createFile(root, entry.relPath, entry.bytes);
      if (written.ok) this.memory.delete(id);
      return written.ok ? ok(entry.relPath) : written;
    }
    return this.restoreFromFolder(root, id);
  }

  private remember(id: string, entry: MemoryEntry): void {
    this.memory.set(id, entry);
    for (const key of this.memory.keys()) {
      if (this.memory.size <= MAX_MEMORY_UNDO) break;
      this.memory.delete(key);
    }
  }

  private async moveToFolderTrash(root: string, relPath: string, target: string, id: string): Promise<Result<string>> {
    const destination = await resolveWorkspacePath(root, `${FOLDER_TRASH}/${id}/${relPath}`);
    if (!destination.ok) return destination;
    try {
      await mkdir(path.dirname(destination.value.absPath), { recursive: true });
      await rename(target, destination.value.absPath);
    } catch (error) {
      return fsFailure(error, 'save', relPath);
    }
    return ok(id);
  }

  private async restoreFromFolder(root: string, id: string): Promise<Result<string>> {
    const folder = await resolveWorkspacePath(root, `${FOLDER_TRASH}/${id}`);
    if (!folder.ok) return folder;
    if (folder.value.realPath === null) return fail('not-found', 'That item is no longer in the trash.');
    const found = await findOnlyFile(folder.value.realPath);
    if (found === null) return fail('not-found', 'That item is no longer in the trash.');
    const relPath = path.relative(folder.value.realPath, found).split(path.sep).join('/');
    const destination = await resolveWorkspacePath(root, relPath);
    if (!destination.ok) return destination;
    try {
      await mkdir(path.dirname(destination.value.absPath), { recursive: true });
      // link(2) fails if the name was taken meanwhile, so a restore never overwrites.
      await linkOrRename(found, destination.value.absPath);
    } catch (error) {
      if (fsErrorCode(error) === 'EEXIST') return fail('conflict', `A file named ${JSON.stringify(relPath)} exists again; the deleted item was not restored over it.`);
      return fsFailure(error, 'save', relPath);
    }
    await removeEmptyFolders(folder.value.realPath);
    return ok(relPath);
  }

  private async createFile(root: string, relPath: string, bytes: Buffer): Promise<Result<null>> {
    const resolved = await resolveWorkspacePath(root, relPath);
    if (!resolved.ok) return resolved;
    try {
      await mkdir(path.dirname(resolved.value.absPath), { recursive: true });
      const handle = await open(resolved.value.absPath, CREATE_EXCLUSIVE_FLAGS, 0o666);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (fsErrorCode(error) === 'EEXIST') return fail('conflict', `A file named ${JSON.stringify(relPath)} exists again; the deleted item was not restored over it.`);
      return fsFailure(error, 'save', relPath);
    }
    return ok(null);
  }
}

/** The single file under `folder` (a trash entry holds exactly one), or null. */
async function findOnlyFile(folder: string): Promise<string | null> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isFile() || entry.isSymbolicLink()) return full;
    if (entry.isDirectory()) {
      const inner = await findOnlyFile(full);
      if (inner !== null) return inner;
    }
  }
  return null;
}

/** Removes the now empty folders of a restored trash entry, the entry's own folder included. */
async function removeEmptyFolders(folder: string): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isDirectory()) await removeEmptyFolders(path.join(folder, entry.name));
  await rmdir(folder).catch(() => undefined);
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Moves `from` to `to` only if `to` is free (EEXIST otherwise). */
async function linkOrRename(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    // File systems without hard links (FAT, some shares): a checked rename, with a tiny race.
    if (!NO_HARD_LINKS.has(fsErrorCode(error) ?? '')) throw error;
    const taken = await lstat(to).then(
      () => true,
      () => false,
    );
    if (taken) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await rename(from, to);
    return;
  }
  await unlink(from);
}
