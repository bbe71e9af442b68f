import type { MarkdownIt, StateBlock, StateInline, Token } from 'markdown-it';

/** A Hugo shortcode as written; Folio only labels it, it never runs Hugo templates. */
export interface Shortcode {
  readonly name: string;
  readonly args: string;
  readonly closing: boolean;
  /** `{{%` shortcodes have Markdown inside in Hugo; `{{<` ones have HTML. */
  readonly delimiter: '<' | '%';
  /** Hugo's escape form (`{{</*` ... `*\/>}}`), which Hugo prints literally. */
  readonly escaped: boolean;
  /** The literal source text, used for escaped shortcodes. */
  readonly raw: string;
}

interface ShortcodeMatch {
  readonly shortcode: Shortcode;
  readonly end: number;
}

/** Remembers the last search per closing sequence so repeated `{{<` without `>}}` stays linear. */
interface CloseCache {
  from: number;
  found: number;
}

const caches = new WeakMap<object, Map<string, CloseCache>>();

function findClose(owner: object, src: string, seq: string, from: number): number {
  let byseq = caches.get(owner);
  if (!byseq) {
    byseq = new Map();
    caches.set(owner, byseq);
  }
  const cached = byseq.get(seq);
  // No occurrence in [cached.from, cached.found), so any search starting inside that range ends at
  // the same place: this is what keeps 80,000 unclosed `{{<` from being quadratic.
  if (cached && from >= cached.from && (cached.found === -1 || from <= cached.found)) return cached.found;
  const found = src.indexOf(seq, from);
  byseq.set(seq, { from, found });
  return found;
}

const MAX_BLOCK_SHORTCODE_LINES = 20;

const NAME = /^\/?\s*([\w./:-]+)/;

/** Matches a shortcode starting exactly at `pos`, ending before `max`. */
export function matchShortcode(owner: object, src: string, pos: number, max: number): ShortcodeMatch | null {
  if (src.charCodeAt(pos) !== 0x7b || src.charCodeAt(pos + 1) !== 0x7b) return null;
  const opener = src.charAt(pos + 2);
  if (opener !== '<' && opener !== '%') return null;
  const seq = opener === '<' ? '>}}' : '%}}';
  const close = findClose(owner, src, seq, pos + 3);
  if (close === -1 || close + 3 > max) return null;
  let inner = src.slice(pos + 3, close).trim();
  const escaped = inner.startsWith('/*') && inner.endsWith('*/');
  if (escaped) inner = inner.slice(2, -2).trim();
  const closing = inner.startsWith('/');
  const name = NAME.exec(inner)?.[1];
  if (name === undefined) return null;
  const args = inner.slice(inner.indexOf(name) + name.length).trim();
  const raw = escaped ? `{{${opener} ${inner} ${seq.slice(0, 1)}}}` : src.slice(pos, close + 3);
  return { shortcode: { name, args, closing, delimiter: opener, escaped, raw }, end: close + 3 };
}

/** The visible label: the name and its arguments, as the issue's mock-up shows (`youtube abc`). */
export function shortcodeLabel(shortcode: Shortcode): string {
  const name = shortcode.closing ? `/${shortcode.name}` : shortcode.name;
  return shortcode.args === '' ? name : `${name} ${shortcode.args}`;
}

function lineText(state: StateBlock, line: number): string {
  const start = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
  return state.src.slice(start, state.eMarks[line]).trim();
}

function closerPattern(name: string, delimiter: '<' | '%'): RegExp {
  const escapedName = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const close = delimiter === '<' ? '>' : '%';
  return new RegExp(`^\\{\\{\\${delimiter}\\s*/\\s*${escapedName}\\s*\\${close}\\}\\}$`);
}

/** Line numbers that could close a paired shortcode, indexed once per document by first word. */
function closerCandidates(state: StateBlock): Map<string, number[]> {
  const env = state.env as { shortcodeClosers?: Map<string, number[]> };
  if (env.shortcodeClosers) return env.shortcodeClosers;
  const index = new Map<string, number[]>();
  const lines = state.src.split('\n');
  const loose = /^[\s>]*\{\{[<%]\s*\/\s*([\w./:-]+)/;
  lines.forEach((text, line) => {
    const name = loose.exec(text)?.[1];
    if (name === undefined) return;
    const list = index.get(name);
    if (list) list.push(line);
    else index.set(name, [line]);
  });
  env.shortcodeClosers = index;
  return index;
}

function findCloserLine(state: StateBlock, shortcode: Shortcode, after: number, endLine: number): number {
  const candidates = closerCandidates(state).get(shortcode.name) ?? [];
  const pattern = closerPattern(shortcode.name, shortcode.delimiter);
  for (const line of candidates) {
    if (line <= after) continue;
    if (line >= endLine) break;
    if (pattern.test(lineText(state, line))) return line;
  }
  return -1;
}

function shortcodeBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // Four spaces of indentation make an indented code block, where a shortcode is just text.
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const pos = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  // A shortcode's arguments fit on a few lines and never span a blank line, so an unclosed
  // `{{<` cannot swallow the document or a later code fence.
  let last = startLine;
  while (last + 1 < endLine && last - startLine < MAX_BLOCK_SHORTCODE_LINES && !state.isEmpty(last + 1)) last += 1;
  const max = state.eMarks[last] ?? state.src.length;
  const found = matchShortcode(state, state.src, pos, max);
  if (!found) return false;
  let lastLine = startLine;
  while (lastLine + 1 < endLine && (state.eMarks[lastLine] ?? 0) < found.end) lastLine += 1;
  // Text after the shortcode on its line: leave it to the paragraph and the inline rule.
  if (state.src.slice(found.end, state.eMarks[lastLine]).trim() !== '') return false;
  if (silent) return true;
  const { shortcode } = found;
  let inner: string | null = null;
  let nextLine = lastLine + 1;
  if (!shortcode.closing && !shortcode.escaped) {
    const closer = findCloserLine(state, shortcode, lastLine, endLine);
    if (closer !== -1) {
      inner = state.getLines(lastLine + 1, closer, state.blkIndent, false);
      nextLine = closer + 1;
    }
  }
  const token = state.push('shortcode_block', 'div', 0);
  token.block = true;
  token.map = [startLine, nextLine];
  token.meta = { shortcode, inner };
  state.line = nextLine;
  return true;
}

function shortcodeInline(state: StateInline, silent: boolean): boolean {
  const found = matchShortcode(state, state.src, state.pos, state.posMax);
  if (!found) return false;
  if (!silent) {
    const token = state.push('shortcode_inline', 'span', 0);
    token.meta = { shortcode: found.shortcode, inner: null };
  }
  state.pos = found.end;
  return true;
}

function renderShortcode(md: MarkdownIt, token: Token, block: boolean): string {
  const { shortcode, inner } = token.meta as { shortcode: Shortcode; inner: string | null };
  const esc = md.utils.escapeHtml;
  if (shortcode.escaped) return block ? `<p${md.renderer.renderAttrs(token)}>${esc(shortcode.raw)}</p>\n` : esc(shortcode.raw);
  const tag = block ? 'div' : 'span';
  const innerHtml = inner === null ? '' : `<pre class="shortcode-inner">${esc(inner)}</pre>`;
  return (
    `<${tag} class="shortcode"${md.renderer.renderAttrs(token)} data-shortcode="${esc(shortcode.name)}">` +
    `<span class="shortcode-label">${esc(shortcodeLabel(shortcode))}</span>${innerHtml}</${tag}>${block ? '\n' : ''}`
  );
}

/**
 * markdown-it plugin: Hugo shortcodes (`{{< name args >}}`, `{{% name %}}`, paired ones with
 * their inner text) become labelled opaque blocks or spans. Nothing inside them is interpreted:
 * Hugo would run a template there, Folio only shows that one is there.
 */
export function shortcodePlugin(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'shortcode', shortcodeBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.after('text', 'shortcode', shortcodeInline);
  md.renderer.rules['shortcode_block'] = (tokens, idx) => renderShortcode(md, tokens[idx] as Token, true);
  md.renderer.rules['shortcode_inline'] = (tokens, idx) => renderShortcode(md, tokens[idx] as Token, false);
}
