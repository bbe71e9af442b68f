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

/**
 * Reads and parses one item for the index with the workspace reader's rules: never through a
 * symlink (O_NOFOLLOW), binary and non-UTF-8 files listed with a problem instead of parsed, files
 * over the editable size parsed from their head only. Returns null when the path is gone or is
 * not a regular file, which the caller treats as a removal.
 */
export async function readIndexEntry(absPath: string, relPath: string): Promise<IndexEntry | null> {
  let handle: FileHandle | undefined;
  let bytes: Buffer;
  let complete: boolean;
  let size: number;
  let mtimeMs: number;
  try {
    handle = await open(absPath, READ_NOFOLLOW_FLAGS);
    const info = await handle.stat();
    if (!info.isFile()) return null;
    mtimeMs = info.mtimeMs;
    if (info.size > MAX_EDITABLE_BYTES) {
      const head = Buffer.alloc(PREVIEW_BYTES);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      bytes = head.subarray(0, bytesRead);
      complete = false;
      size = info.size;
    } else {
      bytes = await handle.readFile();
      complete = true;
      size = bytes.length;
    }
  } catch {
    // Vanished, became a symlink or unreadable since the walk: the watcher will report it.
    return null;
  } finally {
    await handle?.close().catch(() => undefined);
  }
  return buildIndexEntry(relPath, bytes, complete, size, mtimeMs);
}

/** Builds the entry from bytes already read (also used by tests with synthetic bytes). */
export function buildIndexEntry(relPath: string, bytes: Uint8Array, complete: boolean, size: number, mtimeMs: number): IndexEntry {
  indexReadStats.parsed++;
  const classified = classifyTextBytes(bytes, complete);
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
