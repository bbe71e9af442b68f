import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { FolioError } from '../shared/contract/errors';
import { editFrontMatter, parseFieldPath, parseFrontMatterDocument, type PlainValue } from '../shared/domain/frontmatter';
import { MAX_EDITABLE_BYTES, MAX_EDITABLE_LINE_BYTES, readTextFile, writeTextFileAtomic } from '../main/services/workspace';
import { exitCodes, type CliIo } from './cli-io';
import { openFolderRoot } from './open-folder-root';
import { parseCliArgs } from './parse-cli-args';
import { parseYamlValue } from './parse-yaml-value';
import { plainEqual } from './plain-equal';
import type { CliCommand } from './run-cli';
import { toWorkspacePath } from './to-workspace-path';

/** What happened to one FILE argument. */
type FileOutcome =
  | { readonly kind: 'changed'; readonly relPath: string; readonly before: string; readonly after: string }
  | { readonly kind: 'unchanged'; readonly relPath: string }
  | { readonly kind: 'failed'; readonly name: string; readonly reason: string };

interface SetRequest {
  readonly root: string;
  readonly cwd: string;
  readonly keyPath: string;
  readonly value: PlainValue;
  readonly dryRun: boolean;
}

const USAGE = 'set KEY.PATH VALUE FILE... [--dry-run] [--root DIR]';

function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

/** Turns a workspace-layer failure into the short reason shown after "not edited:". */
function reasonOf(error: FolioError): string {
  if (error.code === 'not-found') return 'no such file';
  if (error.code === 'conflict') return 'it was changed by something else while folio was editing it; nothing was written';
  // The workspace layer words refusals for the app ("The path "x" was refused: why"); keep the why.
  const refused = /was refused: (.*)$/s.exec(error.message);
  return refused?.[1] ?? error.message;
}

async function setInFile(request: SetRequest, fileArg: string): Promise<FileOutcome> {
  const located = await toWorkspacePath(request.root, fileArg, request.cwd);
  if (!located.ok) return { kind: 'failed', name: fileArg, reason: located.message };
  const { relPath } = located;
  const failed = (reason: string): FileOutcome => ({ kind: 'failed', name: relPath, reason });

  const read = await readTextFile(request.root, relPath);
  if (!read.ok) return failed(reasonOf(read.error));
  const file = read.value;
  if (file.symlink) return failed('it is a symbolic link; folio does not edit through links (edit the file it points to)');
  if (file.mode === 'binary') return failed('it is a binary file');
  if (file.mode === 'non-utf8') return failed('it is not UTF-8 text');
  if (file.mode === 'large') {
    return failed(`it is too large to edit safely (over ${megabytes(MAX_EDITABLE_BYTES)} MB, or a line over ${megabytes(MAX_EDITABLE_LINE_BYTES)} MB)`);
  }
  if (!file.editable || file.hash === null) return failed('it is not an editable text file');

  const doc = parseFrontMatterDocument(file.text);
  if (!doc.editable) {
    const first = doc.diagnostics.find((d) => d.severity === 'error');
    return failed(first === undefined ? 'the front matter cannot be edited' : `line ${first.line}, column ${first.column}: ${first.message}`);
  }
  // Equal values are skipped before editing so the file (and its mtime) is not touched at all.
  if (plainEqual(doc.getValue(request.keyPath), request.value)) return { kind: 'unchanged', relPath };
  const edited = editFrontMatter(file.text, { kind: 'set', path: request.keyPath, value: request.value });
  if (!edited.ok) return failed(edited.diagnostic.message);
  if (edited.value === file.text) return { kind: 'unchanged', relPath };
  if (request.dryRun) return { kind: 'changed', relPath, before: file.text, after: edited.value };

  // The hash that was read makes a concurrent change a reported conflict, never an overwrite.
  const written = await writeTextFileAtomic({ root: request.root, relPath, text: edited.value, expectedHash: file.hash });
  if (!written.ok) return failed(reasonOf(written.error));
  return { kind: 'changed', relPath, before: file.text, after: edited.value };
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`folio set: ${message} (usage: folio ${USAGE})\n`);
  return exitCodes.usage;
}

async function runSet(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { 'dry-run': { takesValue: false }, root: { takesValue: true } });
  if (!parsed.ok) return usageError(io, parsed.message);
  const { positionals, options } = parsed.value;
  const [keyPath, valueText, ...fileArgs] = positionals;
  if (keyPath === undefined || valueText === undefined || fileArgs.length === 0) {
    return usageError(io, 'needs KEY.PATH, VALUE and at least one FILE');
  }
  if (parseFieldPath(keyPath).some((segment) => segment === '')) {
    return usageError(io, `KEY.PATH "${keyPath}" has an empty segment`);
  }
  const value = parseYamlValue(valueText);
  if (!value.ok) return usageError(io, value.message);
  const rootOption = options.get('root');
  const opened = await openFolderRoot(typeof rootOption === 'string' ? rootOption : '.', io.cwd);
  if (!opened.ok) {
    io.stderr.write(`folio set: ${opened.message}\n`);
    return exitCodes.usage;
  }
  const request: SetRequest = { root: opened.root, cwd: io.cwd, keyPath, value: value.value, dryRun: options.has('dry-run') };

  const counts = { changed: 0, unchanged: 0, failed: 0 };
  const seen = new Set<string>();
  for (const fileArg of fileArgs) {
    const outcome = await setInFile(request, fileArg);
    // The same file named twice (`a.md ./a.md`) is one file: count and diff it once.
    const key = outcome.kind === 'failed' ? `failed:${outcome.name}` : outcome.relPath;
    if (seen.has(key)) continue;
    seen.add(key);
    counts[outcome.kind] += 1;
    if (outcome.kind === 'failed') io.stderr.write(`folio: ${outcome.name}: not edited: ${outcome.reason}\n`);
    else if (outcome.kind === 'changed' && request.dryRun) {
      io.stdout.write(createTwoFilesPatch(`a/${outcome.relPath}`, `b/${outcome.relPath}`, outcome.before, outcome.after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }));
    }
  }
  const note = request.dryRun ? ' (dry run: nothing written)' : '';
  io.stdout.write(`${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.failed} failed${note}\n`);
  return counts.failed > 0 ? exitCodes.problems : exitCodes.ok;
}

/** `folio set`: sets one front matter value in many files, in place and format-preserving. */
export const setCommand: CliCommand = {
  name: 'set',
  summary: 'set a front matter value (VALUE is YAML) in place; --dry-run shows the diff',
  usage: USAGE,
  run: runSet,
};
