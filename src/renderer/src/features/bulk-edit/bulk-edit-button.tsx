import { useState } from 'react';
import { useFolioStore } from '../../store';
import { BulkEditDialog } from './bulk-edit-dialog';
import './bulk-edit.css';

/** Opens bulk edit for the list's multi-selection; enabled from two selected items. */
export function BulkEditButton() {
  const selection = useFolioStore((s) => s.selection);
  const workspace = useFolioStore((s) => s.workspace);
  const [open, setOpen] = useState<readonly string[] | null>(null);
  if (workspace === null) return null;
  return (
    <>
      <button type="button" disabled={selection.size < 2} onClick={() => setOpen([...selection])} title="Set, add, remove or delete a field in every selected item">
        Bulk edit{selection.size >= 2 ? ` (${selection.size})` : ''}
      </button>
      {open && <BulkEditDialog paths={open} onClose={() => setOpen(null)} />}
    </>
  );
}
