/** What a URL found in content points at, as far as Folio's link and load policy cares. */
export type UrlKind =
  | 'empty'
  | 'fragment'
  | 'relative'
  | 'https'
  | 'http'
  | 'mailto'
  | 'data-image'
  | 'protocol-relative'
  | 'other';

/** A URL as a browser would read it, and its kind. */
export interface ClassifiedUrl {
  readonly kind: UrlKind;
  /** The value with the characters browsers ignore removed (see normalizeUrl). */
  readonly url: string;
}

// Browsers strip leading/trailing C0 controls and spaces and drop every tab and newline inside a
// URL, so `  JaVa\tScRiPt:` is still `javascript:`; classify what the browser will actually see.
// eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
const EDGE_JUNK = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const INNER_JUNK = /[\t\n\r]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Only raster formats a browser decodes without running anything; SVG is excluded on purpose.
const DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp)[;,]/i;

/** Removes what a browser's URL parser ignores, so checks see the same URL the browser will. */
export function normalizeUrl(raw: string): string {
  return raw.replace(EDGE_JUNK, '').replace(INNER_JUNK, '');
}

/**
 * Classifies a link or image target. This is the one checked function that decides which URLs
 * may be followed (https, mailto, in-document, relative) and which may load (relative, raster
 * data images, https only when the user allows remote content); everything else is `other`.
 */
export function classifyUrl(raw: string): ClassifiedUrl {
  const url = normalizeUrl(raw);
  if (url === '') return { kind: 'empty', url };
  if (url.startsWith('#')) return { kind: 'fragment', url };
  // `\` counts as `/` in special URLs, so `/\host` and `\\host` are protocol-relative too.
  if (/^[/\\]{2}/.test(url)) return { kind: 'protocol-relative', url };
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'relative', url };
  if (scheme === 'https') return { kind: 'https', url };
  if (scheme === 'http') return { kind: 'http', url };
  if (scheme === 'mailto') return { kind: 'mailto', url };
  if (scheme === 'data' && DATA_IMAGE.test(url)) return { kind: 'data-image', url };
  return { kind: 'other', url };
}

/** True for URLs that would fetch from the network if used as an image source. */
export function isRemoteKind(kind: UrlKind): boolean {
  return kind === 'https' || kind === 'http' || kind === 'protocol-relative';
}
