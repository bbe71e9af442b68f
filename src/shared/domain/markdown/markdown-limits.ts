/** Resource limits that keep pathological Markdown from stalling the preview. */
export interface MarkdownLimits {
  /** Longest body (UTF-16 code units) rendered; the rest is cut at a line end with a note. */
  readonly maxChars: number;
  /** markdown-it's `maxNesting`: deeper block or inline nesting is rendered flat or dropped. */
  readonly maxNesting: number;
}

/**
 * Defaults chosen from measurements (see render-markdown.test.ts): real bodies are a few KB and
 * rarely nest more than 5 levels, while 128 KB of adversarial input (`[a` x 65,000, a 5,000-column
 * table) renders in 100-250 ms; the preview renders bodies that large in a worker.
 */
export const DEFAULT_MARKDOWN_LIMITS: MarkdownLimits = { maxChars: 128 * 1024, maxNesting: 20 };
