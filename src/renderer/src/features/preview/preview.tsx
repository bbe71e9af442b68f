import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef } from 'react';
import type { MouseEvent, Ref } from 'react';
import type { RenderedMarkdown } from '../../../../shared/domain/markdown';
import { applyLocalImages } from './apply-local-images';
import type { LocalImageLoader } from './local-image-loader';
import { routePreviewLink } from './route-preview-link';
import { sanitizePreviewHtml } from './sanitize-preview-html';
import { lineForScrollTop, measureLineAnchors, scrollTopForLine } from './scroll-sync';
import type { LineAnchor } from './scroll-sync';
import { useRenderedMarkdown } from './use-rendered-markdown';
import './preview.css';

/** Imperative scroll sync, for the editor side. */
export interface PreviewHandle {
  /** Scrolls so body line `line` (1-based) is at the top; does not echo onVisibleLineChange. */
  scrollToSourceLine(line: number): void;
}

/** Props of the Markdown preview. */
export interface PreviewProps {
  /** The Markdown body, front matter already split off. */
  readonly body: string;
  /** User setting: load remote https images. Off by default everywhere. */
  readonly allowRemote: boolean;
  /** Maps a relative image path to a loadable URL or null when missing; keep it memoised. */
  readonly resolveLocal?: (src: string) => string | null;
  /**
   * Loads relative images (`createLocalImageLoader` over `document:asset`) after sanitising; one
   * per open item, memoised. Without it (and without resolveLocal) local images show no source.
   */
  readonly localImages?: LocalImageLoader;
  /** https: and mailto: links; wire to `window.api['shell:openExternal']`. */
  readonly onOpenExternal: (url: string) => void;
  /** Relative links to other items, as written (`../x/item.md#part`); resolve against the item. */
  readonly onOpenItem: (href: string) => void;
  /** The body line now at the top of the preview, after the user scrolled it. */
  readonly onVisibleLineChange?: (line: number) => void;
  /** Each new render, e.g. for headings or the validator's link list. */
  readonly onRendered?: (result: RenderedMarkdown) => void;
  /**
   * Render the first body once the page is idle instead of at once: for a preview mounted as an
   * item opens, so the form and editor paint first. Empty until then.
   */
  readonly deferFirstRender?: boolean;
  readonly ref?: Ref<PreviewHandle>;
}

function findAnchorTarget(container: HTMLElement, id: string): HTMLElement | null {
  // The sanitiser prefixes content ids; look inside the preview only, never the whole document.
  const wanted = [`user-content-${id}`, id];
  for (const name of wanted) {
    for (const element of container.querySelectorAll<HTMLElement>('[id]')) if (element.id === name) return element;
  }
  return null;
}

/**
 * Live preview of a Markdown body. The HTML it inserts is only ever the sanitiser's output;
 * every link click is intercepted (nothing navigates the app window or opens one), and the
 * preview follows the system light/dark theme.
 */
export function Preview({ body, allowRemote, resolveLocal, localImages, onOpenExternal, onOpenItem, onVisibleLineChange, onRendered, deferFirstRender = false, ref }: PreviewProps) {
  const { result, error } = useRenderedMarkdown(body, allowRemote, undefined, deferFirstRender);
  const html = useMemo(() => (result ? sanitizePreviewHtml(result.html, { allowRemote, resolveLocal }) : ''), [result, allowRemote, resolveLocal]);
  const container = useRef<HTMLDivElement>(null);
  const anchors = useRef<LineAnchor[] | null>(null);
  const ignoreScrollTop = useRef<number | null>(null);
  const lastReported = useRef<number | null>(null);
  const frame = useRef(0);

  useEffect(() => {
    if (result) onRendered?.(result);
  }, [result, onRendered]);

  // After the sanitised HTML is in the page and before it paints: cached images appear at once.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element || !localImages) return undefined;
    return applyLocalImages(element, localImages, () => {
      anchors.current = null;
    });
  }, [html, localImages]);

  // Positions change when the content, the pane size or a loaded image changes.
  useEffect(() => {
    anchors.current = null;
    const element = container.current;
    if (!element) return undefined;
    const invalidate = (): void => {
      anchors.current = null;
    };
    element.addEventListener('load', invalidate, true);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(invalidate);
    observer?.observe(element);
    return () => {
      element.removeEventListener('load', invalidate, true);
      observer?.disconnect();
    };
  }, [html]);

  const measured = useCallback((): LineAnchor[] => {
    const element = container.current;
    if (!element) return [];
    anchors.current ??= measureLineAnchors(element);
    return anchors.current;
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      scrollToSourceLine(line: number) {
        const element = container.current;
        if (!element) return;
        const top = scrollTopForLine(measured(), line);
        if (top === null) return;
        ignoreScrollTop.current = Math.round(top);
        element.scrollTop = top;
      },
    }),
    [measured],
  );

  const onScroll = useCallback(() => {
    const element = container.current;
    if (!element || !onVisibleLineChange) return;
    // Our own scrollToSourceLine must not bounce back to the editor.
    if (ignoreScrollTop.current !== null && Math.abs(element.scrollTop - ignoreScrollTop.current) <= 1) {
      ignoreScrollTop.current = null;
      return;
    }
    ignoreScrollTop.current = null;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const line = lineForScrollTop(measured(), element.scrollTop);
      if (line !== null && line !== lastReported.current) {
        lastReported.current = line;
        onVisibleLineChange(line);
      }
    });
  }, [measured, onVisibleLineChange]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onClick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      const target = event.target instanceof Element ? event.target.closest('a, area') : null;
      if (!target) return;
      // Always: the app window must never navigate, and no new window may open.
      event.preventDefault();
      if (event.type !== 'click' || event.button !== 0) return;
      const action = routePreviewLink(target.getAttribute('href') ?? '');
      if (action.kind === 'external') onOpenExternal(action.url);
      else if (action.kind === 'item') onOpenItem(action.href);
      else if (action.kind === 'anchor' && container.current) {
        const destination = findAnchorTarget(container.current, action.id);
        if (destination) {
          const element = container.current;
          element.scrollTop += destination.getBoundingClientRect().top - element.getBoundingClientRect().top;
        }
      }
    },
    [onOpenExternal, onOpenItem],
  );

  return (
    <div className="preview" ref={container} onScroll={onScroll} onClick={onClick} onAuxClick={onClick} aria-label="Preview" tabIndex={0}>
      {error && (
        <p className="preview-error" role="status">
          {error}
        </p>
      )}
      {/* The sanitiser's output and nothing else: see sanitize-preview-html.ts. */}
      <div className="preview-content" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
