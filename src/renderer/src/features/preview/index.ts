/** The Markdown preview: sanitised live rendering, safe link handling, scroll sync. */
export { Preview } from './preview';
export type { PreviewHandle, PreviewProps } from './preview';
export { LOCAL_IMAGE_ATTRIBUTE, sanitizePreviewHtml } from './sanitize-preview-html';
export { createLocalImageLoader } from './local-image-loader';
export type { LocalImage, LocalImageLoader } from './local-image-loader';
export { applyLocalImages } from './apply-local-images';
export type { SanitizePreviewOptions } from './sanitize-preview-html';
export { routePreviewLink } from './route-preview-link';
export type { PreviewLinkAction } from './route-preview-link';
export { useRenderedMarkdown, PREVIEW_DEBOUNCE_MS, SYNC_RENDER_MAX_CHARS } from './use-rendered-markdown';
export type { RenderedMarkdownState } from './use-rendered-markdown';
