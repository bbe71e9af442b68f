import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseForIndex } from '../shared/domain/frontmatter/parse-for-index';
import { parse as parseYaml } from 'yaml';
import { importDecapCollection } from '../shared/domain/schema/import-decap-collection';
import { importFrontMatterCms } from '../shared/domain/schema/import-front-matter-cms';
import { inferSchema, type InferenceItem } from '../shared/domain/schema/infer-schema';
import { walkContentFiles } from '../main/services/index/walk-content-files';
import { readTextFile } from '../main/services/workspace';
import { exitCodes, type CliIo } from './cli-io';
import { openFolderRoot } from './open-folder-root';
import { parseCliArgs } from './parse-cli-args';
import type { CliCommand } from './run-cli';

const USAGE = 'schema infer DIR [--out FILE] | schema import decap CONFIG.yml [--collection NAME] | schema import frontmatter-cms FRONTMATTER.json [--out FILE]';

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

/**
 * Converts another CMS's field definitions into Folio's schema so its users can move over. The
 * config is parsed as data only (YAML core schema / JSON): nothing in it runs.
 */
async function runImport(positionals: readonly string[], options: ReadonlyMap<string, string | boolean>, io: CliIo): Promise<number> {
  const [, kind, file, ...extra] = positionals;
  if (kind !== 'decap' && kind !== 'frontmatter-cms') return usageError(io, 'import needs "decap" or "frontmatter-cms"');
  if (file === undefined || extra.length > 0) return usageError(io, 'import takes one config file');
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    io.stderr.write(`folio schema: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return exitCodes.usage;
  }
  let config: unknown;
  try {
    config = kind === 'decap' ? parseYaml(text, { schema: 'core', maxAliasCount: 100 }) : JSON.parse(text);
  } catch (error) {
    io.stderr.write(`folio schema: ${file} is not valid ${kind === 'decap' ? 'YAML' : 'JSON'}: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodes.usage;
  }
  const collection = options.get('collection');
  const result = kind === 'decap' ? importDecapCollection(config, typeof collection === 'string' ? { collection } : {}) : importFrontMatterCms(config);
  if (!result.ok) {
    io.stderr.write(`folio schema: ${result.message}\n`);
    return exitCodes.problems;
  }
  for (const note of result.notes) io.stderr.write(`folio schema: note: ${note}\n`);
  return emitSchema(result.schema, options.get('out'), io);
}

async function emitSchema(schema: { readonly types: Readonly<Record<string, unknown>> }, out: string | boolean | undefined, io: CliIo): Promise<number> {
  const json = `${JSON.stringify(schema, null, 2)}\n`;
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

async function runSchema(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { out: { takesValue: true }, collection: { takesValue: true } });
  if (!parsed.ok) return usageError(io, parsed.message);
  const { positionals, options } = parsed.value;
  const [action, dir, ...extra] = positionals;
  if (action === 'import') return runImport(positionals, options, io);
  if (action !== 'infer') return usageError(io, action === undefined ? 'needs an action' : `unknown action "${action}"`);
  if (dir === undefined) return usageError(io, 'needs a DIR');
  if (extra.length > 0) return usageError(io, `takes one DIR, got ${positionals.length - 1}`);
  const opened = await openFolderRoot(dir, io.cwd);
  if (!opened.ok) {
    io.stderr.write(`folio schema: ${opened.message}\n`);
    return exitCodes.usage;
  }
  return emitSchema(inferSchema(await readInferenceItems(opened.root)), options.get('out'), io);
}

/** `folio schema infer|import`: the schema Folio infers from a folder, or converts from Decap / Front Matter CMS, as JSON. */
export const schemaCommand: CliCommand = {
  name: 'schema',
  summary: 'print (or write with --out) the schema inferred from a folder, or imported from Decap / Front Matter CMS',
  usage: USAGE,
  run: runSchema,
};
