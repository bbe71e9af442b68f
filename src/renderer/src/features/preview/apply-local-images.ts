import { classifyUrl } from '../../../../shared/domain/markdown';
import type { LocalImage, LocalImageLoader } from './local-image-loader';
import { LOCAL_IMAGE_ATTRIBUTE } from './sanitize-preview-html';

function showMissing(img: HTMLImageElement, src: string, reason: string): void {
  // Built with textContent, never HTML: the path comes from content.
  const note = img.ownerDocument.createElement('span');
  note.className = 'missing-image';
  note.setAttribute('role', 'img');
  const label = `Missing image: ${src} (${reason})`;
  note.setAttribute('aria-label', label);
  note.title = label;
  note.textContent = label;
  img.replaceWith(note);
}

function show(img: HTMLImageElement, src: string, image: LocalImage): void {
  if (image.kind === 'loaded' && classifyUrl(image.dataUrl).kind === 'data-image') {
    img.src = image.dataUrl;
    img.classList.remove('local-image-loading');
  } else showMissing(img, src, image.kind === 'missing' ? image.reason : 'not an image');
}

/**
 * Gives the deferred local images of sanitised preview HTML (already in the page) their sources:
 * cached ones at once (no flicker while typing), the others when main answers. This runs on the
 * sanitiser's output and only ever sets an `<img>`'s `src` to a raster `data:` URL or replaces it
 * by a text placeholder, so it cannot bring back anything the sanitiser removed. Calls `changed`
 * after layout-changing updates; returns a cancel function for when the HTML is replaced.
 */
export function applyLocalImages(root: HTMLElement, loader: LocalImageLoader, changed?: () => void): () => void {
  let live = true;
  for (const img of root.querySelectorAll<HTMLImageElement>(`img[${LOCAL_IMAGE_ATTRIBUTE}]`)) {
    const src = img.getAttribute(LOCAL_IMAGE_ATTRIBUTE) ?? '';
    const known = loader.peek(src);
    if (known !== undefined) {
      show(img, src, known);
      continue;
    }
    img.classList.add('local-image-loading');
    void loader.load(src).then((image) => {
      if (!live || !img.isConnected) return;
      show(img, src, image);
      changed?.();
    });
  }
  return () => {
    live = false;
  };
}
