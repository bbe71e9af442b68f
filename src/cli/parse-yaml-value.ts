import { parseDocument } from 'yaml';
import type { PlainValue } from '../shared/domain/frontmatter';

/** A VALUE argument read as YAML, or why it could not be. */
export type ParseYamlValueResult = { readonly ok: true; readonly value: PlainValue } | { readonly ok: false; readonly message: string };

function isPlainValue(value: unknown): value is PlainValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.every(isPlainValue);
  if (typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.values(value).every(isPlainValue);
}

/**
 * Reads a command-line VALUE as one YAML 1.2 core-schema value, the way front matter itself is
 * read: `42` is a number, `'42'` a string, `2024-01-05` stays a string, `[a, b]` a list. Tags and
 * anything that is not plain data are refused, so what is written is exactly what was typed.
 */
export function parseYamlValue(text: string): ParseYamlValueResult {
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    strict: true,
    uniqueKeys: true,
    // Without this `!!timestamp` or `!!binary` would build a Date or a Buffer.
    resolveKnownTags: false,
    prettyErrors: false,
  });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined) return { ok: false, message: `VALUE is not valid YAML: ${problem.message.split('\n')[0] ?? ''}` };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, message: `VALUE is not valid YAML: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isPlainValue(value)) return { ok: false, message: 'VALUE must be plain data (text, number, true/false, null, a list or a map)' };
  return { ok: true, value };
}
