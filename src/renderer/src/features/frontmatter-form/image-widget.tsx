import { useEffect } from 'react';
import { resolveAssetPaths } from '../../../../shared/domain/markdown';
import { api } from '../../ipc/api';
import { useFormContext } from './form-context';
import { TextWidget } from './text-widget';
import { useItemState } from './use-item-state';
import type { WidgetProps } from './widget-props';

type Preview = { readonly kind: 'none' } | { readonly kind: 'local'; readonly dataUrl: string } | { readonly kind: 'missing'; readonly message: string } | { readonly kind: 'remote'; readonly url: string };

/**
 * An image reference with a preview: a local file (relative to the item's folder or `static/`)
 * is read by main as a data URL; a remote image is only requested after the curator clicks
 * "Load remote image", because loading it tells the remote server the item was opened.
 */
export function ImageWidget(props: WidgetProps) {
  const { itemPath } = useFormContext();
  const src = typeof props.value === 'string' ? props.value.trim() : '';
  const [local, setLocal] = useItemState<{ readonly src: string; readonly preview: Preview } | null>(null);
  const [allowRemote, setAllowRemote] = useItemState<string | null>(null);
  const [remoteFailed, setRemoteFailed] = useItemState(false);
  const isRemote = /^https?:\/\//i.test(src);
  useEffect(() => {
    if (src === '' || isRemote) return;
    const request = { live: true };
    void (async () => {
      let message = 'The image was not found next to the item or under static/.';
      for (const candidate of resolveAssetPaths(itemPath, src)) {
        const result = await api['document:asset'](candidate);
        if (!request.live) return;
        if (result.ok) return setLocal({ src, preview: { kind: 'local', dataUrl: result.value.dataUrl } });
        if (result.error.code !== 'not-found') message = result.error.message;
      }
      if (request.live) setLocal({ src, preview: { kind: 'missing', message } });
    })();
    return () => {
      request.live = false;
    };
  }, [itemPath, src, isRemote, setLocal]);
  const preview: Preview = src === '' ? { kind: 'none' } : isRemote ? { kind: 'remote', url: src } : local !== null && local.src === src ? local.preview : { kind: 'none' };
  return (
    <div className="ff-image">
      <TextWidget {...props} variant="text" />
      <div className="ff-image-preview">
        {preview.kind === 'local' && <img src={preview.dataUrl} alt={`Preview of ${src}`} />}
        {preview.kind === 'missing' && <span className="ff-hint">{preview.message}</span>}
        {preview.kind === 'remote' &&
          (allowRemote === preview.url ? (
            remoteFailed ? (
              <span className="ff-hint">The remote image could not be shown (offline, or blocked by the app’s content policy).</span>
            ) : (
              <img src={preview.url} alt={`Preview of ${src}`} referrerPolicy="no-referrer" onError={() => setRemoteFailed(true)} />
            )
          ) : (
            <button
              type="button"
              className="ff-button"
              onClick={() => {
                setRemoteFailed(false);
                setAllowRemote(preview.url);
              }}
            >
              Load remote image
            </button>
          ))}
      </div>
    </div>
  );
}
