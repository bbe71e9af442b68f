import { parseForIndex } from '../../../shared/domain/frontmatter/parse-for-index';
import { buildIndexText } from '../../../shared/domain/search/build-index-text';
import { countProblems, type IndexEntry, type IndexProblem } from '../../../shared/domain/search/index-entry';
import { classifyTextBytes } from '../workspace/classify-text-bytes';
import { hashBytes } from '../workspace/hash-bytes';
import { readItemBytes, readItemBytesSync, type ItemBytes } from '../workspace/read-item-bytes';
import { summariseFrontMatter } from './summarise-front-matter';

/** Most problems kept per entry; the problems panel reads the document for the full list. */
const MAX_PROBLEMS = 20;

/** Counts parses, so tests and the bench can prove a cache hit parsed nothing. */
export const indexReadStats = { parsed: 0 };

function fileProblem(code: IndexProblem['code'], message: string): IndexProblem {
  return { code, severity: code === 'large-file' ? 'info' : 'warning', message, line: 1, column: 1 };
}

/** An item's bytes as read for the index: the whole file, or its head when too large to edit. */
export type IndexFileBytes = ItemBytes;

/**
 * Reads an item's bytes (see `readItemBytes`). Null when the path is gone, unreadable or not a
 * regular file, which the caller treats as a removal.
 */
export async function readIndexFile(absPath: string): Promise<IndexFileBytes | null> {
  try {
    return await readItemBytes(absPath);
  } catch {
    // Vanished, became a symlink or unreadable since the walk: the watcher will report it.
    return null;
  }
}

/** `readIndexFile` with blocking reads, for a scan off the main thread (see `readItemBytesSync`). */
export function readIndexFileSync(absPath: string): IndexFileBytes | null {
  try {
    return readItemBytesSync(absPath);
  } catch {
    return null;
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
