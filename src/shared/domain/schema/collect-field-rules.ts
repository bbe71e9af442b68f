import type { FolioJsonSchema, RuleSeverity } from './folio-schema';

/** A path through a schema: property names, `null` standing for every item of a list. */
export type FieldPattern = readonly (string | null)[];

/** One property of a content type's schema with the chain of schema nodes above it. */
export interface FieldRule {
  readonly pattern: FieldPattern;
  /** `a.b[].c`: for messages and for matching a `mirrorOf` path. */
  readonly patternText: string;
  readonly schema: FolioJsonSchema;
  /** What a violation of this field's rules weighs (see {@link ruleSeverity}). */
  readonly severity: RuleSeverity;
}

/**
 * The severity of a rule given the schema nodes from the type root down to the rule's node: the
 * nearest `x-folio-severity` wins; otherwise a rule inside anything marked `x-folio-inferred` is a
 * warning (a guess from the folder), and a rule a person wrote is an error.
 */
export function ruleSeverity(chain: readonly FolioJsonSchema[]): RuleSeverity {
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const severity = chain[i]?.['x-folio-severity'];
    if (severity === 'error' || severity === 'warning' || severity === 'info') return severity;
  }
  return chain.some((node) => node['x-folio-inferred'] === true) ? 'warning' : 'error';
}

function isSchemaObject(value: unknown): value is FolioJsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Formats a pattern as `a.b[].c`. */
export function formatFieldPattern(pattern: FieldPattern): string {
  let text = '';
  for (const segment of pattern) {
    if (segment === null) text += '[]';
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/**
 * Lists every property a content type's schema declares, depth first, with its severity. Only
 * `properties` and `items` are followed: they are what Folio's own rules (unique, mirror,
 * relation, date format) attach to. Bounded, because a schema file is untrusted input too.
 */
export function collectFieldRules(schema: FolioJsonSchema, maxDepth = 32): FieldRule[] {
  const rules: FieldRule[] = [];
  const visit = (node: FolioJsonSchema, pattern: FieldPattern, chain: readonly FolioJsonSchema[]): void => {
    if (pattern.length > maxDepth) return;
    const properties = node.properties;
    if (isSchemaObject(properties)) {
      for (const [key, child] of Object.entries(properties)) {
        if (!isSchemaObject(child)) continue;
        const childPattern = [...pattern, key];
        const childChain = [...chain, child];
        rules.push({ pattern: childPattern, patternText: formatFieldPattern(childPattern), schema: child, severity: ruleSeverity(childChain) });
        visit(child, childPattern, childChain);
      }
    }
    const items = node.items;
    if (isSchemaObject(items)) visit(items, [...pattern, null], [...chain, items]);
  };
  visit(schema, [], [schema]);
  return rules;
}

/** Every value at a pattern in the data, with its concrete path (list indexes filled in). */
export function valuesAtPattern(data: unknown, pattern: FieldPattern): { path: (string | number)[]; value: unknown }[] {
  let current: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: data }];
  for (const segment of pattern) {
    const next: { path: (string | number)[]; value: unknown }[] = [];
    for (const { path, value } of current) {
      if (segment === null) {
        if (Array.isArray(value)) value.forEach((item: unknown, i) => next.push({ path: [...path, i], value: item }));
      } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, segment)) {
        next.push({ path: [...path, segment], value: (value as Record<string, unknown>)[segment] });
      }
    }
    current = next;
  }
  return current;
}
