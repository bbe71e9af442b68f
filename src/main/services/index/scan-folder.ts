import { lstatSync } from 'node:fs';
import path from 'node:path';
import { resolveWorkspacePath } from '../workspace/resolve-workspace-path';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { IndexCacheWriter, readIndexCache, type CachedItem, type IndexCache } from './index-cache';
import { readIndexEntry } from './read-index-entry';
import { AdaptiveScanReader } from './adaptive-scan-reader';
import { ScanHelper } from './scan-helper';
import { prepareEntry, toIndexEntry, type PreparedEntry } from '../list/prepared-entry';
import { decodeCachedEntry, encodeCachedEntry } from './cached-entry';
import { isContentFileName, walkContentFiles, type WalkedFile } from './walk-content-files';

/**
 * A batch of entries, with progress. `stubs` are items listed from the cache before their entry is
 * parsed (path, size and mtime only): their full entries follow in later chunks.
 */
export interface ScanChunk {
  /** Freshly parsed entries come readied for the list (see `PreparedEntry`); cached ones plain. */
  readonly entries: readonly (IndexEntry | PreparedEntry)[];
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
  /** Files read and parsed by a helper worker (see `ScanFolderOptions.parallelMinFiles`). */
  readonly helped?: number;
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
  /**
   * The index worker's entry, which a helper worker runs to share the parsing (see `ScanHelper`);
   * without it the scan runs on this thread alone. Passed in rather than found from here: bundled,
   * this module lands in a shared chunk in another folder than the entry.
   */
  readonly helperEntry?: URL | null;
  /** Files to parse from which a helper worker shares the parsing. Default 1000. */
  readonly parallelMinFiles?: number;
  /** Start reading only once the helper is up (or failed to start), so it surely takes part: for tests. */
  readonly waitForHelper?: boolean;
}

interface ParseBatch {
  readonly seq: number;
  readonly files: readonly WalkedFile[];
}

// Files per batch this thread parses between answering queries (and the helper's batches).
const BATCH = 32;
// Files per batch sent to a scan helper: small, so the scan's end waits little for its last answers.
const HELPER_BATCH = 32;
// Files to parse from which a scan starts a helper worker (see `ScanFolderOptions.parallelMinFiles`).
const PARALLEL_MIN_FILES = 1000;
// Cached entries parsed per step of a reopen's background load, between which queries are answered.
const LOAD_BATCH = 256;

const yieldToQueries = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function stubOf(relPath: string, size: number, mtimeMs: number): IndexEntry {
  return {
    path: relPath,
    size,
    mtimeMs,
    hash: null,
    mode: 'text',
    frontmatter: null,
    problems: [],
    problemCounts: { error: 0, warning: 0, info: 0 },
    text: { title: '', description: '', body: '' },
  };
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
  let entries: (IndexEntry | PreparedEntry)[] = [];
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

  // Per walked file: the cache item when unchanged, the fresh entry when read (kept only until the cache is written).
  const hits = new Map<string, CachedItem>();
  const fresh = new Map<string, PreparedEntry>();

  /** True (and listed as a stub) when the cache holds the file unchanged; also true when it is gone since the walk. */
  const fromCache = (file: WalkedFile): boolean => {
    const item = cache?.items.get(file.relPath);
    if (item === undefined) return false;
    try {
      // Sync: a stat is a few microseconds, an awaited one ten times that; this runs off the main thread.
      const info = lstatSync(file.absPath);
      if (!info.isFile() || info.size !== item.size || info.mtimeMs !== item.mtimeMs) return false;
      hits.set(file.relPath, item);
      stubs.push(stubOf(file.relPath, item.size, item.mtimeMs));
    } catch {
      // gone since the walk
    }
    return true;
  };

  // Files to parse go out in numbered batches, in walk order, to this thread and to a helper; the
  // cache is written in batch order whatever order they come back in, so it stays in walk order
  // (a reopen reads the entries of a stretch of files with one read).
  let cursor = 0;
  let nextBatch = 0;
  const takeBatch = (size: number): ParseBatch | null => {
    if (cursor >= files.length) return null;
    const batch: WalkedFile[] = [];
    // Bounded, so a reopen that finds every file in the cache still sends its stubs in steps.
    const end = Math.min(files.length, cursor + size * 8);
    while (cursor < end && batch.length < size) {
      const file = files[cursor++] as WalkedFile;
      if (fromCache(file)) done++;
      else batch.push(file);
    }
    return { seq: nextBatch++, files: batch };
  };
  const toWrite = new Map<number, readonly (PreparedEntry | null)[]>();
  let nextWrite = 0;
  const deliver = (batch: ParseBatch, results: readonly (PreparedEntry | null)[]): void => {
    for (const entry of results) {
      if (entry === null) continue;
      parsed++;
      entries.push(entry);
      if (writer === null && cache !== null) fresh.set(entry.path, entry);
    }
    done += batch.files.length;
    if (writer !== null) toWrite.set(batch.seq, results);
  };
  const writeDelivered = async (): Promise<void> => {
    for (let results = toWrite.get(nextWrite); results !== undefined; results = toWrite.get(nextWrite)) {
      toWrite.delete(nextWrite++);
      for (const entry of results)
        if (entry !== null && writer !== null) await writer.add(entry.path, entry.size, entry.mtimeMs, encodeCachedEntry(entry, writer.layoutIndex));
    }
  };

  // Batches a dead helper left unanswered: this thread reads them.
  const orphans: ParseBatch[] = [];
  let localDone = false;
  let helped = 0;
  const helping: { helper: ScanHelper | null } = { helper: null };
  // Started once the first rows are out: a helper booting beside the walk or the first batch
  // delayed the first rows by 30-50 ms at 10,000 files, for a gain lost in the noise.
  const misses = cache === null ? files.length : files.filter((f) => !cache.items.has(f.relPath)).length;
  const helperEntry = misses >= (options.parallelMinFiles ?? PARALLEL_MIN_FILES) ? (options.helperEntry ?? null) : null;
  let helperUp: Promise<ScanHelper | null> = Promise.resolve(null);
  let helperDone: Promise<void> = Promise.resolve();
  let helperStarted = false;
  const startHelper = (): void => {
    if (helperStarted || helperEntry === null) return;
    helperStarted = true;
    helperUp = ScanHelper.start(helperEntry);
    helperDone = helperUp.then(async (started) => {
      helping.helper = started;
      if (started === null) return;
      // Two batches in flight, so the helper has the next one while its last answer waits for this thread.
      const lane = async (): Promise<void> => {
        for (
          let batch = localDone || cancelled() ? null : takeBatch(HELPER_BATCH);
          batch !== null;
          batch = localDone || cancelled() ? null : takeBatch(HELPER_BATCH)
        ) {
          try {
            const results = await started.prepare(batch.files);
            helped += batch.files.length;
            deliver(batch, results);
          } catch {
            orphans.push(batch);
            return;
          }
        }
      };
      await Promise.all([lane(), lane()]);
    });
  };

  const reader = new AdaptiveScanReader();
  const runLocal = async (): Promise<void> => {
    for (let batch = orphans.shift() ?? takeBatch(BATCH); batch !== null && !cancelled(); batch = orphans.shift() ?? takeBatch(BATCH)) {
      deliver(batch, await reader.read(batch.files));
      await writeDelivered();
      if (due()) send();
      startHelper();
      // Lets the helper's answers and the list's queries in between batches.
      await yieldToQueries();
    }
  };

  let listedMs: number | undefined;
  try {
    try {
      if (options.waitForHelper === true) {
        startHelper();
        await helperUp;
      }
      await runLocal();
      // A helper still starting when this thread ran out of files is not waited for.
      localDone = true;
      if (helping.helper !== null) await helperDone;
      // What a helper that died left behind.
      await runLocal();
    } finally {
      localDone = true;
      void helperDone.then(() => helping.helper?.close()).catch(() => undefined);
    }
    await writeDelivered();
    if (!cancelled()) {
      send();
      listedMs = performance.now() - started;
    }
    if (cache !== null && hits.size > 0 && !cancelled()) {
      options.onStubLoader?.((relPath) => {
        const item = hits.get(relPath);
        const entry = item === undefined ? null : decodeCachedEntry(cache.readMany([item])[0] ?? null, relPath, cache.layouts);
        return entry === null ? null : toIndexEntry(entry);
      });
      const changed = fresh.size > 0 || hits.size !== cache.items.size;
      // Seeded with the old layout table, so unchanged lines are copied as they are.
      const createWriter = (): Promise<IndexCacheWriter | null> =>
        options.cacheFile === undefined ? Promise.resolve(null) : IndexCacheWriter.create(options.cacheFile, root, cache.layouts);
      if (changed) writer = await createWriter();
      // A writer made on meeting a damaged entry in an unchanged cache first copies the lines before it.
      const copyCachedBefore = async (open: IndexCacheWriter, end: number): Promise<void> => {
        for (let from = 0; from < end; from += LOAD_BATCH) {
          const held = files.slice(from, Math.min(end, from + LOAD_BATCH)).filter((f) => hits.has(f.relPath));
          const lines = cache.readMany(held.map((f) => hits.get(f.relPath) as CachedItem));
          for (const [k, file] of held.entries()) {
            const item = hits.get(file.relPath) as CachedItem;
            const line = lines[k];
            if (line !== null && line !== undefined) await open.add(file.relPath, item.size, item.mtimeMs, line);
          }
        }
      };
      for (let i = 0; i < files.length && !cancelled(); i += LOAD_BATCH) {
        const batch = files.slice(i, i + LOAD_BATCH);
        const wanted = batch.filter((f) => hits.has(f.relPath));
        const texts = cache.readMany(wanted.map((f) => hits.get(f.relPath) as CachedItem));
        let next = 0;
        for (const [k, file] of batch.entries()) {
          const item = hits.get(file.relPath);
          let record: { size: number; mtimeMs: number; json: string } | undefined;
          const known = fresh.get(file.relPath);
          if (item !== undefined) {
            const json = texts[next++] ?? null;
            const entry = decodeCachedEntry(json, file.relPath, cache.layouts);
            if (entry !== null) {
              cached++;
              record = { size: item.size, mtimeMs: item.mtimeMs, json: json as string };
              entries.push(entry);
            } else {
              // A damaged cached entry is read again from disk rather than dropped.
              const read = await readIndexEntry(file.absPath, file.relPath);
              if (read === null) continue;
              parsed++;
              const prepared = prepareEntry(read);
              if (writer === null) {
                writer = await createWriter();
                if (writer !== null) await copyCachedBefore(writer, i + k);
              }
              if (writer !== null) record = { size: prepared.size, mtimeMs: prepared.mtimeMs, json: encodeCachedEntry(prepared, writer.layoutIndex) };
              entries.push(prepared);
            }
          } else if (known !== undefined && writer !== null) {
            record = { size: known.size, mtimeMs: known.mtimeMs, json: encodeCachedEntry(known, writer.layoutIndex) };
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
    ...(helped === 0 ? {} : { helped }),
  };
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
