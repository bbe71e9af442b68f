import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { parseForIndex } from '../../../shared/domain/frontmatter/parse-for-index';
import { buildIndexText } from '../../../shared/domain/search/build-index-text';
import { countProblems, type IndexEntry, type IndexProblem } from '../../../shared/domain/search/index-entry';
import { classifyTextBytes, MAX_EDITABLE_BYTES, PREVIEW_BYTES } from '../workspace/classify-text-bytes';
import { hashBytes } from '../workspace/hash-bytes';
import { READ_NOFOLLOW_FLAGS } from '../workspace/open-flags';
import { summariseFrontMatter } from './summarise-front-matter';

/** Most problems kept per entry; the problems panel reads the document for the full list. */
const MAX_PROBLEMS = 20;

/** Counts parses, so tests and the bench can prove a cache hit parsed nothing. */
export const indexReadStats = { parsed: 0 };

function fileProblem(code: IndexProblem['code'], message: string): IndexProblem {
  return { code, severity: code === 'large-file' ? 'info' : 'warning', message, line: 1, column: 1 };
}

/** An item's bytes as read for the index: the whole file, or its head when too large to edit. */
export interface IndexFileBytes {
  readonly bytes: Uint8Array;
  readonly complete: boolean;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Reads an item's bytes with the workspace reader's rules: never through a symlink (O_NOFOLLOW),
 * files over the editable size from their head only. Null when the path is gone, unreadable or
 * not a regular file, which the caller treats as a removal.
 */
export async function readIndexFile(absPath: string): Promise<IndexFileBytes | null> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(absPath, READ_NOFOLLOW_FLAGS);
    const info = await handle.stat();
    if (!info.isFile()) return null;
    if (info.size > MAX_EDITABLE_BYTES) {
      const head = Buffer.alloc(PREVIEW_BYTES);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return { bytes: head.subarray(0, bytesRead), complete: false, size: info.size, mtimeMs: info.mtimeMs };
    }
    const bytes = await handle.readFile();
    return { bytes, complete: true, size: bytes.length, mtimeMs: info.mtimeMs };
  } catch {
    // Vanished, became a symlink or unreadable since the walk: the watcher will report it.
    return null;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * `readIndexFile` with blocking calls, for a scan off the main thread: on a warm file cache a
 * blocking open, stat, read and close take ~8 µs per file where the awaited ones took ~60 µs of
 * this thread's time (each hop through the thread pool is a promise and a wake-up).
 */
export function readIndexFileSync(absPath: string): IndexFileBytes | null {
  let fd: number | undefined;
  try {
    fd = openSync(absPath, READ_NOFOLLOW_FLAGS);
    const info = fstatSync(fd);
    if (!info.isFile()) return null;
    const complete = info.size <= MAX_EDITABLE_BYTES;
    const bytes = Buffer.allocUnsafe(complete ? info.size : PREVIEW_BYTES);
    let got = 0;
    // A file growing or shrinking meanwhile gives what was there; the watcher reports the change.
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return { bytes: bytes.subarray(0, got), complete, size: complete ? got : info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads and parses one item for the index (see `readIndexFile`): binary and non-UTF-8 files are
 * listed with a problem instead of parsed, files over the editable size parsed from their head.
 */
export async function readIndexEntry(absPath: string, relPath: string): Promise<IndexEntry | null> {
  const read = await readIndexFile(absPath);
  return read === null ? null : buildIndexEntry(relPath, read.bytes, read.complete, read.size, read.mtimeMs);
}

/** Builds the entry from bytes already read (also used by tests with synthetic bytes). */
export function buildIndexEntry(relPath: string, bytes: Uint8Array, complete: boolean, size: number, mtimeMs: number): IndexEntry {
  indexReadStats.parsed++;
  const classified = classifyTextBytes(bytes, complete);
  // On the parsing thread, from the bytes already read (~6 µs per seed-shaped item).
  const hash = complete ? hashBytes(bytes) : null;
  const base = { path: relPath, size, mtimeMs, hash, mode: classified.mode };
  if (classified.mode === 'binary' || classified.mode === 'non-utf8') {
    const problems = [
      classified.mode === 'binary'
        ? fileProblem('binary', 'This file is binary, not text; it is listed but cannot be edited.')
        : fileProblem('non-utf8', 'This file is not valid UTF-8 text; it is listed read-only.'),
    ];
    return { ...base, frontmatter: null, problems, problemCounts: countProblems(problems), text: { title: '', description: '', body: '' } };
  }
  // In `large` mode the text is the head of the file, which holds the front matter in practice.
  const text = classified.text;
  const parsed = parseForIndex(text);
  const problems: IndexProblem[] = parsed.diagnostics.slice(0, MAX_PROBLEMS).map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: d.line, column: d.column }));
  if (classified.mode === 'large') problems.push(fileProblem('large-file', 'This file is too large to edit; it opens read-only and only its beginning is indexed.'));
  const frontmatter = summariseFrontMatter(parsed.data);
  return {
    ...base,
    frontmatter,
    problems,
    problemCounts: countProblems(problems),
    // Search reads the full values, not the list's shortened copy.
    text: buildIndexText(parsed.data, text.slice(parsed.bodyOffset)),
  };
}
