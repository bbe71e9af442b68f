import { useFolioStore } from '../../store';
import { runCommand } from '../commands';
import { BulkEditDialog } from './bulk-edit-dialog';
import './bulk-edit.css';

/** Opens bulk edit for the list's multi-selection; enabled from two selected items. */
export function BulkEditButton() {
  const selection = useFolioStore((s) => s.selection);
  const workspace = useFolioStore((s) => s.workspace);
  const dialog = useFolioStore((s) => s.dialog);
  const closeDialog = useFolioStore((s) => s.closeDialog);
  if (workspace === null) return null;
  return (
    <>
      <button type="button" disabled={selection.size < 2} onClick={() => runCommand('items.bulkEdit')} title="Set, add, remove or delete a field in every selected item">
        Bulk edit{selection.size >= 2 ? ` (${selection.size})` : ''}
      </button>
      {dialog?.kind === 'bulk-edit' && <BulkEditDialog paths={dialog.paths} onClose={closeDialog} />}
    </>
  );
}
