import { classifyUrl } from '../../../../shared/domain/markdown';

/** What a click on a preview link should do. */
export type PreviewLinkAction =
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'anchor'; readonly id: string }
  | { readonly kind: 'item'; readonly href: string }
  | { readonly kind: 'none' };

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Decides where a preview link goes. Only https and mailto leave the app (through the caller's
 * checked `shell:openExternal`); `#x` scrolls the preview; relative links open another item;
 * anything else (javascript:, file:, custom schemes, `//host`) does nothing.
 */
export function routePreviewLink(href: string): PreviewLinkAction {
  const { kind, url } = classifyUrl(href);
  switch (kind) {
    case 'https':
    case 'mailto':
      return { kind: 'external', url };
    case 'fragment':
      return url.length > 1 ? { kind: 'anchor', id: decodeSafely(url.slice(1)) } : { kind: 'none' };
    case 'relative':
      return { kind: 'item', href: url };
    default:
      return { kind: 'none' };
  }
}
