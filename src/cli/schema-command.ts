import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseForIndex } from '../shared/domain/frontmatter/parse-for-index';
import { inferSchema, type InferenceItem } from '../shared/domain/schema/infer-schema';
import { walkContentFiles } from '../main/services/index/walk-content-files';
import { readTextFile } from '../main/services/workspace';
import { exitCodes, type CliIo } from './cli-io';
import { openFolderRoot } from './open-folder-root';
import { parseCliArgs } from './parse-cli-args';
import type { CliCommand } from './run-cli';

const USAGE = 'schema infer DIR [--out FILE]';

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`folio schema: ${message} (usage: folio ${USAGE})\n`);
  return exitCodes.usage;
}

/** Reads every content file's front matter for inference; unreadable files are simply not evidence. */
export async function readInferenceItems(root: string): Promise<InferenceItem[]> {
  const items: InferenceItem[] = [];
  for await (const { relPath } of walkContentFiles(root)) {
    const read = await readTextFile(root, relPath);
    if (!read.ok || read.value.mode !== 'text') continue;
    items.push({ path: relPath, data: parseForIndex(read.value.text).data });
  }
  return items;
}

async function runSchema(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { out: { takesValue: true } });
  if (!parsed.ok) return usageError(io, parsed.message);
  const { positionals, options } = parsed.value;
  const [action, dir, ...extra] = positionals;
  if (action !== 'infer') return usageError(io, action === undefined ? 'needs an action' : `unknown action "${action}"`);
  if (dir === undefined) return usageError(io, 'needs a DIR');
  if (extra.length > 0) return usageError(io, `takes one DIR, got ${positionals.length - 1}`);
  const opened = await openFolderRoot(dir, io.cwd);
  if (!opened.ok) {
    io.stderr.write(`folio schema: ${opened.message}\n`);
    return exitCodes.usage;
  }
  const schema = inferSchema(await readInferenceItems(opened.root));
  const json = `${JSON.stringify(schema, null, 2)}\n`;
  const out = options.get('out');
  if (typeof out !== 'string') {
    io.stdout.write(json);
    return exitCodes.ok;
  }
  const target = path.resolve(io.cwd, out);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, json, 'utf8');
  } catch (error) {
    io.stderr.write(`folio schema: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return exitCodes.usage;
  }
  io.stderr.write(`folio schema: wrote ${out} (${Object.keys(schema.types).length} content types)\n`);
  return exitCodes.ok;
}

/** `folio schema infer`: the schema Folio infers from a folder, as JSON. */
export const schemaCommand: CliCommand = {
  name: 'schema',
  summary: 'print (or write with --out) the schema inferred from a folder',
  usage: USAGE,
  run: runSchema,
};
