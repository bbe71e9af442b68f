import { useEffect } from 'react';

/** How long the Undo offer stays. */
const UNDO_VISIBLE_MS = 15_000;

/** A short-lived message with an Undo button (after a delete). */
export function UndoToast({ message, onUndo, onDismiss }: { message: string; onUndo: () => void; onDismiss: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, UNDO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div className="items-toast" role="status">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="items-toast-close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
