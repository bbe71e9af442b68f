import { useEffect } from 'react';
import { useFolioStore } from '../../store';

/**
 * Focuses the field a Problems panel click asked for, once that item's form is on screen: the
 * form marks each input with `data-field-path`, so the nearest written ancestor is tried when the
 * field itself has no input (a whole list or map).
 */
export function useProblemFocus(ready: boolean): void {
  const focus = useFolioStore((s) => s.problemFocus);
  const documentPath = useFolioStore((s) => s.document?.path ?? null);

  useEffect(() => {
    if (!ready || focus === null || focus.field === null || focus.file !== documentPath) return;
    let cancelled = false;
    let attempts = 0;
    // The form renders after the schema arrives: look again for a moment before giving up.
    const tryFocus = (): void => {
      if (cancelled) return;
      const segments = (focus.field ?? '').split('.');
      for (let n = segments.length; n > 0; n -= 1) {
        const target = document.querySelector<HTMLElement>(`[data-field-path="${CSS.escape(segments.slice(0, n).join('.'))}"]`);
        if (target !== null) {
          target.scrollIntoView({ block: 'center' });
          target.focus({ preventScroll: true });
          return;
        }
      }
      attempts += 1;
      if (attempts < 20) window.setTimeout(tryFocus, 100);
    };
    tryFocus();
    return () => {
      cancelled = true;
    };
  }, [ready, focus, documentPath]);
}
