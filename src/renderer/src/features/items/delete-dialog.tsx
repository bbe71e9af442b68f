import { useEffect, useRef } from 'react';

/** Asks before deleting; says where the item goes and that it can be undone. */
export function DeleteDialog({ path, dirty, host, onConfirm, onClose }: { path: string; dirty: boolean; host: 'electron' | 'web'; onConfirm: () => void; onClose: () => void }) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div className="items-backdrop" onClick={onClose}>
      <div className="items-dialog" role="alertdialog" aria-modal="true" aria-label="Delete item" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>Delete {path}?</h2>
        <p>{host === 'electron' ? 'It goes to the system trash.' : 'It goes to the folder’s .folio/trash.'} You can undo right after.</p>
        {dirty && <p className="items-error">Its unsaved edits will be lost.</p>}
        <div className="items-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button ref={confirmRef} type="button" className="items-danger" onClick={onConfirm}>
            Delete
          </button>
        </div>
      </div>
    </div>
  );
}
