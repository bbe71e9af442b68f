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
  // Nodes link to their parent and a path is only built for a hit: copying the path at every
  // node made this a hot spot over whole folders.
  interface Node {
    readonly parent: Node | null;
    readonly key: string | number;
    readonly value: unknown;
  }
  const pathOf = (node: Node): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let n: Node = node; n.parent !== null; n = n.parent) path.push(n.key);
    return path.reverse();
  };
  const stack: Node[] = [{ parent: null, key: '', value: data }];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const value = node.value;
    if (typeof value === 'string') {
      // Cheap pre-check: every recognised format has a digit first or second.
      if (value.length >= 8 && value.length <= 40 && /^\d/.test(value)) {
        const parts = parseDateParts(value);
        if (parts !== undefined && !dateExists(parts)) found.push({ path: pathOf(node), value });
      }
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ parent: node, key: i, value: value[i] as unknown });
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i] as string;
        stack.push({ parent: node, key, value: (value as Record<string, unknown>)[key] });
      }
    }
  }
  return found;
}
