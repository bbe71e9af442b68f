import type { WorkspaceChange } from '../../../shared/contract';

/** How long a registered own write waits for its echo before it is forgotten. */
export const OWN_WRITE_TTL_MS = 5_000;

/** Reads the sha256 of a workspace file as it is now; null when it is gone or unreadable. */
export type ReadCurrentHash = (relPath: string) => Promise<string | null>;

/**
 * Remembers the files Folio itself just wrote, by content hash, so the watcher can drop their
 * echo (threats row 27) without swallowing an external edit that lands right after. A change is
 * an echo only while the file on disk still hashes to a version Folio wrote; the moment it does
 * not, the expectation is void, so a later revert to Folio's bytes is not mistaken for the echo.
 */
export class OwnWriteRegistry {
  // relPath -> hash -> expiry; several hashes because two quick saves can both be in flight.
  private readonly expected = new Map<string, Map<string, number>>();

  constructor(
    private readonly ttlMs: number = OWN_WRITE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records that Folio is about to write `hash` (sha256 hex of the bytes) to `relPath`. */
  register(relPath: string, hash: string): void {
    this.prune();
    let hashes = this.expected.get(relPath);
    if (hashes === undefined) {
      hashes = new Map();
      this.expected.set(relPath, hashes);
    }
    hashes.set(hash.toLowerCase(), this.now() + this.ttlMs);
  }

  /** True while at least one write to `relPath` is waiting for its echo. */
  has(relPath: string): boolean {
    this.prune();
    return this.expected.has(relPath);
  }

  /**
   * Returns `changes` without the echoes of Folio's own writes. Only paths with a pending
   * expectation are read, so a storm of external changes costs no extra I/O.
   */
  async dropEchoes(changes: readonly WorkspaceChange[], readCurrentHash: ReadCurrentHash): Promise<WorkspaceChange[]> {
    this.prune();
    if (this.expected.size === 0) return [...changes];
    const kept: WorkspaceChange[] = [];
    for (const change of changes) {
      const hashes = this.expected.get(change.path);
      if (hashes === undefined) {
        kept.push(change);
        continue;
      }
      const current = change.kind === 'unlink' ? null : await readCurrentHash(change.path);
      if (current !== null && hashes.has(current)) continue;
      // Someone else's version is on disk now: report it and stop expecting Folio's.
      this.expected.delete(change.path);
      kept.push(change);
    }
    return kept;
  }

  /** Forgets every expectation, e.g. when the watcher closes. */
  clear(): void {
    this.expected.clear();
  }

  private prune(): void {
    const now = this.now();
    for (const [relPath, hashes] of this.expected) {
      for (const [hash, expiresAt] of hashes) if (expiresAt <= now) hashes.delete(hash);
      if (hashes.size === 0) this.expected.delete(relPath);
    }
  }
}
