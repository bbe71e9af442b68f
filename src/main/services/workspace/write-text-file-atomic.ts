import { constants } from 'node:fs';
import { access, link, lstat, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/lib/result';
import { classifyTextBytes, MAX_EDITABLE_BYTES, type TextFileMode } from './classify-text-bytes';
import { fsErrorCode, fsFailure } from './describe-fs-error';
import { hashBytes, isContentHash } from './hash-bytes';
import { makeFolioTempName } from './is-folio-temp-file';
import { CREATE_EXCLUSIVE_FLAGS, READ_NOFOLLOW_FLAGS } from './open-flags';
import { resolveWorkspacePath } from './resolve-workspace-path';

/** A save request: the new text and the hash of the bytes the edit started from. */
export interface WriteTextFileInput {
  readonly root: string;
  readonly relPath: string;
  readonly text: string;
  /** sha256 hex of the bytes the edit was based on, or null for "create; must not exist yet". */
  readonly expectedHash: string | null;
  /**
   * Runs once the new bytes are in place under the target name (after the rename), alongside the
   * folder's fsync; the write resolves when both are done. For work that needs the new file
   * visible but not yet durable, such as updating the index (see `replaceChecked`). Its failure
   * does not fail the write: the file is written either way.
   */
  readonly onReplaced?: (file: WriteTextFileOutcome, bytes: Buffer) => Promise<unknown>;
}

/** The file as written. `written` is false when the text already matched the disk byte for byte. */
export interface WriteTextFileOutcome {
  readonly relPath: string;
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly written: boolean;
}

/** `detail` of a `conflict` failure: what is on disk now, for the merge view. */
export interface WriteConflictDetail {
  /** The disk text when it is editable text; null when deleted, binary, non-UTF-8 or too large. */
  readonly diskText: string | null;
  readonly diskHash: string | null;
  readonly diskMode: TextFileMode | 'missing';
}

/**
 * The file-system steps of an atomic save, injectable so tests can make them fail the way a full
 * or read-only disk does (tests run as root, where chmod cannot provoke EACCES).
 */
export interface AtomicWriteOps {
  /** Creates `tempPath` exclusively, writes all of `data`, applies `mode` (if not null) and fsyncs. */
  writeTempFile(tempPath: string, data: Uint8Array, mode: number | null): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Hard-links `existing` as `newPath`, failing with EEXIST if it exists: an atomic create-if-absent. */
  link(existing: string, newPath: string): Promise<void>;
  unlink(target: string): Promise<void>;
  /** fsyncs a folder so the rename itself survives a power cut. */
  syncDirectory(dirPath: string): Promise<void>;
}

/** Options for `writeTextFileAtomic`. */
export interface WriteTextFileOptions {
  /** Replaces some file-system steps, for fault-injection tests. */
  readonly ops?: Partial<AtomicWriteOps>;
}


/** The real file-system steps used by `writeTextFileAtomic`. */
export const nodeAtomicWriteOps: AtomicWriteOps = {
  async writeTempFile(tempPath, data, mode) {
    const handle = await open(tempPath, CREATE_EXCLUSIVE_FLAGS, mode ?? 0o666);
    try {
      // open()'s mode is filtered by the umask; chmod restores the original file's exact mode.
      if (mode !== null) await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => rename(from, to),
  link: (existing, newPath) => link(existing, newPath),
  unlink: (target) => unlink(target),
  async syncDirectory(dirPath) {
    const handle = await open(dirPath, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

// Saves to one file are serialised within this process, so two windows saving the same document
// with the same base hash cannot both pass the check (threats row 25). Across processes the short
// window described on writeTextFileAtomic remains.
const fileLocks = new Map<string, Promise<unknown>>();

async function withFileLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = fileLocks.get(key) ?? Promise.resolve();
  const current = previous.then(task, task);
  const settled = current.then(
    () => undefined,
    () => undefined,
  );
  fileLocks.set(key, settled);
  try {
    return await current;
  } finally {
    if (fileLocks.get(key) === settled) fileLocks.delete(key);
  }
}

type DiskState =
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'present';
      readonly hash: string | null;
      readonly mode: TextFileMode;
      readonly text: string | null;
      readonly permissions: number;
    };

async function readDiskState(target: string): Promise<DiskState> {
  let handle: FileHandle;
  try {
    handle = await open(target, READ_NOFOLLOW_FLAGS);
  } catch (error) {
    if (fsErrorCode(error) === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    const info = await handle.stat();
    const permissions = info.mode & 0o777;
    // A file over the limit cannot be the base of an edit, so it is not worth reading in full.
    if (info.size > MAX_EDITABLE_BYTES) return { kind: 'present', hash: null, mode: 'large', text: null, permissions };
    const bytes = await handle.readFile();
    const classified = classifyTextBytes(bytes, bytes.length <= MAX_EDITABLE_BYTES);
    return {
      kind: 'present',
      hash: hashBytes(bytes),
      mode: classified.mode,
      text: classified.mode === 'text' ? classified.text : null,
      permissions,
    };
  } finally {
    await handle.close();
  }
}

function conflictFailure<T>(relPath: string, disk: DiskState, expectedHash: string | null): Result<T> {
  const detail: WriteConflictDetail =
    disk.kind === 'missing'
      ? { diskText: null, diskHash: null, diskMode: 'missing' }
      : { diskText: disk.text, diskHash: disk.hash, diskMode: disk.mode };
  const name = JSON.stringify(relPath);
  let message: string;
  if (expectedHash === null) message = `A file named ${name} already exists; nothing was written.`;
  else if (disk.kind === 'missing') message = `${name} was deleted on disk after you opened it; nothing was written.`;
  else message = `${name} was changed on disk after you opened it; nothing was written.`;
  return fail('conflict', message, { ...detail });
}

function matches(disk: DiskState, expectedHash: string | null): boolean {
  return expectedHash === null ? disk.kind === 'missing' : disk.kind === 'present' && disk.hash === expectedHash;
}

// Unpaired surrogates cannot be encoded as UTF-8; Buffer.from would silently turn them into U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Saves text to a workspace file with compare-and-swap semantics, atomically.
 *
 * The disk bytes are hashed and compared with `expectedHash`; on mismatch a `conflict` carrying
 * the disk text is returned and nothing is written. Otherwise the bytes go to
 * `.<name>.folio-tmp-<hex>` in the same folder (same file system, so rename is atomic), which is
 * fsynced, given the old file's permissions, re-checked against the disk and renamed over the
 * target; the folder is then fsynced (best effort). A crash at any point leaves the old or the new
 * bytes, never a mix; a leftover temp file is removed by `cleanStrayTempFiles`. On any failure the
 * temp file is removed, the original is untouched and an `io` error names the cause.
 *
 * Creating (`expectedHash` null) uses link(2), which fails if the name appeared meanwhile, so a
 * create never overwrites. Replacing has an inherent race: another process may write between the
 * final hash check and rename(2). The check is repeated after the slow temp write and fsync, right
 * before the rename, so the window is one read plus one syscall; within this process saves to the
 * same file are also serialised.
 *
 * Symlinks are never written through, even ones that stay inside the folder: replacing the link
 * with a file would silently detach it, and following it would edit a file the user did not open.
 * Rename also gives the file a new inode: hard links to it are detached, and ownership, extended
 * attributes and ACLs are not carried over (permission bits are).
 */
export async function writeTextFileAtomic(
  input: WriteTextFileInput,
  options: WriteTextFileOptions = {},
): Promise<Result<WriteTextFileOutcome>> {
  const { root, relPath, text, expectedHash, onReplaced } = input;
  if (typeof text !== 'string') return fail('invalid-argument', 'The text to save is not a string.');
  if (expectedHash !== null && !isContentHash(expectedHash)) {
    return fail('invalid-argument', 'The base version of the document is not a valid content hash.');
  }
  if (LONE_SURROGATE.test(text)) {
    return fail('invalid-argument', 'The text contains an invalid character (an unpaired surrogate) and cannot be saved as UTF-8.');
  }
  const resolved = await resolveWorkspacePath(root, relPath);
  if (!resolved.ok) return resolved;
  const { parentReal, absPath } = resolved.value;
  const name = JSON.stringify(relPath);
  if (parentReal === null) return fail('not-found', `The folder for ${name} does not exist.`);
  const target = path.join(parentReal, path.basename(absPath));

  try {
    const info = await lstat(target);
    if (info.isSymbolicLink()) {
      return fail('not-editable', `${name} is a symbolic link; Folio does not save through links. Open the file it points to instead.`);
    }
    if (info.isDirectory()) return fail('invalid-argument', `${name} is a folder, not a file.`);
    if (!info.isFile()) return fail('unsupported', `${name} is not a regular file.`);
  } catch (error) {
    if (fsErrorCode(error) !== 'ENOENT') return fsFailure(error, 'save', relPath);
  }

  const ops: AtomicWriteOps = { ...nodeAtomicWriteOps, ...options.ops };
  const bytes = Buffer.from(text, 'utf8');
  return withFileLock(target, () => replaceChecked(ops, target, parentReal, relPath, bytes, expectedHash, onReplaced));
}

async function replaceChecked(
  ops: AtomicWriteOps,
  target: string,
  dir: string,
  relPath: string,
  bytes: Buffer,
  expectedHash: string | null,
  onReplaced: WriteTextFileInput['onReplaced'],
): Promise<Result<WriteTextFileOutcome>> {
  const name = JSON.stringify(relPath);
  let disk: DiskState;
  try {
    disk = await readDiskState(target);
  } catch (error) {
    if (fsErrorCode(error) === 'ELOOP') return fail('not-editable', `${name} is a symbolic link; Folio does not save through links.`);
    return fsFailure(error, 'save', relPath);
  }
  if (!matches(disk, expectedHash)) return conflictFailure(relPath, disk, expectedHash);
  if (disk.kind === 'present' && disk.mode !== 'text') {
    return fail('not-editable', `${name} is not an editable text file (${disk.mode}); it was not written.`);
  }
  const newHash = hashBytes(bytes);
  if (disk.kind === 'present' && disk.hash === newHash) {
    // Nothing to change: skipping the write keeps mtime and spares the watcher an event.
    return finish(target, relPath, newHash, false);
  }
  if (disk.kind === 'present') {
    // Respect a read-only file even where the folder would let rename replace it.
    try {
      await access(target, constants.W_OK);
    } catch (error) {
      return fsFailure(error, 'save', relPath);
    }
  }

  const tempPath = path.join(dir, makeFolioTempName(path.basename(target)));
  try {
    await ops.writeTempFile(tempPath, bytes, disk.kind === 'present' ? disk.permissions : null);
    // Re-check after the slow write and fsync, so the race window is as small as it can be.
    const again = await readDiskState(target);
    if (!matches(again, expectedHash)) {
      await removeQuietly(ops, tempPath);
      return conflictFailure(relPath, again, expectedHash);
    }
    if (expectedHash === null) {
      const created = await createFromTemp(ops, tempPath, target);
      if (!created) {
        await removeQuietly(ops, tempPath);
        return conflictFailure(relPath, await readDiskState(target), null);
      }
    } else {
      await ops.rename(tempPath, target);
    }
  } catch (error) {
    await removeQuietly(ops, tempPath);
    return fsFailure(error, 'save', relPath);
  }
  // The file under the target name is now whole, old or new, whatever happens next: the temp
  // file was fsynced before the rename. What remains is the rename's own durability, which the
  // folder's fsync gives. It stays before the answer, because the answer lets the renderer drop
  // the edit's crash-recovery draft: answering first would leave a moment where a power cut brings
  // back the old file with no draft left. Meanwhile `onReplaced` (the index taking the save in)
  // runs: it only needs the new bytes visible, and both take a few ms, so the save waits for the
  // longer of the two instead of their sum. The stat comes first so that work gets size and mtime.
  const replaced = await finish(target, relPath, newHash, true);
  const synced = syncDirectoryQuietly(ops, dir);
  if (replaced.ok && onReplaced !== undefined) await Promise.all([synced, onReplaced(replaced.value, bytes).catch(() => undefined)]);
  else await synced;
  return replaced;
}

async function syncDirectoryQuietly(ops: AtomicWriteOps, dir: string): Promise<void> {
  try {
    await ops.syncDirectory(dir);
  } catch {
    // Best effort: some platforms (Windows) and file systems cannot fsync a folder; the data
    // itself is already on disk, only the rename's durability across a power cut is weaker.
  }
}

/** Publishes the temp file under the target name only if that name is still free. */
async function createFromTemp(ops: AtomicWriteOps, tempPath: string, target: string): Promise<boolean> {
  try {
    await ops.link(tempPath, target);
  } catch (error) {
    const errno = fsErrorCode(error);
    if (errno === 'EEXIST') return false;
    // File systems without hard links (FAT, some network shares): fall back to a checked rename.
    if (errno !== 'EPERM' && errno !== 'ENOTSUP' && errno !== 'EOPNOTSUPP' && errno !== 'ENOSYS' && errno !== 'EXDEV') throw error;
    if ((await readDiskState(target)).kind !== 'missing') return false;
    await ops.rename(tempPath, target);
    return true;
  }
  await removeQuietly(ops, tempPath);
  return true;
}

async function removeQuietly(ops: AtomicWriteOps, target: string): Promise<void> {
  try {
    await ops.unlink(target);
  } catch {
    // Already gone, or undeletable right now: cleanStrayTempFiles removes it on the next open.
  }
}

async function finish(
  target: string,
  relPath: string,
  hash: string,
  written: boolean,
): Promise<Result<WriteTextFileOutcome>> {
  try {
    const info = await stat(target);
    return ok({ relPath, hash, size: info.size, mtimeMs: info.mtimeMs, written });
  } catch (error) {
    return fsFailure(error, 'save', relPath);
  }
}
