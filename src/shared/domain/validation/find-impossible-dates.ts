import type { FieldPath } from '../frontmatter/field-path';
import { dateExists, parseDateParts } from '../schema/value-formats';

/** A date-shaped string that names a day (or time) that does not exist. */
export interface ImpossibleDate {
  readonly path: FieldPath;
  readonly value: string;
}

/**
 * Finds every string in the data written as a date or date-time whose day does not exist
 * (`2023-02-30`, `2021-13-01`, `25:00`). Checked everywhere, schema or not: no site generator
 * can do anything sensible with such a date.
 */
export function findImpossibleDates(data: unknown): ImpossibleDate[] {
  const found: ImpossibleDate[] = [];
  // Iterative: data depth is bounded by the parser, but a loop costs nothing and cannot overflow.
  const stack: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: data }];
  while (stack.length > 0) {
    const { path, value } = stack.pop() as { path: (string | number)[]; value: unknown };
    if (typeof value === 'string') {
      // Cheap pre-check: every recognised format has a digit first or second.
      if (value.length >= 8 && value.length <= 40 && /^\d/.test(value)) {
        const parts = parseDateParts(value);
        if (parts !== undefined && !dateExists(parts)) found.push({ path, value });
      }
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ path: [...path, i], value: value[i] as unknown });
    } else if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i] as [string, unknown];
        stack.push({ path: [...path, key], value: child });
      }
    }
  }
  return found;
}
