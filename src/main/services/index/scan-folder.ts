import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { resolveWorkspacePath } from '../workspace/resolve-workspace-path';
import { IndexCacheWriter, readIndexCache, type CachedItem } from './index-cache';
import { readIndexEntry } from './read-index-entry';
import { isContentFileName, walkContentFiles, type WalkedFile } from './walk-content-files';

/** A batch of entries as JSON text (parsed once, by the receiver), with progress. */
export interface ScanChunk {
  readonly paths: readonly string[];
  readonly entries: readonly string[];
  readonly done: number;
  readonly total: number;
}

/** What a finished scan did: how many items, how many parsed afresh, how many from the cache. */
export interface ScanStats {
  readonly total: number;
  readonly parsed: number;
  readonly cached: number;
  readonly cacheUsed: boolean;
  readonly durationMs: number;
  readonly cancelled: boolean;
}

/** Options for `scanFolder`. */
export interface ScanFolderOptions {
  readonly cacheFile?: string;
  /** Items per chunk. Default 500. */
  readonly chunkSize?: number;
  /** A chunk is sent at least this often while items are ready (ms). Default 50. */
  readonly chunkIntervalMs?: number;
  readonly onChunk: (chunk: ScanChunk) => void;
  readonly isCancelled?: () => boolean;
}

// Files handled concurrently: enough to overlap disk reads on a cold cache with parsing.
const BATCH = 32;

/**
 * Scans a folder: walks it (no symlinks, dot-folders or node_modules), reuses cached entries whose
 * size and mtime are unchanged, reads and parses the rest, and streams the results in chunks so
 * the first rows show while the scan goes on. Writes the new cache as it goes.
 */
export async function scanFolder(root: string, options: ScanFolderOptions): Promise<ScanStats> {
  const started = performance.now();
  const chunkSize = options.chunkSize ?? 500;
  const interval = options.chunkIntervalMs ?? 50;
  const cancelled = options.isCancelled ?? (() => false);
  const cache = options.cacheFile === undefined ? null : await readIndexCache(options.cacheFile, root);
  const writer = options.cacheFile === undefined ? null : await IndexCacheWriter.create(options.cacheFile, root);

  // Walking first gives the progress bar a true total; the walk is a small part of a scan.
  const files: WalkedFile[] = [];
  for await (const file of walkContentFiles(root)) files.push(file);

  let parsed = 0;
  let cached = 0;
  let done = 0;
  let paths: string[] = [];
  let entries: string[] = [];
  // -Infinity sends the first batch at once: the first rows matter most.
  let lastSent = -Infinity;
  const send = (): void => {
    options.onChunk({ paths, entries, done, total: files.length });
    paths = [];
    entries = [];
    lastSent = performance.now();
  };

  const one = async (file: WalkedFile): Promise<void> => {
    let hit: CachedItem | undefined;
    let size = 0;
    let mtimeMs = 0;
    if (cache !== null) {
      try {
        const info = await lstat(file.absPath);
        size = info.size;
        mtimeMs = info.mtimeMs;
        hit = cache.get(file.relPath);
      } catch {
        return; // gone since the walk
      }
    }
    let json: string;
    if (hit !== undefined && hit.size === size && hit.mtimeMs === mtimeMs) {
      json = hit.json;
      cached++;
    } else {
      const entry = await readIndexEntry(file.absPath, file.relPath);
      if (entry === null) return;
      json = JSON.stringify(entry);
      size = entry.size;
      mtimeMs = entry.mtimeMs;
      parsed++;
    }
    paths.push(file.relPath);
    entries.push(json);
    await writer?.add(file.relPath, size, mtimeMs, json);
  };

  try {
    for (let i = 0; i < files.length; i += BATCH) {
      if (cancelled()) break;
      const batch = files.slice(i, i + BATCH);
      await Promise.all(batch.map(one));
      done += batch.length;
      if (paths.length >= chunkSize || performance.now() - lastSent >= interval) send();
    }
  } catch (error) {
    await writer?.abort();
    throw error;
  }
  const wasCancelled = cancelled();
  if (!wasCancelled) send();
  if (writer !== null) {
    if (wasCancelled) await writer.abort();
    else await writer.commit().catch(() => writer.abort());
  }
  return { total: files.length, parsed, cached, cacheUsed: cache !== null, durationMs: performance.now() - started, cancelled: wasCancelled };
}

/** True when a workspace-relative path can be an item: a content file outside dot-folders and node_modules. */
export function isIndexablePath(relPath: string): boolean {
  const segments = relPath.split('/');
  const name = segments[segments.length - 1] ?? '';
  return isContentFileName(name) && segments.every((s) => s !== '' && s !== '..' && !s.startsWith('.') && s !== 'node_modules');
}

/**
 * Re-reads the given paths for an incremental update. A path that is gone, not indexable, or
 * reached through a symlink yields null (a removal), so a link can never pull an outside file in.
 */
export async function readIndexEntries(root: string, relPaths: readonly string[]): Promise<{ path: string; json: string | null }[]> {
  return Promise.all(
    relPaths.map(async (relPath) => {
      if (!isIndexablePath(relPath)) return { path: relPath, json: null };
      const resolved = await resolveWorkspacePath(root, relPath);
      if (!resolved.ok || resolved.value.realPath === null) return { path: relPath, json: null };
      const expected = path.join(resolved.value.rootReal, ...relPath.split('/'));
      if (resolved.value.realPath !== expected) return { path: relPath, json: null };
      const entry = await readIndexEntry(expected, relPath);
      return { path: relPath, json: entry === null ? null : JSON.stringify(entry) };
    }),
  );
}
