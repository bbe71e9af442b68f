import { lstat, readdir, realpath, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/lib/result';
import { fsErrorCode } from './describe-fs-error';
import { isFolioTempFile } from './is-folio-temp-file';

/**
 * Temp files younger than this are left alone: another Folio window or instance may be saving
 * through them right now, and a save takes far less than this even on a slow disk.
 */
export const STRAY_TEMP_MIN_AGE_MS = 10_000;

/** Folders never descended into: not content, and often huge. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** Options for `cleanStrayTempFiles`. */
export interface CleanStrayTempFilesOptions {
  /** Only files whose mtime is at least this old are removed (default `STRAY_TEMP_MIN_AGE_MS`). */
  readonly minAgeMs?: number;
  /** The current time, for tests. */
  readonly now?: number;
}

/**
 * Removes temp files left by interrupted atomic saves (`.<name>.folio-tmp-<hex>`) anywhere in the
 * workspace, on open. Symlinks are neither followed nor removed, `.git` and `node_modules` are
 * skipped, and unreadable subfolders are passed over. Returns the removed workspace-relative paths.
 */
export async function cleanStrayTempFiles(
  root: string,
  options: CleanStrayTempFilesOptions = {},
): Promise<Result<readonly string[]>> {
  const minAgeMs = options.minAgeMs ?? STRAY_TEMP_MIN_AGE_MS;
  const now = options.now ?? Date.now();
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch (error) {
    return fail('no-workspace', `The workspace folder cannot be opened (${fsErrorCode(error) ?? 'unknown error'}).`);
  }

  const removed: string[] = [];
  // An explicit stack instead of recursion: deep trees cannot overflow it, and since symlinked
  // folders are not entered there are no cycles.
  const pending: string[] = [''];
  while (pending.length > 0) {
    const relDir = pending.pop() as string;
    const absDir = relDir === '' ? rootReal : path.join(rootReal, ...relDir.split('/'));
    let entries;
    try {
      entries = await readdir(absDir, { withFileTypes: true });
    } catch (error) {
      if (relDir === '') {
        return fail('io', `Could not look for leftover temporary files (${fsErrorCode(error) ?? 'unknown error'}).`);
      }
      continue;
    }
    for (const entry of entries) {
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(rel);
        continue;
      }
      if (!entry.isFile() || !isFolioTempFile(entry.name)) continue;
      const abs = path.join(absDir, entry.name);
      try {
        // lstat again: the entry type may be stale, and a symlink must never be removed by us.
        const info = await lstat(abs);
        if (!info.isFile() || now - info.mtimeMs < minAgeMs) continue;
        await unlink(abs);
        removed.push(rel);
      } catch {
        // Vanished or not removable: it is harmless, and the next open tries again.
      }
    }
  }
  return ok(removed.sort());
}
