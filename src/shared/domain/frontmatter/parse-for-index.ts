import { CORE_SCHEMA, Type, load, type LoadOptions } from 'js-yaml';
import { createDiagnostic, type FrontMatterDiagnostic } from './diagnostic';
import { DEFAULT_FRONT_MATTER_LIMITS, type FrontMatterLimits } from './front-matter-limits';
import { splitFrontMatter } from './split-front-matter';

/** What the folder index needs from one file. */
export interface IndexParseResult {
  /** The front matter as plain data (`{}` without front matter), or null when it could not be read. */
  readonly data: Record<string, unknown> | null;
  readonly diagnostics: readonly FrontMatterDiagnostic[];
  /** Where the Markdown body starts in the file. */
  readonly bodyOffset: number;
  /** `yaml`, or the refused language tag (`js`, `toml`, ...). */
  readonly language: string;
}

/** Largest number of nodes a document may expand to once aliases are followed (bounds later walks). */
const MAX_EXPANDED_NODES = 100_000;

// Tags met during the current synchronous `load` call (module state is safe: load never yields).
let seenTags: string[] = [];

// A catch-all for every tag the core schema does not know (`!!binary`, `!!js/function`, `!foo`):
// the value is kept as the plain data it is written as and reported, never constructed into code.
const catchAll = (['scalar', 'sequence', 'mapping'] as const).map(
  (kind) =>
    new Type('', {
      kind,
      multi: true,
      construct: (data: unknown, tag?: string) => {
        seenTags.push(tag ?? '');
        return kind === 'mapping' && data === null ? {} : data;
      },
    }),
);
const INDEX_SCHEMA = CORE_SCHEMA.extend(catchAll);

/** js-yaml 4.3 has `maxDepth`; the bundled typings predate it. */
type IndexLoadOptions = LoadOptions & { maxDepth?: number };

// An alias is `*name` where a node may start; counting candidates is a cheap upper bound.
const ALIAS = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/g;

/**
 * Fast, never-throwing front matter reader for indexing a whole folder: split + js-yaml with the
 * CORE schema (dates stay strings), with size, depth and alias limits checked before anything can
 * grow. Unknown tags and `<<` become diagnostics; `__proto__` stays an own data key.
 */
export function parseForIndex(text: string, limits: FrontMatterLimits = DEFAULT_FRONT_MATTER_LIMITS): IndexParseResult {
  const split = splitFrontMatter(text);
  const diagnostics: FrontMatterDiagnostic[] = [...split.diagnostics];
  const base = split.frontMatterOffset;
  const fm = split.frontMatter;
  const result = (data: Record<string, unknown> | null): IndexParseResult => ({ data, diagnostics, bodyOffset: split.bodyOffset, language: split.language });
  const refuse = (code: FrontMatterDiagnostic['code'], message: string, offset = base): IndexParseResult => {
    diagnostics.push(createDiagnostic(text, code, 'error', message, offset, offset));
    return result(null);
  };
  if (!split.hasFrontMatter) return result({});
  if (diagnostics.some((d) => d.severity === 'error')) return result(null);
  if (fm.length > limits.maxLength) return refuse('too-large', `The front matter is larger than ${Math.round(limits.maxLength / 1024)} KB and was not read.`);
  // Depth is bounded by js-yaml's own `maxDepth` below (it stops at the 101st level, before any
  // recursion can grow), so the index path skips the pre-scan the editing parser needs. Aliases are
  // rare in content: only a document that contains `*` pays for counting them.
  const aliasCount = fm.includes('*') ? (fm.match(ALIAS)?.length ?? 0) : 0;
  if (aliasCount > limits.maxAliases) return refuse('alias-limit', `The front matter uses more than ${limits.maxAliases} aliases and was not read.`);
  let loaded: unknown;
  seenTags = [];
  const options: IndexLoadOptions = { schema: INDEX_SCHEMA, maxDepth: limits.maxDepth };
  try {
    loaded = load(fm, options);
  } catch (error) {
    const info = yamlErrorInfo(error);
    if (/duplicated mapping key/i.test(info.message)) {
      diagnostics.push(
        createDiagnostic(text, 'duplicate-key', 'warning', 'A key appears twice in the same map; the last value is used.', base + info.position),
      );
      try {
        // json mode lets the later key win, which is what most site generators do.
        seenTags = [];
        loaded = load(fm, { ...options, json: true });
      } catch (again) {
        const retry = yamlErrorInfo(again);
        return refuse(codeOf(retry.message), `YAML syntax problem: ${retry.message}`, base + retry.position);
      }
    } else {
      return refuse(codeOf(info.message), `YAML syntax problem: ${info.message}`, base + info.position);
    }
  }
  // One diagnostic per distinct tag, at its first occurrence: js-yaml may construct a node twice.
  for (const tag of new Set(seenTags)) {
    // Locate the tag for the curator; the short `!!name` form is what is usually written.
    const short = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
    const found = fm.indexOf(short);
    diagnostics.push(
      createDiagnostic(text, 'unknown-tag', 'warning', `Unknown tag ${short}: the value is kept as plain text/data.`, base + Math.max(found, 0)),
    );
  }
  if (loaded === null || loaded === undefined) return result({});
  if (typeof loaded !== 'object' || Array.isArray(loaded)) return refuse('not-a-mapping', 'The front matter must be a map of "key: value" fields.');
  // Without an alias nothing is shared, so the data is exactly as large as the text (bounded by
  // maxLength); without `<<` there is no merge key to report. Only then is the walk needed.
  const walk = aliasCount > 0 || fm.includes('<<') ? measure(loaded) : { nodes: 0, mergeKey: false };
  if (walk.nodes > MAX_EXPANDED_NODES) return refuse('alias-limit', 'The front matter expands to too much data through aliases and was not read.');
  if (walk.mergeKey) {
    const at = fm.indexOf('<<');
    diagnostics.push(
      createDiagnostic(text, 'merge-key', 'warning', 'A "<<" merge key is kept as an ordinary field named "<<"; it is not merged.', base + Math.max(at, 0)),
    );
  }
  return result(loaded as Record<string, unknown>);
}

/**
 * Counts nodes as a full walk would see them (aliases expanded) without doing that walk: each
 * shared object is measured once, so a billion-laughs document is measured in microseconds.
 */
function measure(root: object): { nodes: number; mergeKey: boolean } {
  const sizes = new Map<object, number>();
  let mergeKey = false;
  // Post-order, iterative: a recursive walk is what hostile depth is designed to break.
  const stack: { node: object; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop() as { node: object; expanded: boolean };
    if (sizes.has(top.node)) continue;
    const children = Object.values(top.node).filter((v): v is object => typeof v === 'object' && v !== null);
    if (!top.expanded) {
      stack.push({ node: top.node, expanded: true });
      for (const child of children) if (!sizes.has(child)) stack.push({ node: child, expanded: false });
      if (!Array.isArray(top.node) && Object.prototype.hasOwnProperty.call(top.node, '<<')) mergeKey = true;
      continue;
    }
    let total = 1 + Object.keys(top.node).length;
    for (const child of children) total = Math.min(Number.MAX_SAFE_INTEGER, total + (sizes.get(child) ?? 0));
    sizes.set(top.node, total);
  }
  return { nodes: sizes.get(root) ?? 0, mergeKey };
}

function yamlErrorInfo(error: unknown): { message: string; position: number } {
  if (error instanceof Error) {
    const mark = (error as Error & { mark?: { position?: number } }).mark;
    const reason = (error as Error & { reason?: string }).reason;
    return { message: reason ?? error.message.split('\n')[0] ?? 'YAML error', position: mark?.position ?? 0 };
  }
  return { message: String(error), position: 0 };
}

function codeOf(message: string): FrontMatterDiagnostic['code'] {
  if (/maxDepth|call stack/i.test(message)) return 'too-deep';
  if (/tab/i.test(message) && /indent/i.test(message)) return 'tab-indentation';
  if (/duplicated mapping key/i.test(message)) return 'duplicate-key';
  return 'yaml-syntax';
}
