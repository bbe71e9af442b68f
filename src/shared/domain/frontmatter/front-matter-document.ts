import { Composer, Parser, isAlias, isMap, isScalar, isSeq, type CST, type Document, type Node, type Pair, type YAMLError } from 'yaml';
import { createDiagnostic, hasErrors, type FrontMatterDiagnostic, type FrontMatterDiagnosticCode } from './diagnostic';
import { formatFieldPath, parseFieldPath, type FieldPath } from './field-path';
import { DEFAULT_FRONT_MATTER_LIMITS, estimateDepth, type FrontMatterLimits } from './front-matter-limits';
import { isDateLike, isDateTimeLike, type PlainValue, type ScalarStyle } from './render-scalar';
import { splitFrontMatter, type FrontMatterSplit } from './split-front-matter';

/** A value's type as WRITTEN: date-shaped strings are `date`/`datetime`, never `Date` objects. */
export type FieldType = 'string' | 'number' | 'boolean' | 'null' | 'date' | 'datetime' | 'map' | 'seq';

/** How a value is written: a scalar style, a collection style, or an alias. */
export type FieldStyle = ScalarStyle | 'block' | 'flow' | 'alias';

/** One value in the front matter, as the form shows it. */
export interface FrontMatterField {
  readonly path: FieldPath;
  /** `a.b.0.c`, with dots inside keys escaped as `\.`. */
  readonly pathText: string;
  readonly type: FieldType;
  readonly style: FieldStyle;
  /** The value's source text exactly as written (block scalars include their header). */
  readonly source: string;
  /** Offset of the value in the whole file. */
  readonly offset: number;
  /** End offset of the value in the whole file (line ending after a block excluded). */
  readonly endOffset: number;
}

/** The parsed YAML node tree this module builds on (eemeli `yaml`, CST tokens kept). */
export type YamlDocument = Document.Parsed;

/** The editing model of one file. */
export interface FrontMatterDocument {
  /** The whole file text this model was parsed from. */
  readonly text: string;
  readonly split: FrontMatterSplit;
  readonly diagnostics: readonly FrontMatterDiagnostic[];
  /** False when any diagnostic is an error: the file must be shown as raw text, edits refused. */
  readonly editable: boolean;
  /** The `yaml` document (null when there is no YAML to parse or it was refused before parsing). */
  readonly yaml: YamlDocument | null;
  /** The CST tokens of the front matter, offsets relative to `split.frontMatterOffset`. */
  readonly tokens: readonly CST.Token[];
  /** Every value in document order, depth first (the root map itself excluded). */
  readonly fields: readonly FrontMatterField[];
  /** The plain JS value at a path (dates stay strings), or undefined when absent. */
  getValue(path: string | FieldPath): PlainValue | undefined;
  /** The field at a path, or undefined when absent. */
  getField(path: string | FieldPath): FrontMatterField | undefined;
  /** The file text, unchanged: a no-op parse + serialize is byte-identical by construction. */
  toString(): string;
}

/** Options of the eemeli `yaml` parser, fixed so every caller reads YAML the same way. */
export const YAML_PARSE_OPTIONS = {
  keepSourceTokens: true,
  // YAML 1.2 core: `no`/`yes`/`on` are strings, dates are strings, `<<` is a plain key.
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: true,
  strict: true,
  // Without this an explicit `!!timestamp` or `!!binary` would still build a Date or a Buffer.
  resolveKnownTags: false,
  prettyErrors: false,
} as const;

/** One step of a resolved path: the node and how it hangs off its parent. */
export interface PathStep {
  readonly node: Node | null;
  /** The pair holding `node` when the parent is a map. */
  readonly pair?: Pair<Node, Node | null>;
  /** The index of `node` when the parent is a sequence. */
  readonly index?: number;
}

/**
 * Walks `path` from the root, returning the chain of steps that exist (the root first). A chain
 * shorter than `path.length + 1` means the path is missing from that point on.
 */
export function locatePath(doc: YamlDocument, path: FieldPath): PathStep[] {
  const steps: PathStep[] = [{ node: doc.contents }];
  let current = doc.contents as Node | null;
  for (const segment of path) {
    if (isAlias(current)) current = current.resolve(doc) ?? null;
    if (isMap(current)) {
      const pair = (current.items as Pair<Node, Node | null>[]).find((p) => keyText(p.key) === String(segment));
      if (pair === undefined) break;
      steps.push({ node: pair.value, pair });
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number' && segment < current.items.length) {
      const item = (current.items[segment] as Node | null | undefined) ?? null;
      steps.push({ node: item, index: segment });
      current = item;
    } else {
      break;
    }
  }
  return steps;
}

/** The text a map key is matched by: its scalar value as a string. */
export function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function scalarType(value: unknown): FieldType {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value !== 'string') return 'string';
  const text = value;
  if (isDateLike(text)) return 'date';
  if (isDateTimeLike(text)) return 'datetime';
  return 'string';
}

const SCALAR_STYLES: Readonly<Record<string, ScalarStyle>> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single-quoted',
  QUOTE_DOUBLE: 'double-quoted',
  BLOCK_FOLDED: 'block-folded',
  BLOCK_LITERAL: 'block-literal',
};

function mapYamlError(error: YAMLError): { code: FrontMatterDiagnosticCode; message: string } {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return { code: 'duplicate-key', message: 'This key appears twice in the same map; only one value can be kept.' };
    case 'TAB_AS_INDENT':
      return { code: 'tab-indentation', message: 'Tabs cannot be used to indent YAML; use spaces.' };
    case 'TAG_RESOLVE_FAILED':
      return { code: 'unknown-tag', message: `Unknown tag, the value is read as plain text (${error.message}).` };
    case 'RESOURCE_EXHAUSTION':
      return /call stack/i.test(error.message)
        ? { code: 'too-deep', message: 'The front matter is nested too deeply to be read safely.' }
        : { code: 'alias-limit', message: 'The front matter uses too many aliases to be read safely.' };
    default:
      return { code: 'yaml-syntax', message: `YAML syntax problem: ${error.message.split('\n')[0] ?? ''}` };
  }
}

/**
 * Parses a file into the editing model. Never throws: every problem is a diagnostic, and any error
 * makes the model read-only so a broken or hostile file is never rewritten.
 */
export function parseFrontMatterDocument(text: string, limits: FrontMatterLimits = DEFAULT_FRONT_MATTER_LIMITS): FrontMatterDocument {
  const split = splitFrontMatter(text);
  const diagnostics: FrontMatterDiagnostic[] = [...split.diagnostics];
  const base = split.frontMatterOffset;
  const fm = split.frontMatter;
  const refuse = (code: FrontMatterDiagnosticCode, message: string): FrontMatterDocument => {
    diagnostics.push(createDiagnostic(text, code, 'error', message, base, base + Math.min(fm.length, 1)));
    return buildModel(text, split, diagnostics, null, [], []);
  };
  if (!split.hasFrontMatter || hasErrors(split.diagnostics)) return buildModel(text, split, diagnostics, null, [], []);
  if (fm.length > limits.maxLength) {
    return refuse(
      'too-large',
      `The front matter is ${Math.round(fm.length / 1024)} KB, above the ${Math.round(limits.maxLength / 1024)} KB Folio reads; it opens read-only as raw text.`,
    );
  }
  if (estimateDepth(fm, limits.maxDepth) > limits.maxDepth) {
    return refuse('too-deep', `The front matter is nested more than ${limits.maxDepth} levels deep; it opens read-only as raw text.`);
  }
  let tokens: CST.Token[] = [];
  let doc: YamlDocument | undefined;
  try {
    tokens = Array.from(new Parser().parse(fm));
    const docs = Array.from(new Composer(YAML_PARSE_OPTIONS).compose(tokens, true));
    doc = docs[0];
    if (docs.length > 1)
      diagnostics.push(createDiagnostic(text, 'yaml-syntax', 'error', 'The front matter holds more than one YAML document.', base, base + fm.length));
  } catch (error) {
    // `yaml` promises not to throw; this guards the promise this function makes anyway.
    return refuse('yaml-syntax', `The front matter could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (doc === undefined) return refuse('yaml-syntax', 'The front matter could not be read.');
  for (const [list, severity] of [
    [doc.errors, 'error'],
    [doc.warnings, 'warning'],
  ] as const) {
    for (const error of list) {
      const { code, message } = mapYamlError(error);
      let [from, to] = error.pos;
      const quote = error.code === 'MISSING_CHAR' ? /closing (["'])/.exec(error.message)?.[1] : undefined;
      // yaml reports a missing closing quote at the end of the text; the curator needs the opening one.
      if (quote !== undefined && fm.lastIndexOf(quote, from - 1) >= 0) from = fm.lastIndexOf(quote, from - 1);
      to = Math.max(from, to);
      diagnostics.push(createDiagnostic(text, code, code === 'unknown-tag' ? 'warning' : severity, message, base + from, base + to));
    }
  }
  const root = doc.contents as Node | null;
  if (root !== null && !isMap(root) && !(isScalar(root) && root.value === null)) {
    diagnostics.push(
      createDiagnostic(
        text,
        'not-a-mapping',
        'error',
        'The front matter must be a list of "key: value" fields, not a single value or a list.',
        base + (root.range?.[0] ?? 0),
        base + (root.range?.[1] ?? 0),
      ),
    );
  }
  const fields: FrontMatterField[] = [];
  const aliases = collectFields(text, base, doc, limits, fields, diagnostics);
  if (aliases > 0 && !hasErrors(diagnostics)) {
    try {
      // Few aliases can still expand exponentially (billion laughs); the library's own counter
      // refuses that before anything big is built.
      doc.toJS({ maxAliasCount: 100 });
    } catch {
      diagnostics.push(
        createDiagnostic(
          text,
          'alias-limit',
          'error',
          'The front matter expands to too much data through aliases; it opens read-only as raw text.',
          base,
          base + 1,
        ),
      );
    }
  }
  return buildModel(text, split, diagnostics, doc, tokens, fields);
}

// Iterative walk: a recursive one is exactly what a hostile, deeply nested file would overflow.
function collectFields(
  text: string,
  base: number,
  doc: YamlDocument,
  limits: FrontMatterLimits,
  fields: FrontMatterField[],
  diagnostics: FrontMatterDiagnostic[],
): number {
  const root = doc.contents as Node | null;
  if (!isMap(root)) return 0;
  let aliases = 0;
  const stack: { node: Node | null; path: FieldPath; depth: number }[] = [];
  const pushChildren = (node: Node, path: FieldPath, depth: number): void => {
    const children: { node: Node | null; path: FieldPath; depth: number }[] = [];
    if (isMap(node)) {
      for (const pair of node.items as Pair<Node, Node | null>[]) {
        const key = keyText(pair.key);
        if (key === '<<' && isScalar(pair.key) && pair.key.type === 'PLAIN') {
          const r = pair.key.range ?? [0, 0];
          diagnostics.push(
            createDiagnostic(
              text,
              'merge-key',
              'warning',
              'A "<<" merge key is kept as an ordinary field named "<<"; Folio does not merge it.',
              base + r[0],
              base + r[1],
              formatFieldPath([...path, key]),
            ),
          );
        }
        children.push({ node: pair.value, path: [...path, key], depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => children.push({ node: (item as Node | null) ?? null, path: [...path, i], depth: depth + 1 }));
    }
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as { node: Node | null; path: FieldPath; depth: number });
  };
  pushChildren(root, [], 0);
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop() as { node: Node | null; path: FieldPath; depth: number };
    if (depth > limits.maxDepth) {
      diagnostics.push(
        createDiagnostic(text, 'too-deep', 'error', `The front matter is nested more than ${limits.maxDepth} levels deep.`, base, base, formatFieldPath(path)),
      );
      return aliases;
    }
    if (node === null) continue;
    const range = node.range ?? [0, 0, 0];
    let type: FieldType;
    let style: FieldStyle;
    let end = range[1];
    if (isAlias(node)) {
      aliases += 1;
      if (aliases > limits.maxAliases) {
        diagnostics.push(
          createDiagnostic(
            text,
            'alias-limit',
            'error',
            `The front matter uses more than ${limits.maxAliases} aliases.`,
            base + range[0],
            base + range[1],
            formatFieldPath(path),
          ),
        );
        return aliases;
      }
      const target = node.resolve(doc);
      type = isMap(target) ? 'map' : isSeq(target) ? 'seq' : scalarType(isScalar(target) ? target.value : null);
      style = 'alias';
    } else if (isScalar(node)) {
      type = scalarType(node.value);
      style = SCALAR_STYLES[node.type ?? 'PLAIN'] ?? 'plain';
    } else if (isMap(node) || isSeq(node)) {
      type = isMap(node) ? 'map' : 'seq';
      style = node.flow === true ? 'flow' : 'block';
      pushChildren(node, path, depth);
    } else {
      continue;
    }
    // Block scalars and block collections end after their last line break; the value does not.
    while (end > range[0] && (text.charCodeAt(base + end - 1) === 10 || text.charCodeAt(base + end - 1) === 13) && style !== 'plain') end -= 1;
    fields.push({
      path,
      pathText: formatFieldPath(path),
      type,
      style,
      source: text.slice(base + range[0], base + end),
      offset: base + range[0],
      endOffset: base + end,
    });
  }
  return aliases;
}

function buildModel(
  text: string,
  split: FrontMatterSplit,
  diagnostics: FrontMatterDiagnostic[],
  doc: YamlDocument | null,
  tokens: CST.Token[],
  fields: FrontMatterField[],
): FrontMatterDocument {
  const editable = !hasErrors(diagnostics);
  const byPath = new Map(fields.map((f) => [f.pathText, f]));
  return {
    text,
    split,
    diagnostics,
    editable,
    yaml: doc,
    tokens,
    fields,
    getValue(path) {
      if (doc === null) return undefined;
      const segments = parseFieldPath(path);
      const steps = locatePath(doc, segments);
      if (steps.length !== segments.length + 1) return undefined;
      const node = steps[steps.length - 1]?.node ?? null;
      if (node === null) return segments.length === 0 ? {} : null;
      try {
        // The library itself refuses alias bombs here (maxAliasCount).
        return node.toJS(doc, { maxAliasCount: 100 }) as PlainValue;
      } catch {
        return undefined;
      }
    },
    getField(path) {
      return byPath.get(formatFieldPath(parseFieldPath(path)));
    },
    toString() {
      return text;
    },
  };
}
