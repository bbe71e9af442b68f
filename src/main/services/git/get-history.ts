import { ok, type Result } from '../../../shared/lib/result';
import { checkRelativePaths } from './check-relative-paths';
import { runGitText, type GitOptions } from './git-core';

/** One commit that touched an item. */
export interface HistoryEntry {
  readonly oid: string;
  readonly authorName: string;
  readonly authorEmail: string;
  /** Author date, ISO 8601 with offset. */
  readonly date: string;
  readonly subject: string;
  /** The item's path in that commit (differs from today's path before a rename); null if outside `cwd`. */
  readonly path: string | null;
}

/** Paging for long histories. */
export interface HistoryQuery {
  readonly limit?: number;
  readonly skip?: number;
}

/**
 * The commits that changed one item, newest first, following renames (`git log --follow`). Each
 * entry carries the item's path at that commit so `showFileAt` can open the old version.
 */
export async function getHistory(cwd: string, filePath: string, query: HistoryQuery = {}, opts: GitOptions = {}): Promise<Result<readonly HistoryEntry[]>> {
  const checked = checkRelativePaths([filePath]);
  if (!checked.ok) return checked;
  const [log, prefix] = await Promise.all([
    runGitText(
      cwd,
      [
        '--literal-pathspecs',
        'log',
        '--follow',
        '--no-color',
        `--max-count=${Math.max(1, Math.floor(query.limit ?? 200))}`,
        `--skip=${Math.max(0, Math.floor(query.skip ?? 0))}`,
        '--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s',
        '--name-only',
        '-z',
        '--',
        filePath,
      ],
      { ...opts, readOnly: true, okExitCodes: [128] },
    ),
    runGitText(cwd, ['rev-parse', '--show-prefix'], { ...opts, readOnly: true }),
  ]);
  if (!prefix.ok) return prefix;
  if (!log.ok) return log;
  const under = prefix.value.trim();
  const entries: HistoryEntry[] = [];
  // Each record: \x1e fields \0 \n name \0 (the 128 exit is "no commits yet": an empty history).
  for (const record of log.value.split('\x1e')) {
    if (record === '') continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd === -1 ? record : record.slice(0, headerEnd);
    const [oid = '', authorName = '', authorEmail = '', date = '', subject = ''] = header.split('\x1f');
    if (!/^[0-9a-f]{40,64}$/.test(oid)) continue;
    const name =
      headerEnd === -1
        ? ''
        : (record
            .slice(headerEnd + 1)
            .replace(/^\n/, '')
            .split('\0')[0] ?? '');
    const rel = name === '' ? null : under === '' ? name : name.startsWith(under) ? name.slice(under.length) : null;
    entries.push({ oid, authorName, authorEmail, date, subject, path: rel });
  }
  return ok(entries);
}
