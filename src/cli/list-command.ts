import { parseForIndex, type FrontMatterSeverity } from '../shared/domain/frontmatter';
import { walkContentFiles } from '../main/services/index/walk-content-files';
import { readTextFile, type TextFileMode } from '../main/services/workspace';
import { exitCodes, type CliIo } from './cli-io';
import { openFolderRoot } from './open-folder-root';
import { parseCliArgs } from './parse-cli-args';
import type { CliCommand } from './run-cli';

/** One item of `folio list --format json`. */
export interface ListedItem {
  readonly path: string;
  readonly title: string | null;
  readonly date: string | null;
  /** The front matter as plain data (`{}` without front matter), null when it could not be read. */
  readonly frontmatter: Record<string, unknown> | null;
}

/** One problem of `folio list --format json`; file-level problems sit at line 1, column 1. */
export interface ListedProblem {
  readonly file: string;
  readonly severity: FrontMatterSeverity;
  /** A front matter diagnostic code, or `binary`, `non-utf8`, `large`, `unreadable` for the file itself. */
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** The whole JSON document `folio list --format json` prints. */
export interface FolderListing {
  readonly items: readonly ListedItem[];
  readonly problems: readonly ListedProblem[];
}

const USAGE = 'list DIR [--format text|json]';

// Why a file that is not editable text gets no front matter: the listing still shows the file.
const unreadableModes: Record<Exclude<TextFileMode, 'text'>, { severity: FrontMatterSeverity; message: string }> = {
  binary: { severity: 'error', message: 'The file is binary, not text; its front matter was not read.' },
  'non-utf8': { severity: 'error', message: 'The file is not valid UTF-8 text; its front matter was not read.' },
  large: { severity: 'warning', message: 'The file is too large (or has a line too long) to read; its front matter was not read.' },
};

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function comparePaths(a: string, b: string): number {
  // Code-unit order, not locale order, so the output is the same on every machine.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lists every content file of a folder with its front matter, using the fast index parser.
 * Nothing in a file is trusted: reads are confined and classified first, and a file that cannot
 * be read is listed with a problem rather than hidden or failing the listing.
 */
export async function listFolder(root: string): Promise<FolderListing> {
  const items: ListedItem[] = [];
  const problems: ListedProblem[] = [];
  for await (const { relPath } of walkContentFiles(root)) {
    const fileProblem = (severity: FrontMatterSeverity, code: string, message: string): void => {
      problems.push({ file: relPath, severity, code, message, line: 1, column: 1 });
    };
    const read = await readTextFile(root, relPath);
    if (!read.ok) {
      // Vanished or unreadable since the walk; still listed so the curator sees it.
      fileProblem('error', 'unreadable', read.error.message);
      items.push({ path: relPath, title: null, date: null, frontmatter: null });
      continue;
    }
    const { mode, text } = read.value;
    if (mode !== 'text') {
      const why = unreadableModes[mode];
      fileProblem(why.severity, mode, why.message);
      items.push({ path: relPath, title: null, date: null, frontmatter: null });
      continue;
    }
    const parsed = parseForIndex(text);
    for (const d of parsed.diagnostics) {
      problems.push({ file: relPath, severity: d.severity, code: d.code, message: d.message, line: d.line, column: d.column });
    }
    const data = parsed.data;
    items.push({ path: relPath, title: asText(data?.['title']), date: asText(data?.['date']), frontmatter: data });
  }
  items.sort((a, b) => comparePaths(a.path, b.path));
  // Stable sort: a file's own problems keep the order the parser found them in.
  problems.sort((a, b) => comparePaths(a.file, b.file) || a.line - b.line || a.column - b.column);
  return { items, problems };
}

// A title with a tab or newline would break the one-line-per-item text format.
const CONTROL = /\p{Cc}/gu;

function oneLine(text: string): string {
  return text.replace(CONTROL, ' ');
}

/** The text format: `path<TAB>date<TAB>title` per item, then `path:line:column: severity: message [code]`. */
export function formatListingText(listing: FolderListing): string {
  const lines = listing.items.map((item) => [item.path, item.date ?? '', item.title ?? ''].map(oneLine).join('\t'));
  for (const p of listing.problems) {
    lines.push(`${oneLine(p.file)}:${p.line}:${p.column}: ${p.severity}: ${oneLine(p.message)} [${p.code}]`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`folio list: ${message} (usage: folio ${USAGE})\n`);
  return exitCodes.usage;
}

async function runList(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { format: { takesValue: true } });
  if (!parsed.ok) return usageError(io, parsed.message);
  const { positionals, options } = parsed.value;
  const [dir, ...extra] = positionals;
  if (dir === undefined) return usageError(io, 'needs a DIR');
  if (extra.length > 0) return usageError(io, `takes one DIR, got ${positionals.length}`);
  const format = options.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(io, `--format must be text or json, not "${String(format)}"`);

  const opened = await openFolderRoot(dir, io.cwd);
  if (!opened.ok) {
    io.stderr.write(`folio list: ${opened.message}\n`);
    return exitCodes.usage;
  }
  const listing = await listFolder(opened.root);
  io.stdout.write(format === 'json' ? `${JSON.stringify(listing, null, 2)}\n` : formatListingText(listing));
  // Listing is not validation: problems are reported, but only a folder that cannot be read fails.
  return exitCodes.ok;
}

/** `folio list`: every item in a folder with its front matter, as text or JSON. */
export const listCommand: CliCommand = {
  name: 'list',
  summary: 'list items with title, date, front matter and problems',
  usage: USAGE,
  run: runList,
};
