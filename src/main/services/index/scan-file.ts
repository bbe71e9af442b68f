import { prepareEntry, type PreparedEntry } from '../list/prepared-entry';
import { buildIndexEntry, readIndexFile, readIndexFileSync, type IndexFileBytes } from './read-index-entry';
import type { WalkedFile } from './walk-content-files';

/** Parses and readies the bytes read for one file (see `PreparedEntry`); null, for a file that was gone, stays null. */
export function scanFileBytes(relPath: string, read: IndexFileBytes | null): PreparedEntry | null {
  return read === null ? null : prepareEntry(buildIndexEntry(relPath, read.bytes, read.complete, read.size, read.mtimeMs));
}

/** Reads, parses and readies one walked file with blocking reads (see `readIndexFileSync`); null when it is gone. */
export function scanFileSync(file: WalkedFile): PreparedEntry | null {
  return scanFileBytes(file.relPath, readIndexFileSync(file.absPath));
}

/** `scanFileSync` with awaited reads, which overlap on a cold disk. */
export async function scanFile(file: WalkedFile): Promise<PreparedEntry | null> {
  return scanFileBytes(file.relPath, await readIndexFile(file.absPath));
}
