import type { PlainValue } from '../../../../shared/domain/frontmatter';

/** A value as text for an input: strings as they are, numbers/booleans spelled out, '' for null or collections. */
export function scalarText(value: PlainValue | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
