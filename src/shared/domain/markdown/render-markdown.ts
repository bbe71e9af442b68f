import MarkdownIt from 'markdown-it';
import type { Options, Renderer, StateCore, Token } from 'markdown-it';
import { classifyUrl, isRemoteKind } from './classify-url';
import type { UrlKind } from './classify-url';
import { extractHtmlReferences } from './extract-html-references';
import { DEFAULT_MARKDOWN_LIMITS } from './markdown-limits';
import type { MarkdownLimits } from './markdown-limits';
import { shortcodePlugin } from './shortcode-plugin';
import { slugifyHeading } from './slugify-heading';
import { taskListPlugin } from './task-list-plugin';

/** How to render: remote policy, local image resolution and resource limits. */
export interface RenderMarkdownOptions {
  /** When false, remote (http, https, protocol-relative) Markdown images become placeholders. */
  readonly allowRemote: boolean;
  /**
   * Maps a relative Markdown image source to a loadable URL (relative, blob: or raster data:),
   * or null when the file is missing. Raw HTML images are not seen here: the preview sanitiser
   * resolves those. The result still passes the sanitiser's URL rules.
   */
  readonly resolveLocal?: (src: string) => string | null;
  readonly limits?: Partial<MarkdownLimits>;
}

/** A heading, for an outline and for `#anchor` links. */
export interface MarkdownHeading {
  readonly level: number;
  readonly text: string;
  /** The anchor id rendered on the heading (the sanitiser may prefix it, see the preview). */
  readonly id: string;
  /** 1-based line in the body. */
  readonly line: number;
}

/** Where a link or image came from: Markdown syntax or raw HTML. */
export type ReferenceOrigin = 'markdown' | 'html';

/** A link target, for the validator (broken relative links) and the outline. */
export interface MarkdownLink {
  /** The target as it will appear in the href (Markdown targets are percent-encoded). */
  readonly href: string;
  readonly kind: UrlKind;
  readonly line: number;
  readonly origin: ReferenceOrigin;
}

/** An image source, for the validator (missing images). */
export interface MarkdownImage {
  readonly src: string;
  readonly alt: string;
  readonly kind: UrlKind;
  readonly line: number;
  readonly origin: ReferenceOrigin;
}

/** One block and the body lines it came from (1-based, inclusive), in document order. */
export interface SourceMapEntry {
  readonly line: number;
  readonly endLine: number;
  readonly tag: string;
}

/** The render output. `html` is NOT safe: it must go through the preview sanitiser. */
export interface RenderedMarkdown {
  readonly html: string;
  readonly headings: readonly MarkdownHeading[];
  readonly links: readonly MarkdownLink[];
  readonly images: readonly MarkdownImage[];
  readonly sourceMap: readonly SourceMapEntry[];
  /** True when the body was longer than `limits.maxChars` and only its start was rendered. */
  readonly truncated: boolean;
}

interface RenderEnv {
  readonly options: RenderMarkdownOptions;
  readonly slugs: Map<string, number>;
  readonly headings: MarkdownHeading[];
  readonly links: MarkdownLink[];
  readonly images: MarkdownImage[];
  readonly sourceMap: SourceMapEntry[];
}

// Leaf blocks whose single token carries the element's attributes.
const LEAF_BLOCKS = new Set(['fence', 'code_block', 'hr', 'shortcode_block']);

function lineOf(token: Token): number | null {
  return token.map ? token.map[0] + 1 : null;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

function inlineText(token: Token): string {
  let text = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += inlineText(child);
  }
  return text;
}

function recordHtml(env: RenderEnv, html: string, firstLine: number): void {
  for (const ref of extractHtmlReferences(html)) {
    const value = md_unescape(ref.value);
    const line = firstLine + countNewlines(html, ref.offset);
    const { kind } = classifyUrl(value);
    if (ref.attribute === 'href') env.links.push({ href: value, kind, line, origin: 'html' });
    else env.images.push({ src: value, alt: '', kind, line, origin: 'html' });
  }
}

let md_unescape: (s: string) => string = (s) => s;

/** Walks the token stream once: source lines, heading ids, table alignment, links and images. */
function annotate(state: StateCore): void {
  const env = state.env as RenderEnv;
  const { tokens } = state;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const line = lineOf(token);
    if (token.block && line !== null && token.map && (token.nesting === 1 || LEAF_BLOCKS.has(token.type))) {
      token.attrSet('data-source-line', String(line));
      env.sourceMap.push({ line, endLine: Math.max(line, token.map[1]), tag: token.tag || token.type });
    }
    if (token.type === 'html_block' && line !== null && token.map) {
      env.sourceMap.push({ line, endLine: Math.max(line, token.map[1]), tag: 'html' });
      recordHtml(env, token.content, line);
    }
    // Markdown's table alignment is an inline style; the sanitiser drops style attributes, so
    // carry the alignment as a class instead.
    if (token.type === 'th_open' || token.type === 'td_open') {
      const align = /text-align:(left|center|right)/.exec(token.attrGet('style') ?? '')?.[1];
      if (align !== undefined) {
        token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
        token.attrJoin('class', `align-${align}`);
      }
    }
    if (token.type === 'heading_open') {
      const inline = tokens[i + 1];
      const text = inline?.type === 'inline' ? inlineText(inline) : '';
      const base = slugifyHeading(text) || 'section';
      const seen = env.slugs.get(base) ?? 0;
      env.slugs.set(base, seen + 1);
      const id = seen === 0 ? base : `${base}-${seen}`;
      token.attrSet('id', id);
      env.headings.push({ level: Number(token.tag.slice(1)), text, id, line: line ?? 1 });
    }
    if (token.type === 'inline' && line !== null) collectInline(env, token, line);
  }
}

function collectInline(env: RenderEnv, inline: Token, firstLine: number): void {
  let line = firstLine;
  const visit = (children: readonly Token[]): void => {
    for (const child of children) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') line += 1;
      else if (child.type === 'link_open') {
        const href = child.attrGet('href') ?? '';
        env.links.push({ href, kind: classifyUrl(href).kind, line, origin: 'markdown' });
      } else if (child.type === 'image') {
        const src = child.attrGet('src') ?? '';
        env.images.push({ src, alt: inlineText(child), kind: classifyUrl(src).kind, line, origin: 'markdown' });
      } else if (child.type === 'html_inline') {
        recordHtml(env, child.content, line);
        line += countNewlines(child.content, child.content.length);
      } else if (child.type === 'text') {
        line += countNewlines(child.content, child.content.length);
      }
    }
  };
  visit(inline.children ?? []);
}

function placeholder(md: MarkdownIt, className: string, label: string): string {
  return `<span class="${className}" role="img" aria-label="${md.utils.escapeHtml(label)}">${md.utils.escapeHtml(label)}</span>`;
}

function installRenderRules(md: MarkdownIt): void {
  const defaultImage = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, options: Options, env: RenderEnv, self: Renderer) => {
    const token = tokens[idx] as Token;
    const src = token.attrGet('src') ?? '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const { kind } = classifyUrl(src);
    if (isRemoteKind(kind) && !env.options.allowRemote) {
      return placeholder(md, 'blocked-remote', alt ? `Remote image blocked: ${alt}` : 'Remote image blocked');
    }
    if (kind === 'relative' && env.options.resolveLocal) {
      const resolved = env.options.resolveLocal(decodeSafely(src));
      if (resolved === null) return placeholder(md, 'missing-image', `Missing image: ${decodeSafely(src)}`);
      token.attrSet('src', resolved);
    }
    return defaultImage ? defaultImage(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  // Raw HTML blocks carry no attributes of ours, so an empty marker before each keeps
  // synchronised scroll working for bodies that are curated HTML through and through.
  md.renderer.rules.html_block = (tokens, idx) => {
    const token = tokens[idx] as Token;
    const line = lineOf(token);
    const marker = line === null ? '' : `<div class="source-line-marker" data-source-line="${line}" aria-hidden="true"></div>`;
    return marker + token.content;
  };
}

function decodeSafely(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

const instances = new Map<number, MarkdownIt>();

function markdownIt(maxNesting: number): MarkdownIt {
  let md = instances.get(maxNesting);
  if (md) return md;
  // CommonMark plus the GFM parts Folio needs; raw HTML on (sanitised later, in the renderer);
  // no linkify or typographer so text renders as written.
  md = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false });
  // markdown-it reads `maxNesting` from its options but @types/markdown-it does not declare it.
  Object.assign(md.options, { maxNesting });
  md.enable(['table', 'strikethrough']);
  md.use(shortcodePlugin).use(taskListPlugin);
  md.core.ruler.push('folio_annotate', annotate);
  installRenderRules(md);
  md_unescape = md.utils.unescapeAll;
  instances.set(maxNesting, md);
  return md;
}

/** Cuts an over-long body at the last line end before the limit. */
function truncate(body: string, maxChars: number): { text: string; truncated: boolean } {
  if (body.length <= maxChars) return { text: body, truncated: false };
  const cut = body.lastIndexOf('\n', maxChars);
  return { text: body.slice(0, cut > 0 ? cut : maxChars), truncated: true };
}

/**
 * Renders a Markdown body (front matter already split off) to UNSANITISED HTML plus what the
 * validator and the outline need. Pure: runs in the renderer, a worker, the CLI or main.
 * Every block element carries `data-source-line` (1-based body line) for synchronised scroll.
 */
export function renderMarkdown(body: string, options: RenderMarkdownOptions): RenderedMarkdown {
  const limits = { ...DEFAULT_MARKDOWN_LIMITS, ...options.limits };
  const md = markdownIt(limits.maxNesting);
  const { text, truncated } = truncate(body, limits.maxChars);
  const env: RenderEnv = { options, slugs: new Map(), headings: [], links: [], images: [], sourceMap: [] };
  let html = md.render(text, env);
  if (truncated) {
    const shown = Math.round(text.length / 1024);
    const total = Math.round(body.length / 1024);
    html += `<p class="preview-truncated" role="note">Preview truncated: showing the first ${shown} KB of ${total} KB.</p>\n`;
  }
  return { html, headings: env.headings, links: env.links, images: env.images, sourceMap: env.sourceMap, truncated };
}
