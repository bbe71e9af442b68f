import { parseForIndex, type IndexParseResult } from '../frontmatter/parse-for-index';
import type { FolioSchema } from '../schema/folio-schema';
import { inferSchema } from '../schema/infer-schema';
import { collectFileFacts, type SchemaCheckInput } from './collect-file-facts';
import { crossFileProblems } from './cross-file-problems';
import { compareProblems, type Problem } from './problem';

/** One file's text, as the renderer or a test holds it. */
export interface DocumentInput {
  readonly file: string;
  readonly text: string;
}

/** Options for {@link validateDocuments}. */
export interface ValidateDocumentsOptions {
  /** The schema to check against; inferred from the documents when absent. */
  readonly schema?: FolioSchema;
  /** Every file and folder of the workspace; defaults to the documents' own paths and folders. */
  readonly existingPaths?: ReadonlySet<string>;
  readonly checkSchema?: (input: SchemaCheckInput) => readonly Problem[];
}

/** The outcome of validating a set of documents. */
export interface DocumentsValidation {
  readonly schema: FolioSchema;
  readonly problems: readonly Problem[];
}

function withFolders(files: readonly string[]): Set<string> {
  const paths = new Set<string>();
  for (const file of files) {
    paths.add(file);
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) paths.add(file.slice(0, i));
  }
  return paths;
}

/**
 * Validates documents held in memory with every pure rule (JSON Schema only through
 * `checkSchema`, since Ajv's compiled validators need eval and live in main).
 */
export function validateDocuments(documents: readonly DocumentInput[], options: ValidateDocumentsOptions = {}): DocumentsValidation {
  const parsed = new Map<string, IndexParseResult>(documents.map((d) => [d.file, parseForIndex(d.text)]));
  const schema = options.schema ?? inferSchema(documents.map((d) => ({ path: d.file, data: parsed.get(d.file)?.data ?? null })));
  const facts = documents.map((d) => {
    const result = parsed.get(d.file);
    return collectFileFacts(d.file, d.text, { schema, ...(result === undefined ? {} : { parsed: result }), ...(options.checkSchema === undefined ? {} : { checkSchema: options.checkSchema }) });
  });
  const existing = options.existingPaths ?? withFolders(documents.map((d) => d.file));
  const problems = [...facts.flatMap((f) => f.problems), ...crossFileProblems(facts, existing)].sort(compareProblems);
  return { schema, problems };
}
