import type { AssetDto } from '../../../../shared/contract';
import { classifyUrl, resolveAssetPaths } from '../../../../shared/domain/markdown';
import type { Result } from '../../../../shared/lib/result';

/** A local image of the preview: its data URL, or why it cannot be shown. */
export type LocalImage = { readonly kind: 'loaded'; readonly dataUrl: string } | { readonly kind: 'missing'; readonly reason: string };

/** Loads the images an item's body references; `peek` answers from the cache without waiting. */
export interface LocalImageLoader {
  load(src: string): Promise<LocalImage>;
  peek(src: string): LocalImage | undefined;
}

const NOT_FOUND = 'not found next to the item or under static/';

/**
 * A loader for the images of the item at `itemPath`. Sources resolve exactly as the form's image
 * widget does (item folder, then `static/`); each candidate is read through `fetchAsset` (main's
 * `document:asset`, confined to the folder) and the first image found wins. A source that names
 * nothing inside the folder (`../../etc/passwd`) is never sent to main. Only raster `data:` URLs
 * are accepted back. Results are cached per source for the life of the loader (one open item).
 */
export function createLocalImageLoader(itemPath: string, fetchAsset: (path: string) => Promise<Result<AssetDto>>): LocalImageLoader {
  const done = new Map<string, LocalImage>();
  const pending = new Map<string, Promise<LocalImage>>();

  const resolve = async (src: string): Promise<LocalImage> => {
    const candidates = resolveAssetPaths(itemPath, src);
    if (candidates.length === 0) return { kind: 'missing', reason: 'outside the folder' };
    let reason = NOT_FOUND;
    for (const candidate of candidates) {
      const result = await fetchAsset(candidate);
      if (result.ok) {
        // Whatever main sends, only a raster data URL may become an image source.
        if (classifyUrl(result.value.dataUrl).kind === 'data-image') return { kind: 'loaded', dataUrl: result.value.dataUrl };
        reason = 'not a PNG, JPEG, GIF or WebP image';
      } else if (result.error.code !== 'not-found') reason = result.error.message;
    }
    return { kind: 'missing', reason };
  };

  return {
    peek: (src) => done.get(src),
    load: (src) => {
      const known = done.get(src);
      if (known !== undefined) return Promise.resolve(known);
      let request = pending.get(src);
      if (request === undefined) {
        request = resolve(src).then(
          (image) => {
            done.set(src, image);
            pending.delete(src);
            return image;
          },
          (error: unknown) => {
            pending.delete(src);
            return { kind: 'missing', reason: error instanceof Error ? error.message : String(error) } as const;
          },
        );
        pending.set(src, request);
      }
      return request;
    },
  };
}
