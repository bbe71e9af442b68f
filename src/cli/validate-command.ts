import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../shared/domain/validation/problem';
import type { FolioSchema } from '../shared/domain/schema/folio-schema';
import { parseSchemaText } from '../shared/domain/schema/parse-schema-text';
import { validateFolder, type FolderValidation } from '../main/services/validation/validation-service';
import { exitCodes, type CliIo } from './cli-io';
import { openFolderRoot } from './open-folder-root';
import { parseCliArgs } from './parse-cli-args';
import type { CliCommand } from './run-cli';

const USAGE = 'validate DIR [--schema FILE] [--format text|json]';

/** One problem of `folio validate --format json`. */
export interface ValidateJsonProblem {
  readonly file: string;
  readonly severity: Problem['severity'];
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly field?: string;
}

/** The whole JSON document `folio validate --format json` prints. */
export interface ValidateJsonReport {
  readonly files: number;
  readonly problems: readonly ValidateJsonProblem[];
}

/** The JSON report: quick fixes stay in the app, the CLI contract is the documented fields. */
export function toValidateJson(result: FolderValidation): ValidateJsonReport {
  return {
    files: result.files,
    problems: result.problems.map((p) => {
      const base = { file: p.file, severity: p.severity, code: p.code, message: p.message, line: p.line, column: p.column };
      return p.field === undefined ? base : { ...base, field: p.field };
    }),
  };
}

// A message with a newline or tab would break the one-line-per-problem format.
const CONTROL = /\p{Cc}/gu;

/** The text format: `file:line:column: severity: message [code]`, then a summary line. */
export function formatValidateText(result: FolderValidation): string {
  const lines = result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.code}]`.replace(CONTROL, ' '));
  const count = (s: Problem['severity']): number => result.problems.filter((p) => p.severity === s).length;
  const source = result.schemaSource === 'inferred' ? 'inferred schema' : 'schema file';
  lines.push(`${result.files} files checked (${source}): ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info.`);
  return `${lines.join('\n')}\n`;
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`folio validate: ${message} (usage: folio ${USAGE})\n`);
  return exitCodes.usage;
}

async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { format: { takesValue: true }, schema: { takesValue: true } });
  if (!parsed.ok) return usageError(io, parsed.message);
  const { positionals, options } = parsed.value;
  const [dir, ...extra] = positionals;
  if (dir === undefined) return usageError(io, 'needs a DIR');
  if (extra.length > 0) return usageError(io, `takes one DIR, got ${positionals.length}`);
  const format = options.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(io, `--format must be text or json, not "${String(format)}"`);

  let schema: FolioSchema | undefined;
  const schemaFile = options.get('schema');
  if (typeof schemaFile === 'string') {
    // A schema the user named explicitly must work: a broken one is a usage error, not a guess.
    let text: string;
    try {
      text = await readFile(path.resolve(io.cwd, schemaFile), 'utf8');
    } catch (error) {
      io.stderr.write(`folio validate: cannot read schema ${schemaFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return exitCodes.usage;
    }
    const loaded = parseSchemaText(text);
    if (!loaded.ok) {
      io.stderr.write(`folio validate: ${schemaFile}: ${loaded.message}\n`);
      return exitCodes.usage;
    }
    schema = loaded.schema;
  }

  const opened = await openFolderRoot(dir, io.cwd);
  if (!opened.ok) {
    io.stderr.write(`folio validate: ${opened.message}\n`);
    return exitCodes.usage;
  }
  // Blocking reads: the command does nothing else while it validates.
  const result = await validateFolder(opened.root, schema === undefined ? { blockingReads: true } : { schema, blockingReads: true });
  io.stdout.write(format === 'json' ? `${JSON.stringify(toValidateJson(result), null, 2)}\n` : formatValidateText(result));
  return result.problems.some((p) => p.severity === 'error') ? exitCodes.problems : exitCodes.ok;
}

/** `folio validate`: every problem in a folder; exit 1 when any is an error. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check every file against the folder schema (or an inferred one)',
  usage: USAGE,
  run: runValidate,
};
