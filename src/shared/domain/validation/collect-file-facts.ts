import { flatString } from '../../lib/flat-string';
import { positionAt } from '../frontmatter/diagnostic';
import { formatFieldPath, parseFieldPath, type FieldPath } from '../frontmatter/field-path';
import { parseForIndex, type IndexParseResult } from '../frontmatter/parse-for-index';
import { collectFieldRules, valuesAtPattern, type FieldRule } from '../schema/collect-field-rules';
import type { ContentTypeDefinition, FolioJsonSchema, FolioSchema, RuleSeverity } from '../schema/folio-schema';
import { IDENTIFYING_KEYS } from '../schema/infer-schema';
import { resolveContentType } from '../schema/resolve-content-type';
import { formatDateParts, parseDateParts } from '../schema/value-formats';
import { extractBodyLinks } from './extract-body-links';
import { createFieldLocator, type FieldLocator } from './field-locator';
import { findImpossibleDates } from './find-impossible-dates';
import type { Problem, ProblemCode } from './problem';

/** A value that must be distinct within its scope (slug, id, a unique field), or is reported when shared (title). */
export interface KeyedValue {
  /** Values are compared within one scope: `slug`, `id`, `title`, or a type's unique field. */
  readonly scope: string;
  readonly code: Extract<ProblemCode, 'duplicate-slug' | 'duplicate-id' | 'duplicate-value' | 'duplicate-title'>;
  readonly severity: RuleSeverity;
  readonly field: string;
  /** The value as written, for messages and fixes. */
  readonly value: string;
  /** The value as compared. */
  readonly key: string;
  readonly line: number;
  readonly column: number;
}

/** A value that names another item of the folder. */
export interface RelationRef {
  readonly field: string;
  readonly value: string;
  /** Which identifying key of the targets it matches (`permalink`, `slug`, ...); any when absent. */
  readonly key?: string;
  readonly type?: string;
  readonly severity: RuleSeverity;
  readonly line: number;
  readonly column: number;
}

/** A local link or image in the body, already resolved against the file's folder. */
export interface LinkRef {
  readonly raw: string;
  readonly target: string | null;
  readonly image: boolean;
  readonly line: number;
  readonly column: number;
}

/**
 * What one file contributes to validation: its own problems, and the facts cross-file rules need.
 * Cross-file rules are recomputed from these alone, so a change re-reads only the changed file.
 * Facts live as long as the folder is open, so their strings are flat copies, never views that
 * would keep the file's whole text alive.
 */
export interface FileFacts {
  readonly file: string;
  readonly typeName?: string;
  readonly problems: readonly Problem[];
  /** Identifying values other items may point at: `permalink`, `slug`, `aliases`, `id`. */
  readonly idents: readonly { readonly key: string; readonly value: string }[];
  readonly keyed: readonly KeyedValue[];
  readonly relations: readonly RelationRef[];
  readonly links: readonly LinkRef[];
}

/** Everything `checkSchema` gets to validate one file's data (JSON Schema runs in main). */
export interface SchemaCheckInput {
  readonly file: string;
  readonly typeName: string;
  readonly definition: ContentTypeDefinition;
  readonly data: Readonly<Record<string, unknown>>;
  readonly locator: FieldLocator;
}

/** Options for {@link collectFileFacts}. */
export interface CollectFileFactsOptions {
  readonly schema: FolioSchema;
  /** Extra per-file checks, e.g. Ajv in the main process; returns located problems. */
  readonly checkSchema?: (input: SchemaCheckInput) => readonly Problem[];
  /** The parse result when the caller already has one. */
  readonly parsed?: IndexParseResult;
}

const rulesCache = new WeakMap<FolioJsonSchema, FieldRule[]>();

function rulesOf(schema: FolioJsonSchema): FieldRule[] {
  let rules = rulesCache.get(schema);
  if (rules === undefined) {
    rules = collectFieldRules(schema);
    rulesCache.set(schema, rules);
  }
  return rules;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function normalizeText(value: string): string {
  // Most values are already single-spaced: skip the regex replace (a hot spot over whole folders).
  return /\s\s|[^\S ]/.test(value) ? value.replace(/\s+/g, ' ').trim() : value.trim();
}

function getPath(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (Array.isArray(current)) current = typeof segment === 'number' ? current[segment] : undefined;
    else current = Object.hasOwn(current, String(segment)) ? (current as Record<string, unknown>)[String(segment)] : undefined;
  }
  return current;
}

/**
 * Locates values quickly: a top-level key is found by a string search for `\nkey:` and a value
 * under it by its own text, which covers slugs, ids, titles and relation targets in every file
 * without building an outline; anything else goes to the field locator.
 */
function createValueLocator(text: string, fmStart: number, fmEnd: number, locator: FieldLocator) {
  return (path: FieldPath, value?: string): { line: number; column: number } => {
    const top = path[0];
    if (typeof top === 'string' && /^[A-Za-z0-9_][\w.-]*$/.test(top)) {
      const needle = `\n${top}:`;
      const at = fmStart > 0 && text.startsWith(needle.slice(1), fmStart) ? fmStart : text.indexOf(needle, fmStart - 1) + 1;
      if (at > 0 && at < fmEnd) {
        if (path.length === 1) return positionAt(text, at);
        if (value !== undefined && value.length >= 3 && !/[\n'"\\]/.test(value)) {
          const found = text.indexOf(value, at);
          if (found !== -1 && found < fmEnd) return positionAt(text, found);
        }
      }
    }
    return locator.locate(path);
  };
}

const NONE: readonly never[] = Object.freeze([]);

function orNone<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? NONE : list;
}

/**
 * Validates one file on its own (parser diagnostics, impossible dates, date formats, mirror
 * drift, plus `checkSchema`) and gathers the facts the folder-wide rules need. Pure.
 */
export function collectFileFacts(file: string, text: string, options: CollectFileFactsOptions): FileFacts {
  const parsed = options.parsed ?? parseForIndex(text);
  const problems: Problem[] = [];
  for (const d of parsed.diagnostics) {
    problems.push(d.path === undefined ? { file, severity: d.severity, code: d.code, message: d.message, line: d.line, column: d.column } : { file, severity: d.severity, code: d.code, message: d.message, line: d.line, column: d.column, field: d.path });
  }
  const data = parsed.data;
  if (data === null) return { file, problems, idents: [], keyed: [], relations: [], links: [] };

  // Flat copies, one per distinct value: a slug is also an identifier, a link often equals its mirror.
  const copies = new Map<string, string>();
  const keep = (value: string): string => {
    let copy = copies.get(value);
    if (copy === undefined) copies.set(value, (copy = flatString(value)));
    return copy;
  };
  const fmStart = parsed.bodyOffset > 0 ? text.indexOf('\n') + 1 : 0;
  const locator = createFieldLocator(text);
  const at = createValueLocator(text, fmStart, parsed.bodyOffset, locator);
  const resolved = resolveContentType(options.schema, file, data);
  const rules = resolved === undefined ? [] : rulesOf(resolved.definition.schema);
  const add = (severity: RuleSeverity, code: ProblemCode, message: string, path: FieldPath, fix?: Problem['fix']): void => {
    const { line, column } = at(path);
    const field = formatFieldPath(path);
    problems.push(fix === undefined ? { file, severity, code, message, line, column, field } : { file, severity, code, message, line, column, field, fix });
  };

  const impossible = findImpossibleDates(data);
  const impossiblePaths = new Set<string>();
  for (const { path, value } of impossible) {
    impossiblePaths.add(formatFieldPath(path));
    add('error', 'impossible-date', `"${formatFieldPath(path)}" is ${JSON.stringify(value)}, a date that does not exist.`, path);
  }

  if (resolved !== undefined && options.checkSchema !== undefined) {
    for (const p of options.checkSchema({ file, typeName: resolved.name, definition: resolved.definition, data, locator })) {
      // The impossible-date rule already explains a date-shaped value that fails `format`.
      if (p.code === 'invalid-format' && p.field !== undefined && impossiblePaths.has(p.field)) continue;
      problems.push(p);
    }
  }

  const keyed: KeyedValue[] = [];
  const relations: RelationRef[] = [];
  const severityOf = (name: string, fallback: RuleSeverity): RuleSeverity => rules.find((r) => r.pattern.length === 1 && r.pattern[0] === name)?.schema['x-folio-severity'] ?? fallback;
  for (const [name, code, fallback] of [
    ['slug', 'duplicate-slug', 'error'],
    ['id', 'duplicate-id', 'error'],
    ['title', 'duplicate-title', 'info'],
  ] as const) {
    const value = scalarText(data[name]);
    if (value === undefined) continue;
    const { line, column } = at([name]);
    const kept = keep(value);
    const key = name === 'title' ? keep(normalizeText(value).toLowerCase()) : kept;
    keyed.push({ scope: name, code, severity: severityOf(name, fallback), field: name, value: kept, key, line, column });
  }

  for (const rule of rules) {
    const s = rule.schema;
    const builtIn = rule.pattern.length === 1 && (rule.pattern[0] === 'slug' || rule.pattern[0] === 'id' || rule.pattern[0] === 'title');
    if (s['x-folio-unique'] === true && !builtIn) {
      for (const { path, value } of valuesAtPattern(data, rule.pattern)) {
        const text = scalarText(value);
        if (text === undefined) continue;
        const { line, column } = at(path, text);
        const kept = keep(text);
        keyed.push({ scope: `${resolved?.name ?? ''}\u0000${rule.patternText}`, code: 'duplicate-value', severity: rule.severity, field: formatFieldPath(path), value: kept, key: kept, line, column });
      }
    }
    const mirrorOf = s['x-folio-mirrorOf'];
    if (typeof mirrorOf === 'string' && !rule.pattern.includes(null)) {
      const path = rule.pattern as string[];
      const mirror = scalarText(getPath(data, path));
      const source = scalarText(getPath(data, parseFieldPath(mirrorOf)));
      if (mirror !== undefined && source !== undefined && normalizeText(mirror) !== normalizeText(source)) {
        const field = formatFieldPath(path);
        add(rule.severity, 'mirror-drift', `"${field}" should copy "${mirrorOf}" but differs from it.`, path, {
          kind: 'sync-mirror',
          file,
          field,
          value: keep(source),
          title: `Copy "${mirrorOf}" into "${field}"`,
        });
      }
    }
    const dateFormat = s['x-folio-dateFormat'];
    if (dateFormat !== undefined) {
      for (const { path, value } of valuesAtPattern(data, rule.pattern)) {
        if (typeof value !== 'string') continue;
        const parts = parseDateParts(value);
        if (parts === undefined || parts.format === dateFormat || impossiblePaths.has(formatFieldPath(path))) continue;
        const normalized = formatDateParts(parts, dateFormat);
        const field = formatFieldPath(path);
        add(
          rule.severity,
          'date-format',
          `"${field}" is written ${parts.format}; the folder writes it ${dateFormat}.`,
          path,
          normalized === undefined ? undefined : { kind: 'normalize-date', file, field, value: normalized, title: `Write the date as ${normalized}` },
        );
      }
    }
    const relation = s['x-folio-relation'];
    if (s['x-folio-widget'] === 'relation' || relation !== undefined) {
      for (const { path, value } of valuesAtPattern(data, rule.pattern)) {
        const targets: [FieldPath, unknown][] = Array.isArray(value) ? value.map((v: unknown, i) => [[...path, i], v]) : [[path, value]];
        for (const [targetPath, target] of targets) {
          const text = scalarText(target);
          if (text === undefined) continue;
          const { line, column } = at(targetPath, text);
          const ref: RelationRef = { field: formatFieldPath(targetPath), value: keep(text), severity: rule.severity, line, column };
          relations.push({ ...ref, ...(relation?.key === undefined ? {} : { key: relation.key }), ...(relation?.type === undefined ? {} : { type: relation.type }) });
        }
      }
    }
  }

  const idents: { key: string; value: string }[] = [];
  for (const key of IDENTIFYING_KEYS) {
    const value = data[key];
    for (const v of Array.isArray(value) ? value : [value]) {
      const text = scalarText(v);
      if (text !== undefined) idents.push({ key, value: keep(text) });
    }
  }

  const links: LinkRef[] = extractBodyLinks(file, text.slice(parsed.bodyOffset)).map((link) => ({
    raw: keep(link.raw),
    target: link.target === null ? null : keep(link.target),
    image: link.image,
    ...positionAt(text, parsed.bodyOffset + link.offset),
  }));

  // Facts of every file are kept while the folder is open: most lists are empty, and share one.
  const facts = { file, problems: orNone(problems), idents: orNone(idents), keyed: orNone(keyed), relations: orNone(relations), links: orNone(links) };
  return resolved === undefined ? facts : { ...facts, typeName: resolved.name };
}

/** A problem for a file that could not be read at all, located at its start. */
export function fileProblem(file: string, code: ProblemCode, severity: RuleSeverity, message: string): FileFacts {
  return { file, problems: [{ file, severity, code, message, line: 1, column: 1 }], idents: [], keyed: [], relations: [], links: [] };
}

