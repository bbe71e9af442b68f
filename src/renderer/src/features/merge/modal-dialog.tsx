import { useEffect, useId, useRef, type ReactNode } from 'react';
import './merge.css';

/** Props of `ModalDialog`. */
export interface ModalDialogProps {
  readonly title: string;
  /** Escape and the backdrop call this; omit it for a dialog that needs an explicit answer. */
  readonly onCancel?: () => void;
  readonly children: ReactNode;
  /** The buttons, in the order they are read and tabbed to. */
  readonly actions: ReactNode;
  readonly wide?: boolean;
}

/**
 * A modal dialog for questions about unsaved edits. In-page rather than `window.confirm`, which
 * Electron does not implement for every platform and which a test cannot inspect.
 */
export function ModalDialog({ title, onCancel, children, actions, wide = false }: ModalDialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Focus the first button that is not "cancel"-like last in order: the first action is the default.
    box.current?.querySelector<HTMLElement>('[data-autofocus], .modal-actions button, button, input, textarea')?.focus();
    return () => previous?.focus();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape' && onCancel) {
      event.stopPropagation();
      onCancel();
    }
    if (event.key !== 'Tab' || !box.current) return;
    // Keep Tab inside the dialog: the page behind is inert while a question is open.
    const focusable = [...box.current.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled])')];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel?.()}>
      <div ref={box} className={wide ? 'modal-dialog modal-wide' : 'modal-dialog'} role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div className="modal-body">{children}</div>
        <div className="modal-actions">{actions}</div>
      </div>
    </div>
  );
}
