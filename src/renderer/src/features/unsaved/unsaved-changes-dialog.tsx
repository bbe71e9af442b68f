import { ModalDialog } from '../merge';
import { useFolioStore } from '../../store';

/** Props of `UnsavedChangesDialog`. */
export interface UnsavedChangesDialogProps {
  /** The item with unsaved edits. */
  readonly path: string;
  /** What happens after the answer, e.g. "opening news/b.md" or "closing Folio". */
  readonly then: string;
  readonly onAnswer: (choice: 'save' | 'discard' | 'cancel') => void;
}

/** "Save changes to X?" with Save / Don't save / Cancel: unsaved edits never go without asking. */
export function UnsavedChangesDialog({ path, then, onAnswer }: UnsavedChangesDialogProps) {
  const saving = useFolioStore((s) => s.saving);
  return (
    <ModalDialog
      title={`Save changes to ${path}?`}
      onCancel={() => onAnswer('cancel')}
      actions={
        <>
          <button type="button" onClick={() => onAnswer('save')} disabled={saving}>
            Save
          </button>
          <button type="button" onClick={() => onAnswer('discard')} disabled={saving}>
            Don&apos;t save
          </button>
          <button type="button" onClick={() => onAnswer('cancel')}>
            Cancel
          </button>
        </>
      }
    >
      <p>
        {path} has unsaved edits. Save them before {then}? If you don&apos;t save, they are lost.
      </p>
    </ModalDialog>
  );
}
