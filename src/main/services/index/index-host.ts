import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { ListEngine } from '../list/list-engine';
import type { IndexCall, IndexCalls, IndexChange, IndexWorkerMessage, IndexWorkerRequest, SavedFile } from './index-worker-protocol';
import { lstatSync } from 'node:fs';
import { MAX_EDITABLE_BYTES } from '../workspace/classify-text-bytes';
import { buildIndexEntry } from './read-index-entry';
import { readIndexEntries, scanFolder } from './scan-folder';
import { scanFileSync } from './scan-file';
import { PreparedBatchEncoder } from './prepared-batch-transfer';
import { walkContentFiles } from './walk-content-files';

/** Quiet time after the last change before facet keys are detected again. */
const FACET_REFRESH_MS = 2_000;

/**
 * The index's working half: scans a folder, applies watcher batches and holds the entries with
 * the list engine over them, answering the list's queries where the entries live. It runs in the
 * index worker (the product) or on the main thread (the fallback); either way the main process
 * sends requests and gets messages back, and entries never cross threads as a whole folder.
 */
export class IndexHost {
  private readonly engine = new ListEngine();
  private facetTimer: NodeJS.Timeout | null = null;
  private root: string | null = null;
  private scanId: number | null = null;
  private readonly cancelled = new Set<number>();
  // Paths updated by a watcher batch while a scan runs: the scan's older copy must not win.
  private readonly touchedDuringScan = new Set<string>();
  /** As a scan helper: the layouts already sent to the scan this helper works for. */
  private encoder: PreparedBatchEncoder | null = null;
  /** Applies reading files right now, and the saves taken in from their bytes meanwhile (see `readChanged`). */
  private appliesReading = 0;
  private savedSequence = 0;
  private readonly savedWhileReading = new Map<string, number>();

  /**
   * `helperEntry` is the index worker's entry, for a scan's helper worker (null: scans run alone).
   */
  constructor(
    private readonly post: (message: IndexWorkerMessage) => void,
    private readonly helperEntry: URL | null = null,
  ) {}

  /** Handles one request; answers arrive through `post`. */
  handle(request: IndexWorkerRequest): void {
    switch (request.type) {
      case 'cancel':
        this.cancelled.add(request.id);
        return;
      case 'scan':
        this.scan(request);
        return;
      case 'prepare':
        // Blocking reads: a helper does nothing else meanwhile, and its batches queue in its port.
        this.encoder ??= new PreparedBatchEncoder();
        try {
          this.post({ type: 'prepared', id: request.id, batch: this.encoder.encode(request.files.map(scanFileSync)) });
        } catch (error) {
          this.post({ type: 'failed', id: request.id, message: String(error) });
        }
        return;
      case 'apply':
        this.apply(request.id, request.root, request.changes).catch((error: unknown) => this.post({ type: 'failed', id: request.id, message: String(error) }));
        return;
      case 'saved':
        this.applySaved(request.id, request.root, request.file);
        return;
      case 'reconcile':
        this.reconcile(request.id, request.root).catch((error: unknown) => this.post({ type: 'failed', id: request.id, message: String(error) }));
        return;
      case 'call':
        try {
          this.post({ type: 'result', id: request.id, value: this.call(request) });
        } catch (error) {
          this.post({ type: 'failed', id: request.id, message: String(error) });
        }
        return;
    }
  }

  private call(request: IndexCall): ReturnType<IndexCalls[keyof IndexCalls]> {
    switch (request.method) {
      case 'query':
        return this.engine.query(...request.args);
      case 'slice':
        return this.engine.slice(...request.args);
      case 'folders':
        return this.engine.folders();
      case 'facets':
        return this.engine.facets(...request.args);
      case 'rows':
        return this.engine.rows(...request.args);
      case 'quickOpen':
        return this.engine.quickOpen(...request.args);
      case 'values':
        return this.engine.values(...request.args);
      case 'entry':
        return this.engine.entry(...request.args) ?? null;
      case 'entries':
        return this.engine.entries();
      case 'fieldValues':
        return this.engine.fieldValues(...request.args);
      case 'heap': {
        (globalThis as { gc?: () => void }).gc?.();
        const usage = process.memoryUsage();
        return { heapUsedMb: usage.heapUsed / 2 ** 20, heapTotalMb: usage.heapTotal / 2 ** 20, externalMb: (usage.external + usage.arrayBuffers) / 2 ** 20 };
      }
    }
  }

  private scan(request: Extract<IndexWorkerRequest, { type: 'scan' }>): void {
    const { id, root } = request;
    this.root = root;
    this.scanId = id;
    this.engine.clear();
    this.touchedDuringScan.clear();
    const current = (): boolean => this.scanId === id && !this.cancelled.has(id);
    scanFolder(root, {
      ...(request.cacheFile === undefined ? {} : { cacheFile: request.cacheFile }),
      ...(request.chunkSize === undefined ? {} : { chunkSize: request.chunkSize }),
      ...(request.chunkIntervalMs === undefined ? {} : { chunkIntervalMs: request.chunkIntervalMs }),
      ...(request.parallelMinFiles === undefined ? {} : { parallelMinFiles: request.parallelMinFiles }),
      helperEntry: this.helperEntry,
      onChunk: (chunk) => {
        if (!current()) return;
        const keep = (entry: { readonly path: string }): boolean => !this.touchedDuringScan.has(entry.path);
        const accepted = chunk.entries.filter(keep);
        const added = this.engine.addScanned(accepted, chunk.stubs.filter(keep));
        this.post({ type: 'chunk', id, paths: added, done: chunk.done, total: chunk.total });
      },
      onStubLoader: (load) => {
        if (this.scanId === id) this.engine.setStubLoader(load);
      },
      isCancelled: () => !current(),
    })
      .then(
        (stats) => {
          if (this.scanId === id) {
            this.scanId = null;
            this.touchedDuringScan.clear();
            this.engine.invalidate();
          }
          this.post({ type: 'scan-done', id, stats });
          // After the answer has gone out: the list's refresh queues behind this either way.
          setImmediate(() => {
            if (this.scanId === null && this.root === root) this.engine.prepare();
          });
        },
        (error: unknown) => this.post({ type: 'failed', id, message: String(error) }),
      )
      .finally(() => this.cancelled.delete(id));
  }

  /**
   * Compares the folder on disk with the entries held (a walk and one lstat per file) and applies
   * the difference: what a watcher started after the scan would have missed meanwhile.
   */
  private async reconcile(id: number, root: string): Promise<void> {
    const changes: IndexChange[] = [];
    const seen = new Set<string>();
    for await (const file of walkContentFiles(root)) {
      seen.add(file.relPath);
      const known = this.root === root ? this.engine.peek(file.relPath) : undefined;
      if (known === undefined) {
        changes.push({ path: file.relPath, kind: 'add' });
        continue;
      }
      try {
        // Sync: a stat is a few microseconds, an awaited one ten times that; this runs off the main thread.
        const info = lstatSync(file.absPath);
        if (info.size !== known.size || info.mtimeMs !== known.mtimeMs) changes.push({ path: file.relPath, kind: 'change' });
      } catch {
        changes.push({ path: file.relPath, kind: 'unlink' });
      }
    }
    if (this.root === root) for (const held of this.engine.paths()) if (!seen.has(held)) changes.push({ path: held, kind: 'unlink' });
    await this.apply(id, root, changes);
  }

  /** Detects facet keys again once no change arrived for a while (see `ListEngine.update`). */
  private refreshFacetKeysLater(): void {
    if (this.facetTimer !== null) clearTimeout(this.facetTimer);
    this.facetTimer = setTimeout(() => {
      this.facetTimer = null;
      this.engine.refreshFacetKeys();
    }, FACET_REFRESH_MS);
    this.facetTimer.unref();
  }

  /**
   * Takes in a file Folio just saved, from the bytes it wrote: no read back through libuv's thread
   * pool (which main's fsyncs share) and no await, so the list's next question already sees it. A
   * file the list does not hold yet (new, or still to come in the scan) goes the usual way, where
   * the read also checks it is an item; so does one whose size says it changed again since.
   */
  private applySaved(id: number, root: string, file: SavedFile): void {
    if (this.root !== root || this.engine.get(file.path) === undefined || file.bytes.length !== file.size || file.size > MAX_EDITABLE_BYTES) {
      this.apply(id, root, [{ path: file.path, kind: 'change' }]).catch((error: unknown) => this.post({ type: 'failed', id, message: String(error) }));
      return;
    }
    if (this.scanId !== null) this.touchedDuringScan.add(file.path);
    if (this.appliesReading > 0) this.savedWhileReading.set(file.path, ++this.savedSequence);
    this.engine.update([buildIndexEntry(file.path, file.bytes, true, file.size, file.mtimeMs)], []);
    this.post({ type: 'applied', id, updated: [file.path], removed: [] });
    this.refreshFacetKeysLater();
  }

  /**
   * Reads the changed paths' entries. A save taken in from its bytes while the read was on its way
   * is at least as new as what the read found (it was written after the change this apply reports,
   * and a change after it comes in a batch of its own), so those paths are returned to be left alone.
   */
  private async readChanged(root: string, toRead: readonly string[]): Promise<{ results: Awaited<ReturnType<typeof readIndexEntries>>; savedMeanwhile: ReadonlySet<string> }> {
    const before = this.savedSequence;
    this.appliesReading++;
    let results: Awaited<ReturnType<typeof readIndexEntries>>;
    try {
      results = toRead.length === 0 ? [] : await readIndexEntries(root, toRead);
    } finally {
      this.appliesReading--;
    }
    const savedMeanwhile = new Set<string>();
    for (const [relPath, sequence] of this.savedWhileReading) if (sequence > before) savedMeanwhile.add(relPath);
    if (this.appliesReading === 0) this.savedWhileReading.clear();
    return { results, savedMeanwhile };
  }

  /** Re-reads the changed paths, drops unlinked and unreadable ones, and reports both lists. */
  private async apply(id: number, root: string, changes: readonly IndexChange[]): Promise<void> {
    const last = new Map<string, IndexChange['kind']>();
    for (const change of changes) last.set(change.path, change.kind);
    if (this.scanId !== null) for (const p of last.keys()) this.touchedDuringScan.add(p);
    const toRead = [...last].filter(([, kind]) => kind !== 'unlink').map(([p]) => p);
    const { results, savedMeanwhile } = await this.readChanged(root, toRead);
    if (this.root !== root) {
      this.post({ type: 'applied', id, updated: [], removed: [] });
      return;
    }
    const updated: IndexEntry[] = [];
    const removed: string[] = [];
    const drop = (relPath: string): void => {
      if (this.engine.get(relPath) !== undefined) removed.push(relPath);
    };
    for (const [relPath, kind] of last) if (kind === 'unlink' && !savedMeanwhile.has(relPath)) drop(relPath);
    for (const { path: relPath, entry } of results) {
      if (savedMeanwhile.has(relPath)) continue;
      if (entry === null) drop(relPath);
      else updated.push(entry);
    }
    this.engine.update(updated, removed);
    this.post({ type: 'applied', id, updated: updated.map((e) => e.path), removed });
    this.refreshFacetKeysLater();
  }
}
