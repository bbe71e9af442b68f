import type { FolioSchema } from './folio-schema';

/** A schema document read from JSON, or a message saying what is wrong with it. */
export type ParseFolioSchemaResult = { readonly ok: true; readonly schema: FolioSchema } | { readonly ok: false; readonly message: string };

function isObj(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the Folio envelope of a parsed `.folio/schema.json` (version, types, match, schema).
 * The JSON Schemas inside are checked by the validator when it compiles them.
 */
export function parseFolioSchema(value: unknown): ParseFolioSchemaResult {
  if (!isObj(value)) return { ok: false, message: 'The schema file must hold a JSON object.' };
  const version = value['x-folio-version'];
  if (version !== 1) return { ok: false, message: `"x-folio-version" must be 1 (found ${version === undefined ? 'nothing' : JSON.stringify(version)}).` };
  const types = value['types'];
  if (!isObj(types)) return { ok: false, message: '"types" must be an object of content types.' };
  for (const [name, type] of Object.entries(types)) {
    if (!isObj(type)) return { ok: false, message: `Content type "${name}" must be an object.` };
    const match = type['match'];
    const byGlob = isObj(match) && typeof match['glob'] === 'string';
    const byKey = isObj(match) && typeof match['key'] === 'string' && ['string', 'number', 'boolean'].includes(typeof match['equals']);
    if (!byGlob && !byKey) return { ok: false, message: `Content type "${name}" needs "match": {"glob": "..."} or {"key": "...", "equals": ...}.` };
    if (!isObj(type['schema'])) return { ok: false, message: `Content type "${name}" needs a "schema" object.` };
  }
  return { ok: true, schema: value as unknown as FolioSchema };
}
