/** Folio's Markdown pipeline: body -> unsanitised HTML, headings, links, images, source lines. */
export { renderMarkdown } from './render-markdown';
export type {
  MarkdownHeading,
  MarkdownImage,
  MarkdownLink,
  ReferenceOrigin,
  RenderedMarkdown,
  RenderMarkdownOptions,
  SourceMapEntry,
} from './render-markdown';
export { DEFAULT_MARKDOWN_LIMITS } from './markdown-limits';
export type { MarkdownLimits } from './markdown-limits';
export { classifyUrl, isRemoteKind, normalizeUrl } from './classify-url';
export type { ClassifiedUrl, UrlKind } from './classify-url';
export { extractHtmlReferences } from './extract-html-references';
export type { HtmlReference } from './extract-html-references';
export { shortcodeLabel } from './shortcode-plugin';
export type { Shortcode } from './shortcode-plugin';
export { slugifyHeading } from './slugify-heading';
export { resolveAssetPaths } from './resolve-asset-paths';
