import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { parseFieldPath, type PlainValue } from '../shared/domain/frontmatter';
import { editFileFrontMatter } from '../main/services/items/edit-file-front-matter';
import { exitCodes, type CliIo } from './cli-io';
import { openFolderRoot } from './open-folder-root';
import { parseCliArgs } from './parse-cli-args';
import { parseYamlValue } from './parse-yaml-value';
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

async function setInFile(request: SetRequest, fileArg: string): Promise<FileOutcome> {
  const located = await toWorkspacePath(request.root, fileArg, request.cwd);
  if (!located.ok) return { kind: 'failed', name: fileArg, reason: located.message };
  const { relPath } = located;
  // The read → edit → compare → atomic write with hash step is shared with the app's bulk edit.
  const outcome = await editFileFrontMatter({
    root: request.root,
    relPath,
    edit: { kind: 'set', path: request.keyPath, value: request.value },
    dryRun: request.dryRun,
  });
  if (outcome.kind === 'failed') return { kind: 'failed', name: relPath, reason: outcome.reason };
  if (outcome.kind === 'unchanged') return { kind: 'unchanged', relPath };
  return { kind: 'changed', relPath, before: outcome.before, after: outcome.after };
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
