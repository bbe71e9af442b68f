import { lstat, open, type FileHandle } from 'node:fs/promises';
import { fail, ok, type Result } from '../../../shared/lib/result';
import {
  classifyTextBytes,
  MAX_EDITABLE_BYTES,
  PREVIEW_BYTES,
  type LineEnding,
  type TextFileMode,
  type TextLimits,
} from './classify-text-bytes';
import { fsFailure } from './describe-fs-error';
import { hashBytes } from './hash-bytes';
import { READ_NOFOLLOW_FLAGS } from './open-flags';
import { resolveWorkspacePath } from './resolve-workspace-path';

/** A workspace file as read for the editor or for a read-only view. */
export interface TextFileRead {
  readonly relPath: string;
  readonly mode: TextFileMode;
  /** True only for `text` mode files that are not symlinks: the only files a save will accept. */
  readonly editable: boolean;
  /** True when the path is a symlink (inside the folder; outside ones are refused): shown read-only. */
  readonly symlink: boolean;
  /**
   * The whole text in `text` mode, BOM included (kept so a save writes the same bytes; the front
   * matter engine skips it). In other modes a read-only preview, empty for binary files.
   */
  readonly text: string;
  /** True when `text` is only the beginning of the file. */
  readonly truncated: boolean;
  /** sha256 hex of the raw bytes, the base for a conflict-checked save; null when not fully read (large). */
  readonly hash: string | null;
  readonly size: number;
  readonly mtimeMs: number;
  readonly eol: LineEnding;
  readonly hasBom: boolean;
}

/** Limits for `readTextFile`; defaults are the exported constants. */
export interface ReadTextFileOptions extends TextLimits {
  readonly maxEditableBytes?: number;
}

/**
 * Reads a workspace file for editing or viewing, never trusting it: the path is confined, a
 * symlink leading out is refused, a file over `maxEditableBytes` is read only up to its preview
 * (so a 50 MB file returns at once), binary and non-UTF-8 files are never editable.
 */
export async function readTextFile(
  root: string,
  relPath: string,
  options: ReadTextFileOptions = {},
): Promise<Result<TextFileRead>> {
  const resolved = await resolveWorkspacePath(root, relPath);
  if (!resolved.ok) return resolved;
  const { absPath, realPath } = resolved.value;
  if (realPath === null) return fail('not-found', `${JSON.stringify(relPath)} does not exist.`);

  let symlink: boolean;
  try {
    symlink = (await lstat(absPath)).isSymbolicLink();
  } catch (error) {
    return fsFailure(error, 'open', relPath);
  }

  let handle: FileHandle | undefined;
  try {
    // realPath, not absPath: it was checked to lie inside the root, and opening it follows no link.
    handle = await open(realPath, READ_NOFOLLOW_FLAGS);
    const info = await handle.stat();
    if (info.isDirectory()) return fail('invalid-argument', `${JSON.stringify(relPath)} is a folder, not a file.`);
    if (!info.isFile()) return fail('unsupported', `${JSON.stringify(relPath)} is not a regular file.`);

    const maxEditableBytes = options.maxEditableBytes ?? MAX_EDITABLE_BYTES;
    const previewBytes = options.previewBytes ?? PREVIEW_BYTES;
    let bytes: Buffer;
    let complete: boolean;
    if (info.size > maxEditableBytes) {
      bytes = Buffer.alloc(Math.min(previewBytes, info.size));
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
      bytes = bytes.subarray(0, bytesRead);
      complete = false;
    } else {
      bytes = await handle.readFile();
      // The file may have grown between fstat and read; a grown file is judged by what was read.
      complete = bytes.length <= maxEditableBytes;
    }
    const classified = classifyTextBytes(bytes, complete, options);
    return ok({
      relPath,
      mode: classified.mode,
      editable: classified.mode === 'text' && !symlink,
      symlink,
      text: classified.text,
      truncated: classified.truncated,
      hash: complete ? hashBytes(bytes) : null,
      size: complete ? bytes.length : info.size,
      mtimeMs: info.mtimeMs,
      eol: classified.eol,
      hasBom: classified.hasBom,
    });
  } catch (error) {
    return fsFailure(error, 'open', relPath);
  } finally {
    await handle?.close();
  }
}
