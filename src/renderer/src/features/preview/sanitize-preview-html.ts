import DOMPurify from 'dompurify';
import type { Config, DOMPurify as Purifier } from 'dompurify';
import { classifyUrl, isRemoteKind } from '../../../../shared/domain/markdown';

/** Per-call policy for the preview sanitiser. */
export interface SanitizePreviewOptions {
  /** When false (the default policy), remote images become `<span class="blocked-remote">`. */
  readonly allowRemote: boolean;
  /**
   * Maps a relative image source (raw HTML or Markdown) to a loadable URL, or null when the file
   * is missing. Its result is trusted to be a relative, `blob:` or raster `data:` URL. Without it,
   * a relative image keeps no `src` at all (the page would fetch it from the app's own origin, a
   * `file:` URL in Electron): its source moves to `data-folio-src`, which `applyLocalImages`
   * resolves through main after the sanitised HTML is in the page.
   */
  readonly resolveLocal?: (src: string) => string | null;
}

/** The attribute a deferred local image's source is kept in; only the sanitiser writes it. */
export const LOCAL_IMAGE_ATTRIBUTE = 'data-folio-src';

// Everything that runs code, navigates, submits, loads a document or a stylesheet, or plays media
// (media elements fetch remote sources through src, poster and <source>).
const FORBID_TAGS = [
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'form', 'input', 'button',
  'select', 'textarea', 'option', 'optgroup', 'base', 'meta', 'link', 'style', 'template', 'noscript',
  'audio', 'video', 'source', 'track', 'svg', 'math', 'dialog',
];

// `style` is dropped entirely rather than filtered for url(): inline CSS can also fetch through
// image-set(), position content over the app's own UI (`position: fixed`), or hide text, and
// curated pages' inline styles are layout noise. `background` on table cells loads an image.
const FORBID_ATTR = [
  'style', 'srcdoc', 'srcset', 'sizes', 'target', 'background', 'poster', 'action', 'formaction', 'ping',
  'download', 'lowsrc', 'dynsrc', 'longdesc', 'manifest', 'codebase', 'data', 'http-equiv', 'integrity',
  'popover', 'popovertarget', 'popovertargetaction', 'autofocus', 'xlink:href', 'xmlns',
];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  // DOMPurify's own URL check, kept as a second gate behind the hook below: https, mailto,
  // fragments and scheme-less URLs only.
  ALLOWED_URI_REGEXP: /^(?:https:|mailto:|#|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Content ids and names get a `user-content-` prefix so hostile HTML cannot clobber the
  // app's own ids or `document.x` / `window.x` properties.
  SANITIZE_NAMED_PROPS: true,
  RETURN_TRUSTED_TYPE: false,
};

let active: SanitizePreviewOptions = { allowRemote: false };
// Image elements whose src came from resolveLocal: the only place a blob: URL is accepted.
let resolvedImages = new WeakSet<Element>();
// Relative image sources taken out of `src` during this call, written back as LOCAL_IMAGE_ATTRIBUTE.
let deferredImages = new WeakMap<Element, string>();
let purifier: Purifier | null = null;

function replaceWithNote(node: Element, className: string, label: string): void {
  const note = node.ownerDocument.createElement('span');
  note.className = className;
  note.setAttribute('role', 'img');
  note.setAttribute('aria-label', label);
  note.textContent = label;
  node.replaceWith(note);
}

function decodeSafely(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

function onElement(node: Node, event: { tagName: string }): void {
  // nodeType, not instanceof: DOMPurify's inert document has no window to take Element from.
  if (event.tagName !== 'img' || node.nodeType !== 1) return;
  const element = node as Element;
  const src = element.getAttribute('src') ?? '';
  const alt = element.getAttribute('alt') ?? '';
  const { kind, url } = classifyUrl(src);
  if (isRemoteKind(kind) && !(kind === 'https' && active.allowRemote)) {
    replaceWithNote(element, 'blocked-remote', alt ? `Remote image blocked: ${alt}` : 'Remote image blocked');
    return;
  }
  if (kind === 'relative' && active.resolveLocal) {
    const resolved = active.resolveLocal(decodeSafely(url));
    if (resolved === null) {
      replaceWithNote(element, 'missing-image', `Missing image: ${decodeSafely(url)}`);
      return;
    }
    element.setAttribute('src', resolved);
    resolvedImages.add(element);
  }
}

function onAttribute(
  node: Element,
  event: { attrName: string; attrValue: string; keepAttr: boolean; forceKeepAttr: boolean | undefined },
): void {
  const name = event.attrName.toLowerCase();
  // DOMPurify drops event handlers already; this keeps the rule explicit and version-proof.
  if (name.startsWith('on')) {
    event.keepAttr = false;
    return;
  }
  // Content must not name files for the resolver: only our own deferred sources carry this.
  if (name === LOCAL_IMAGE_ATTRIBUTE) {
    event.keepAttr = false;
    return;
  }
  if (name === 'href') {
    const { kind, url } = classifyUrl(event.attrValue);
    if (kind === 'fragment' || kind === 'relative' || kind === 'https' || kind === 'mailto') event.attrValue = url;
    else event.keepAttr = false;
    return;
  }
  if (name === 'src') {
    const { kind, url } = classifyUrl(event.attrValue);
    const trustedBlob = resolvedImages.has(node) && /^blob:/i.test(url);
    const allowed =
      node.localName === 'img' &&
      (kind === 'relative' || kind === 'data-image' || trustedBlob || (kind === 'https' && active.allowRemote));
    if (!allowed) {
      event.keepAttr = false;
      return;
    }
    if (kind === 'relative' && !active.resolveLocal) {
      deferredImages.set(node, decodeSafely(url));
      event.keepAttr = false;
      return;
    }
    event.attrValue = url;
    // DOMPurify's URL regexp refuses blob:; this one is Folio's own, made by resolveLocal.
    if (trustedBlob) event.forceKeepAttr = true;
    return;
  }
  if (name === 'cite') {
    // Only informational, but keep it to the same URL rules as links.
    const { kind } = classifyUrl(event.attrValue);
    if (kind !== 'https' && kind !== 'relative' && kind !== 'fragment') event.keepAttr = false;
  }
}

function afterAttributes(node: Element): void {
  const deferred = deferredImages.get(node);
  if (deferred !== undefined) node.setAttribute(LOCAL_IMAGE_ATTRIBUTE, deferred);
  if ((node.localName === 'a' || node.localName === 'area') && node.hasAttribute('href')) {
    node.setAttribute('rel', 'noopener noreferrer');
  }
}

function getPurifier(): Purifier {
  if (purifier) return purifier;
  // A private instance, so these hooks never leak into any other DOMPurify use in the app.
  const instance = DOMPurify(window);
  instance.addHook('uponSanitizeElement', onElement);
  instance.addHook('uponSanitizeAttribute', onAttribute);
  instance.addHook('afterSanitizeAttributes', afterAttributes);
  purifier = instance;
  return instance;
}

/**
 * Sanitises rendered preview HTML. This is the last step before the HTML reaches the DOM: the
 * output has no script, no event handler, no form, frame, object, base, meta, link or style
 * element, no style attribute, no `target`, only https/mailto/fragment/relative links, and only
 * raster `data:` images (remote https images only when `allowRemote`); relative images are
 * resolved by `resolveLocal` or deferred to `data-folio-src` with no `src`.
 */
export function sanitizePreviewHtml(html: string, options: SanitizePreviewOptions): string {
  const instance = getPurifier();
  active = options;
  resolvedImages = new WeakSet();
  deferredImages = new WeakMap();
  try {
    return instance.sanitize(html, CONFIG);
  } finally {
    active = { allowRemote: false };
  }
}
