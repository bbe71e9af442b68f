import type { FolioSchema } from './folio-schema';
import { parseFolioSchema } from './parse-folio-schema';

/** Largest schema file read: a real one is a few KB; a huge one is a mistake or an attack. */
export const MAX_SCHEMA_FILE_CHARS = 1024 * 1024;

/** A schema read from text, or a message fit for a problem or a CLI error. */
export type LoadedSchema = { readonly ok: true; readonly schema: FolioSchema } | { readonly ok: false; readonly message: string };

/**
 * Parses the text of a schema file: JSON, the Folio envelope, a size limit. Never throws. Shared so
 * the schema dialog checks an edit with exactly the rules the save applies.
 */
export function parseSchemaText(text: string): LoadedSchema {
  if (text.length > MAX_SCHEMA_FILE_CHARS) return { ok: false, message: `The schema file is larger than ${MAX_SCHEMA_FILE_CHARS / 1024} KB and was not read.` };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `The schema file is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = parseFolioSchema(value);
  return parsed.ok ? { ok: true, schema: parsed.schema } : { ok: false, message: `The schema file is not a Folio schema: ${parsed.message}` };
}
