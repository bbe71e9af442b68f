import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Bumped whenever the entry shape or parsing changes, so an old cache is simply not used. */
export const INDEX_CACHE_VERSION = 1;

/** One cached item: its stat signature and its entry as JSON, parsed only by the receiver. */
export interface CachedItem {
  readonly size: number;
  readonly mtimeMs: number;
  readonly json: string;
}

/** `<dataDir>/index-cache/<sha256(root)>.jsonl`: one cache per folder. */
export function indexCacheFile(dataDir: string, root: string): string {
  return path.join(dataDir, 'index-cache', `${createHash('sha256').update(path.resolve(root)).digest('hex')}.jsonl`);
}

interface CacheHeader {
  readonly folioIndexCache: number;
  readonly root: string;
}

/**
 * Reads a folder's cache: JSON lines, a header, then `[path,size,mtimeMs]<TAB>entryJson` per item,
 * then a trailer with the count. Only the small prefix is parsed here: entries stay JSON text until
 * the main process parses them once. A missing, foreign, truncated or malformed cache gives null.
 */
export async function readIndexCache(file: string, root: string): Promise<Map<string, CachedItem> | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return null;
  }
  try {
    const items = new Map<string, CachedItem>();
    let start = 0;
    let lineNo = 0;
    let trailer: { end?: boolean; count?: number } | null = null;
    while (start < bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      const line = bytes.toString('utf8', start, end);
      start = end + 1;
      if (lineNo++ === 0) {
        const header = JSON.parse(line) as Partial<CacheHeader>;
        if (header.folioIndexCache !== INDEX_CACHE_VERSION || header.root !== path.resolve(root)) return null;
        continue;
      }
      if (trailer !== null) return null;
      const tab = line.indexOf('\t');
      if (tab === -1) {
        trailer = JSON.parse(line) as { end?: boolean; count?: number };
        continue;
      }
      const prefix: unknown = JSON.parse(line.slice(0, tab));
      if (!Array.isArray(prefix) || typeof prefix[0] !== 'string' || typeof prefix[1] !== 'number' || typeof prefix[2] !== 'number') return null;
      const json = line.slice(tab + 1);
      // A cheap shape check; the receiver re-reads any entry whose JSON still fails to parse.
      if (!json.startsWith('{') || !json.endsWith('}')) return null;
      items.set(prefix[0], { size: prefix[1], mtimeMs: prefix[2], json });
    }
    if (trailer?.end !== true || trailer.count !== items.size) return null;
    return items;
  } catch {
    return null;
  }
}

/**
 * Writes a cache while the scan streams (no second copy of 50,000 entries in memory), to a temp
 * file in the same folder renamed over the old cache at the end, so a crash never leaves half a cache.
 */
export class IndexCacheWriter {
  private handle: FileHandle | null = null;
  private buffer: string[] = [];
  private buffered = 0;
  private count = 0;
  private readonly temp: string;

  private constructor(private readonly file: string) {
    this.temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  }

  /** Opens a writer for `file`, writing the header; null when the data folder is not writable. */
  static async create(file: string, root: string): Promise<IndexCacheWriter | null> {
    const writer = new IndexCacheWriter(file);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      writer.handle = await open(writer.temp, 'wx');
      const header: CacheHeader = { folioIndexCache: INDEX_CACHE_VERSION, root: path.resolve(root) };
      writer.push(JSON.stringify(header));
      return writer;
    } catch {
      await writer.abort();
      return null;
    }
  }

  private push(line: string): void {
    this.buffer.push(line);
    this.buffered += line.length;
  }

  /** Adds one item; writes happen in ~1 MB blocks. */
  async add(relPath: string, size: number, mtimeMs: number, json: string): Promise<void> {
    this.push(`${JSON.stringify([relPath, size, mtimeMs])}\t${json}`);
    this.count++;
    if (this.buffered > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.handle === null || this.buffer.length === 0) return;
    const text = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    this.buffered = 0;
    await this.handle.write(text);
  }

  /** Writes the trailer, syncs and renames over the previous cache. */
  async commit(): Promise<void> {
    if (this.handle === null) return;
    this.push(JSON.stringify({ end: true, count: this.count }));
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
    this.handle = null;
    await rename(this.temp, this.file);
  }

  /** Drops the temp file (cancelled scan, failed write). */
  async abort(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
    await unlink(this.temp).catch(() => undefined);
  }
}
