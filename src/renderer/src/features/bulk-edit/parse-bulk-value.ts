import { parseDocument } from 'yaml';
import type { PlainDataDto } from '../../../../shared/contract';

/** A typed value read as YAML, or why it could not be. */
export type ParsedBulkValue = { readonly ok: true; readonly value: PlainDataDto } | { readonly ok: false; readonly message: string };

function isPlain(value: unknown): value is PlainDataDto {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return true;
  if (Array.isArray(value)) return value.every(isPlain);
  if (typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.values(value).every(isPlain);
}

/**
 * Reads the value field as one YAML 1.2 core-schema value, as `folio set` does: `review` is text,
 * `42` a number, `'42'` text, `[a, b]` a list, `2024-01-05` stays text. Tags are not resolved.
 */
export function parseBulkValue(text: string): ParsedBulkValue {
  const doc = parseDocument(text, { version: '1.2', schema: 'core', strict: true, uniqueKeys: true, resolveKnownTags: false, prettyErrors: false });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined) return { ok: false, message: `Not valid YAML: ${problem.message.split('\n')[0] ?? ''}` };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, message: `Not valid YAML: ${error instanceof Error ? error.message : String(error)}` };
  }
  // An empty field means an empty string, not YAML's null: type `null` for null.
  if (text.trim() === '') return { ok: true, value: '' };
  if (!isPlain(value)) return { ok: false, message: 'The value must be plain data (text, number, true/false, null, a list or a map).' };
  return { ok: true, value };
}
