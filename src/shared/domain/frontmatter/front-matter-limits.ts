/** Resource limits that keep a hostile file from freezing or exhausting the app. */
export interface FrontMatterLimits {
  /** Largest front matter (UTF-16 code units, about bytes for ASCII) that is parsed at all. */
  readonly maxLength: number;
  /** Deepest nesting of maps and sequences. */
  readonly maxDepth: number;
  /** Most alias nodes (`*name`) in one front matter block. */
  readonly maxAliases: number;
}

/** Defaults: real front matter is a few KB, 10-20 levels deep, and rarely uses aliases at all. */
export const DEFAULT_FRONT_MATTER_LIMITS: FrontMatterLimits = { maxLength: 256 * 1024, maxDepth: 100, maxAliases: 1000 };

/**
 * Cheap estimate of nesting depth made before parsing, so a 5,000-deep document (`[[[[...`,
 * `- - - - x`, or ever deeper indentation) is refused in microseconds instead of overflowing or
 * slowing a recursive parser. It counts flow brackets, compact `- ` indicators and the stack of
 * increasing indentations; brackets inside quotes count too, which only over-estimates absurd files.
 */
export function estimateDepth(text: string, stopAt: number): number {
  let flow = 0;
  let max = 0;
  const indents: number[] = [];
  let i = 0;
  while (i < text.length) {
    // Start of a line: measure indentation and compact sequence indicators.
    let indent = 0;
    while (text.charCodeAt(i + indent) === 32) indent += 1;
    let j = i + indent;
    let compact = 0;
    while (text.charCodeAt(j) === 45 && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) {
      compact += 1;
      j += 2;
      while (text.charCodeAt(j) === 32) j += 1;
    }
    const c = text.charCodeAt(j);
    const blank = j >= text.length || c === 10 || c === 13 || c === 35;
    if (!blank) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
      indents.push(indent);
    }
    let end = text.indexOf('\n', j);
    if (end === -1) end = text.length;
    for (let k = j; k < end; k += 1) {
      const ch = text.charCodeAt(k);
      if (ch === 91 || ch === 123) {
        flow += 1;
        if (flow > max) max = flow;
      } else if ((ch === 93 || ch === 125) && flow > 0) {
        flow -= 1;
      }
    }
    max = Math.max(max, indents.length + compact + flow);
    if (max > stopAt) return max;
    i = end + 1;
  }
  return max;
}
