import { parse, stringify } from 'yaml';
import type { PlainValue } from '../frontmatter';

/** A field's value as the merge view shows it: YAML flow text, `(absent)` for a missing field. */
export function formatFieldValue(value: unknown, present = true): string {
  if (!present) return '(absent)';
  return stringify(value, { indent: 2, lineWidth: 0 }).replace(/\n$/, '');
}

/** A value typed in the merge view, read as YAML; an error message when it is not valid YAML. */
export function parseFieldValue(text: string): { readonly ok: true; readonly value: PlainValue } | { readonly ok: false; readonly message: string } {
  try {
    // Plain data only: the default core schema makes no dates or custom types.
    const value = parse(text, { schema: 'core', maxAliasCount: 0 }) as unknown;
    return { ok: true, value: (value ?? null) as PlainValue };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
