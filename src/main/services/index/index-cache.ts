import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, open, readFile, rename, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Bumped whenever the entry shape, parsing or file layout changes, so an old cache is simply not used. */
export const INDEX_CACHE_VERSION = 3;

/** One cached item: its stat signature and where its entry's JSON lies in the body file. */
export interface CachedItem {
  readonly size: number;
  readonly mtimeMs: number;
  readonly offset: number;
  readonly length: number;
}

/** `<dataDir>/index-cache/<sha256(root)>.jsonl`: one cache per folder (its list beside it, `.list.json`). */
export function indexCacheFile(dataDir: string, root: string): string {
  return path.join(dataDir, 'index-cache', `${createHash('sha256').update(path.resolve(root)).digest('hex')}.jsonl`);
}

/** The small list file beside a cache body: what a reopen reads first. */
export function indexListFile(cacheFile: string): string {
  return cacheFile.replace(/\.jsonl$/, '') + '.list.json';
}

interface CacheHeader {
  readonly folioIndexCache: number;
  readonly root: string;
  readonly token: string;
}

interface CacheList {
  readonly folioIndexList: number;
  readonly root: string;
  readonly token: string;
  /** Size of the body file: a truncated or replaced body is refused. */
  readonly bytes: number;
  /** `[path, size, mtimeMs, offset, length]` per item. */
  readonly items: readonly (readonly [string, number, number, number, number])[];
  /** Front matter layouts the entries refer to by index (see `cached-entry.ts`). */
  readonly layouts: readonly string[];
}

/** A folder's cache, opened: the items by path, and reads of their entries' JSON from the body. */
export interface IndexCache {
  readonly items: ReadonlyMap<string, CachedItem>;
  /** The front matter layouts entries refer to by index. */
  readonly layouts: readonly string[];
  /** The JSON text of items, by one read of the span they cover; null for a failed read. */
  readMany(items: readonly CachedItem[]): (string | null)[];
  close(): void;
}

function isListItem(value: unknown): value is readonly [string, number, number, number, number] {
  return Array.isArray(value) && value.length === 5 && typeof value[0] === 'string' && value.slice(1).every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0);
}

/**
 * Opens a folder's cache: the list file (paths, stat signatures, offsets: a few MB at 50,000 items)
 * is parsed whole; the body (each entry's JSON on its own line) only has its header checked, so a
 * reopen can list every item before parsing a single entry. The list and the body carry the same
 * random token, so a crash between their renames is caught. A missing, foreign, truncated or
 * malformed cache gives null; a damaged entry inside a sound body is caught when it is parsed.
 */
export async function readIndexCache(file: string, root: string): Promise<IndexCache | null> {
  let list: Partial<CacheList>;
  try {
    list = JSON.parse(await readFile(indexListFile(file), 'utf8')) as Partial<CacheList>;
  } catch {
    return null;
  }
  if (list.folioIndexList !== INDEX_CACHE_VERSION || list.root !== path.resolve(root) || typeof list.token !== 'string' || typeof list.bytes !== 'number' || !Array.isArray(list.items)) return null;
  const layouts: unknown = list.layouts;
  if (!Array.isArray(layouts) || !layouts.every((key) => typeof key === 'string')) return null;
  const items = new Map<string, CachedItem>();
  for (const item of list.items as unknown[]) {
    if (!isListItem(item) || item[3] + item[4] > list.bytes) return null;
    items.set(item[0], { size: item[1], mtimeMs: item[2], offset: item[3], length: item[4] });
  }
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    if (fstatSync(fd).size !== list.bytes) throw new Error('body size');
    const head = Buffer.alloc(Math.min(list.bytes, 64 * 1024));
    const read = readSync(fd, head, 0, head.length, 0);
    const newline = head.subarray(0, read).indexOf(0x0a);
    const header = JSON.parse(head.toString('utf8', 0, newline === -1 ? read : newline)) as Partial<CacheHeader>;
    if (header.folioIndexCache !== INDEX_CACHE_VERSION || header.root !== list.root || header.token !== list.token) throw new Error('header');
  } catch {
    closeSync(fd);
    return null;
  }
  let open = true;
  const cache: IndexCache = {
    items,
    layouts,
    readMany(wanted) {
      if (!open || wanted.length === 0) return wanted.map(() => null);
      let start = Infinity;
      let end = 0;
      for (const item of wanted) {
        start = Math.min(start, item.offset);
        end = Math.max(end, item.offset + item.length);
      }
      // Items come in walk order, which is the order they were written in: one span, one read.
      if (end - start > 32 * 2 ** 20 && wanted.length > 1) return wanted.map((item) => cache.readMany([item])[0] ?? null);
      try {
        const buffer = Buffer.allocUnsafe(end - start);
        const got = readSync(fd, buffer, 0, buffer.length, start);
        return wanted.map((item) => (item.offset + item.length - start <= got ? buffer.toString('utf8', item.offset - start, item.offset - start + item.length) : null));
      } catch {
        return wanted.map(() => null);
      }
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
  return cache;
}

/**
 * Writes a cache while the scan streams (no second copy of 50,000 entries in memory): the body to a
 * temp file, the list in memory (a few MB), both renamed over the old cache at the end, body first,
 * so a crash never leaves a list pointing into half a body.
 */
export class IndexCacheWriter {
  private handle: FileHandle | null = null;
  private buffer: Buffer[] = [];
  private buffered = 0;
  private bytes = 0;
  private readonly items: [string, number, number, number, number][] = [];
  private readonly layouts: string[];
  private readonly layoutIndexes = new Map<string, number>();
  private readonly temp: string;
  private readonly token = randomBytes(8).toString('hex');

  private constructor(
    private readonly file: string,
    private readonly root: string,
    layouts: readonly string[],
  ) {
    this.temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    this.layouts = [...layouts];
    this.layouts.forEach((key, i) => this.layoutIndexes.set(key, i));
  }

  /**
   * Opens a writer for `file`, writing the header; null when the data folder is not writable.
   * `layouts` starts its layout table (the previous cache's, so its lines can be copied as they are).
   */
  static async create(file: string, root: string, layouts: readonly string[] = []): Promise<IndexCacheWriter | null> {
    const writer = new IndexCacheWriter(file, path.resolve(root), layouts);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      writer.handle = await open(writer.temp, 'wx');
      const header: CacheHeader = { folioIndexCache: INDEX_CACHE_VERSION, root: writer.root, token: writer.token };
      writer.push(JSON.stringify(header));
      return writer;
    } catch {
      await writer.abort();
      return null;
    }
  }

  private push(line: string): number {
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    this.buffer.push(bytes);
    this.buffered += bytes.length;
    this.bytes += bytes.length;
    return bytes.length - 1;
  }

  /** The index of a front matter layout in this cache's table, added on first use. */
  readonly layoutIndex = (key: string): number => {
    let index = this.layoutIndexes.get(key);
    if (index === undefined) {
      index = this.layouts.length;
      this.layouts.push(key);
      this.layoutIndexes.set(key, index);
    }
    return index;
  };

  /** Adds one item; writes happen in ~1 MB blocks. */
  async add(relPath: string, size: number, mtimeMs: number, json: string): Promise<void> {
    const offset = this.bytes;
    const length = this.push(json);
    this.items.push([relPath, size, mtimeMs, offset, length]);
    if (this.buffered > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.handle === null || this.buffer.length === 0) return;
    const block = Buffer.concat(this.buffer);
    this.buffer = [];
    this.buffered = 0;
    await this.handle.write(block);
  }

  /** Syncs the body, renames it over the previous cache, then writes the list beside it. */
  async commit(): Promise<void> {
    if (this.handle === null) return;
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
    this.handle = null;
    await rename(this.temp, this.file);
    const list: CacheList = { folioIndexList: INDEX_CACHE_VERSION, root: this.root, token: this.token, bytes: this.bytes, items: this.items, layouts: this.layouts };
    const listFile = indexListFile(this.file);
    const listTemp = `${listFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(listTemp, JSON.stringify(list));
    await rename(listTemp, listFile);
  }

  /** Drops the temp file (cancelled scan, failed write, nothing changed). */
  async abort(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
    await unlink(this.temp).catch(() => undefined);
  }
}
