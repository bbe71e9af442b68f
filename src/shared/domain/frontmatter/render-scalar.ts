/** A JS value an edit may write: plain data only, never functions or class instances. */
export type PlainValue = string | number | boolean | null | readonly PlainValue[] | { readonly [key: string]: PlainValue };

/** How a scalar is written in the source. */
export type ScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'block-folded' | 'block-literal';

/**
 * What a plain (unquoted) text would be read as. `core-*` are what YAML 1.2 core (our parser and
 * the `yaml` default) reads as non-strings. `date`, `datetime`, `yaml11` are strings under 1.2 but
 * dates/booleans/numbers for YAML 1.1 readers (js-yaml default, Hugo, Jekyll), so a new string
 * with that shape is quoted unless the field was already written that way.
 */
export type PlainClass = 'string' | 'core-null' | 'core-bool' | 'core-number' | 'date' | 'datetime' | 'yaml11';

const CORE_NULL = /^(?:~|null|Null|NULL)?$/;
const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const CORE_NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const DATE = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/;
const DATETIME = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?$/;
const YAML11 =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=|<<|[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?0x[0-9a-fA-F_]+)$/;

/** Classifies a plain scalar's text the way YAML readers would see it. */
export function classifyPlain(text: string): PlainClass {
  if (CORE_NULL.test(text)) return 'core-null';
  if (CORE_BOOL.test(text)) return 'core-bool';
  if (CORE_NUMBER.test(text)) return 'core-number';
  if (DATE.test(text)) return 'date';
  if (DATETIME.test(text)) return 'datetime';
  if (YAML11.test(text)) return 'yaml11';
  return 'string';
}

/** True for `2024-01-05`-shaped strings. */
export function isDateLike(text: string): boolean {
  return DATE.test(text);
}

/** True for ISO/YAML-timestamp-shaped strings with a time part. */
export function isDateTimeLike(text: string): boolean {
  return DATETIME.test(text);
}

// Characters that YAML forbids unescaped, plus ones readers mangle (NEL, BOM, line separators).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const NEEDS_DOUBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\u2028\u2029\ud800-\udfff]/;

/** True when `text` can be written unquoted and reads back as the same string. */
export function isPlainSafe(text: string, inFlow: boolean): boolean {
  if (text === '' || /^[\s]|[\s]$/.test(text)) return false;
  if (/[\n\r\t]/.test(text) || NEEDS_DOUBLE.test(text)) return false;
  if (/^[?:,[\]{}#&*!|>'"%@`]/.test(text)) return false;
  if (/^-(?:\s|$)/.test(text) || text.startsWith('---') || text.startsWith('...')) return false;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return false;
  if (inFlow && /[,[\]{}]|:[,[\]{}]/.test(text)) return false;
  return true;
}

/** Single-quoted form; only valid for one-line printable text. */
export function quoteSingle(text: string): string | null {
  if (/[\n\r]/.test(text) || NEEDS_DOUBLE.test(text)) return null;
  return `'${text.replace(/'/g, "''")}'`;
}

/** Double-quoted form: JSON escapes are valid YAML escapes; YAML-specific oddities are escaped too. */
export function quoteDouble(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\ufeff\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes a number the way YAML 1.2 core reads it back as the same number. */
export function renderNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  if (Object.is(value, -0)) return '-0.0';
  return String(value);
}

/** Context a new scalar is written into. */
export interface ScalarContext {
  /** Inside `[...]` or `{...}`: `,[]{}` need quotes. */
  readonly inFlow: boolean;
  /** The style the value had; kept when the new value allows it. */
  readonly style?: ScalarStyle;
  /** Classification of the original plain text, so a field written as a bare date stays bare. */
  readonly originalClass?: PlainClass;
}

/**
 * Renders a non-block scalar for one line. Strings keep their quote style when possible and are
 * quoted when plain text would read as something else (a number, a boolean, null, a date).
 */
export function renderInlineScalar(value: string | number | boolean | null, ctx: ScalarContext): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return renderNumber(value);
  const style = ctx.style ?? 'plain';
  if (style === 'double-quoted') return quoteDouble(value);
  if (style === 'single-quoted') return quoteSingle(value) ?? quoteDouble(value);
  if (isPlainSafe(value, ctx.inFlow)) {
    const cls = classifyPlain(value);
    if (cls === 'string') return value;
    // A bare date (or `no`) stays bare when the field was already written bare in that shape.
    if (cls !== 'core-null' && cls !== 'core-bool' && cls !== 'core-number' && cls === ctx.originalClass) return value;
  }
  return quoteSingle(value) ?? quoteDouble(value);
}

/** Renders a key for `key: value`. */
export function renderKey(key: string): string {
  return isPlainSafe(key, false) && classifyPlain(key) === 'string' && !key.includes(':') ? key : (quoteSingle(key) ?? quoteDouble(key));
}

/**
 * Greedy word wrap for folded block scalars: breaks only at a single space between two non-space
 * characters, because any other break would change the folded value.
 */
export function foldLine(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let start = 0;
  while (text.length - start > width) {
    let breakAt = -1;
    for (let i = start + 1; i < text.length - 1; i += 1) {
      if (text[i] === ' ' && text[i - 1] !== ' ' && text[i + 1] !== ' ') {
        if (i - start <= width || breakAt === -1) breakAt = i;
        if (i - start > width) break;
      }
    }
    if (breakAt === -1) break;
    lines.push(text.slice(start, breakAt));
    start = breakAt + 1;
  }
  lines.push(text.slice(start));
  return lines;
}

/**
 * Content lines (without indentation) of a block scalar holding `value`, or null when the value
 * cannot be written in that block style without changing its meaning.
 */
export function blockScalarLines(value: string, style: 'block-folded' | 'block-literal', width: number): { lines: string[]; chomp: '-' | '' | '+' } | null {
  if (NEEDS_DOUBLE.test(value) || value.includes('\r')) return null;
  const trailing = /\n*$/.exec(value)?.[0].length ?? 0;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const content = value.slice(0, value.length - trailing);
  // A leading space or tab would be taken as indentation (or, folded, as a "more indented" line).
  if (/^[ \t]/.test(content) || (style === 'block-folded' && /\n[ \t]/.test(content))) return null;
  if (content === '') return trailing <= 1 ? { lines: [], chomp } : null;
  const source = content.split('\n');
  let lines: string[];
  if (style === 'block-literal') {
    lines = source;
  } else {
    lines = [];
    // In folded style a single line break reads as a space, so each real `\n` is an empty line.
    source.forEach((paragraph, i) => {
      if (i > 0) lines.push('');
      if (paragraph !== '') lines.push(...foldLine(paragraph, width));
    });
  }
  const extra = chomp === '+' ? Array.from({ length: trailing - 1 }, () => '') : [];
  return { lines: [...lines, ...extra], chomp };
}
