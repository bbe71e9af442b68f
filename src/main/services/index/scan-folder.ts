import { lstatSync } from 'node:fs';
import path from 'node:path';
import { resolveWorkspacePath } from '../workspace/resolve-workspace-path';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { IndexCacheWriter, readIndexCache, type CachedItem, type IndexCache } from './index-cache';
import { isIndexEntry } from './is-index-entry';
import { readIndexEntry } from './read-index-entry';
import { isContentFileName, walkContentFiles, type WalkedFile } from './walk-content-files';

/**
 * A batch of entries, with progress. `stubs` are items listed from the cache before their entry is
 * parsed (path, size and mtime only): their full entries follow in later chunks.
 */
export interface ScanChunk {
  readonly entries: readonly IndexEntry[];
  readonly stubs: readonly IndexEntry[];
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
  /** When every item was listed (ms from the start); full entries from the cache may still be loading. */
  readonly listedMs?: number;
}

/** Options for `scanFolder`. */
export interface ScanFolderOptions {
  readonly cacheFile?: string;
  /** Items per chunk. Default 500. */
  readonly chunkSize?: number;
  /** A chunk is sent at least this often while items are ready (ms). Default 50. */
  readonly chunkIntervalMs?: number;
  readonly onChunk: (chunk: ScanChunk) => void;
  /**
   * While stubs are out, a synchronous reader of one stub's full entry from the cache (for the
   * rows on screen); null once the scan is over.
   */
  readonly onStubLoader?: (load: ((relPath: string) => IndexEntry | null) | null) => void;
  readonly isCancelled?: () => boolean;
}

// Files handled concurrently: enough to overlap disk reads on a cold cache with parsing.
const BATCH = 32;
// Cached entries parsed per step of a reopen's background load, between which queries are answered.
const LOAD_BATCH = 256;

const yieldToQueries = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function stubOf(relPath: string, size: number, mtimeMs: number): IndexEntry {
  return { path: relPath, size, mtimeMs, hash: null, mode: 'text', frontmatter: null, problems: [], problemCounts: { error: 0, warning: 0, info: 0 }, text: { title: '', description: '', body: '' } };
}

/**
 * Scans a folder: walks it (no symlinks, dot-folders or node_modules), reads and parses the files
 * the cache does not hold with the same size and mtime, and streams the results in chunks so the
 * first rows show while the scan goes on. With a cache, every unchanged item is listed first as a
 * stub (no parse), then the cached entries are parsed in the background, in steps. The cache is
 * rewritten as the scan goes, or not at all when nothing changed.
 */
export async function scanFolder(root: string, options: ScanFolderOptions): Promise<ScanStats> {
  const started = performance.now();
  const chunkSize = options.chunkSize ?? 500;
  const interval = options.chunkIntervalMs ?? 50;
  const cancelled = options.isCancelled ?? (() => false);
  const cache = options.cacheFile === undefined ? null : await readIndexCache(options.cacheFile, root);
  try {
    return await scanWith(root, options, cache, { started, chunkSize, interval, cancelled });
  } finally {
    options.onStubLoader?.(null);
    cache?.close();
  }
}

async function scanWith(
  root: string,
  options: ScanFolderOptions,
  cache: IndexCache | null,
  tuning: { started: number; chunkSize: number; interval: number; cancelled: () => boolean },
): Promise<ScanStats> {
  const { started, chunkSize, interval, cancelled } = tuning;
  // Without a cache every item is new: write as we go. With one, decide once we know whether anything changed.
  let writer = options.cacheFile === undefined || cache !== null ? null : await IndexCacheWriter.create(options.cacheFile, root);

  // Walking first gives the progress bar a true total; the walk is a small part of a scan.
  const files: WalkedFile[] = [];
  for await (const file of walkContentFiles(root)) files.push(file);

  let parsed = 0;
  let cached = 0;
  let done = 0;
  let entries: IndexEntry[] = [];
  let stubs: IndexEntry[] = [];
  // -Infinity sends the first batch at once: the first rows matter most.
  let lastSent = -Infinity;
  const send = (): void => {
    options.onChunk({ entries, stubs, done, total: files.length });
    entries = [];
    stubs = [];
    lastSent = performance.now();
  };
  const due = (): boolean => entries.length + stubs.length >= chunkSize || performance.now() - lastSent >= interval;

  // Per walked file: the cache item when unchanged, the fresh entry's JSON when read (kept only until the cache is written).
  const hits = new Map<string, CachedItem>();
  const fresh = new Map<string, { size: number; mtimeMs: number; json: string }>();

  const one = async (file: WalkedFile): Promise<void> => {
    const item = cache?.items.get(file.relPath);
    if (item !== undefined) {
      try {
        // Sync: a stat is a few microseconds, an awaited one ten times that; this runs off the main thread.
        const info = lstatSync(file.absPath);
        if (info.isFile() && info.size === item.size && info.mtimeMs === item.mtimeMs) {
          hits.set(file.relPath, item);
          stubs.push(stubOf(file.relPath, item.size, item.mtimeMs));
          return;
        }
      } catch {
        return; // gone since the walk
      }
    }
    const entry = await readIndexEntry(file.absPath, file.relPath);
    if (entry === null) return;
    const json = JSON.stringify(entry);
    parsed++;
    entries.push(entry);
    if (writer !== null) await writer.add(file.relPath, entry.size, entry.mtimeMs, json);
    else if (cache !== null) fresh.set(file.relPath, { size: entry.size, mtimeMs: entry.mtimeMs, json });
  };

  let listedMs: number | undefined;
  try {
    for (let i = 0; i < files.length; i += BATCH) {
      if (cancelled()) break;
      const batch = files.slice(i, i + BATCH);
      await Promise.all(batch.map(one));
      done += batch.length;
      if (due()) send();
    }
    if (!cancelled()) {
      send();
      listedMs = performance.now() - started;
    }
    if (cache !== null && hits.size > 0 && !cancelled()) {
      options.onStubLoader?.((relPath) => {
        const item = hits.get(relPath);
        return item === undefined ? null : parseCachedEntry(cache.readMany([item])[0] ?? null, relPath);
      });
      const changed = fresh.size > 0 || hits.size !== cache.items.size;
      if (changed && options.cacheFile !== undefined) writer = await IndexCacheWriter.create(options.cacheFile, root);
      for (let i = 0; i < files.length && !cancelled(); i += LOAD_BATCH) {
        const batch = files.slice(i, i + LOAD_BATCH);
        const wanted = batch.filter((f) => hits.has(f.relPath));
        const texts = cache.readMany(wanted.map((f) => hits.get(f.relPath) as CachedItem));
        let next = 0;
        for (const file of batch) {
          const item = hits.get(file.relPath);
          let record = fresh.get(file.relPath);
          if (item !== undefined) {
            const json = texts[next++] ?? null;
            let entry = parseCachedEntry(json, file.relPath);
            if (entry !== null) {
              cached++;
              record = { size: item.size, mtimeMs: item.mtimeMs, json: json as string };
            } else {
              // A damaged cached entry is read again from disk rather than dropped.
              entry = await readIndexEntry(file.absPath, file.relPath);
              if (entry === null) continue;
              parsed++;
              record = { size: entry.size, mtimeMs: entry.mtimeMs, json: JSON.stringify(entry) };
              writer ??= options.cacheFile === undefined ? null : await IndexCacheWriter.create(options.cacheFile, root);
            }
            entries.push(entry);
          }
          if (record !== undefined && writer !== null) await writer.add(file.relPath, record.size, record.mtimeMs, record.json);
        }
        send();
        await yieldToQueries();
      }
    }
  } catch (error) {
    await writer?.abort();
    throw error;
  }
  const wasCancelled = cancelled();
  if (writer !== null) {
    if (wasCancelled) await writer.abort();
    else {
      const open = writer;
      await open.commit().catch(() => open.abort());
    }
  }
  return {
    total: files.length,
    parsed,
    cached,
    cacheUsed: cache !== null,
    durationMs: performance.now() - started,
    cancelled: wasCancelled,
    ...(listedMs === undefined ? {} : { listedMs }),
  };
}

function parseCachedEntry(json: string | null, relPath: string): IndexEntry | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return isIndexEntry(value, relPath) ? value : null;
  } catch {
    return null;
  }
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
export async function readIndexEntries(root: string, relPaths: readonly string[]): Promise<{ path: string; entry: IndexEntry | null }[]> {
  return Promise.all(
    relPaths.map(async (relPath) => {
      if (!isIndexablePath(relPath)) return { path: relPath, entry: null };
      const resolved = await resolveWorkspacePath(root, relPath);
      if (!resolved.ok || resolved.value.realPath === null) return { path: relPath, entry: null };
      const expected = path.join(resolved.value.rootReal, ...relPath.split('/'));
      if (resolved.value.realPath !== expected) return { path: relPath, entry: null };
      return { path: relPath, entry: await readIndexEntry(expected, relPath) };
    }),
  );
}
