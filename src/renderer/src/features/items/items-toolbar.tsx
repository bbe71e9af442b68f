import { useCallback, useEffect, useState } from 'react';
import { api } from '../../ipc/api';
import { useFolioStore } from '../../store';
import { selectIsDirty } from '../../store/document-slice';
import { runCommand } from '../commands';
import { DeleteDialog } from './delete-dialog';
import { NewItemDialog } from './new-item-dialog';
import { RenameDialog } from './rename-dialog';
import { UndoToast } from './undo-toast';
import './items.css';

/**
 * New item (Ctrl/Cmd+N), Rename (F2) and Delete (Delete key) for the open item, with a toast
 * offering Undo after a delete. The buttons and the keys run the same registry commands
 * (features/commands); the dialogs they open live in the store.
 */
export function ItemsToolbar() {
  const workspace = useFolioStore((s) => s.workspace);
  const selectedPath = useFolioStore((s) => s.selectedPath);
  const dirty = useFolioStore(selectIsDirty);
  const dialog = useFolioStore((s) => s.dialog);
  const closeDialog = useFolioStore((s) => s.closeDialog);
  const [undo, setUndo] = useState<{ trashId: string; path: string } | null>(null);
  const [host, setHost] = useState<'electron' | 'web'>('web');

  useEffect(() => {
    void api['app:info']().then((info) => info.ok && setHost(info.value.host));
  }, []);

  const confirmDelete = async (path: string) => {
    closeDialog();
    const state = useFolioStore.getState();
    const result = await api['items:delete'](path);
    if (!result.ok) return state.showNotice({ level: 'error', message: result.error.message });
    if (useFolioStore.getState().selectedPath === path) useFolioStore.getState().closeDocument();
    setUndo({ trashId: result.value.trashId, path });
  };

  const undoDelete = async () => {
    if (undo === null) return;
    setUndo(null);
    const result = await api['items:restore'](undo.trashId);
    const state = useFolioStore.getState();
    if (!result.ok) return state.showNotice({ level: 'error', message: result.error.message });
    state.selectItem(result.value.path, 'replace');
  };

  const dismissUndo = useCallback(() => setUndo(null), []);

  if (workspace === null) return null;
  return (
    <div className="items-toolbar" role="toolbar" aria-label="Item actions">
      <button type="button" onClick={() => runCommand('items.new')} title="New item (Ctrl/Cmd+N)">
        New item
      </button>
      <button type="button" onClick={() => runCommand('items.rename')} disabled={selectedPath === null} title="Rename or move the open item (F2)">
        Rename
      </button>
      <button type="button" onClick={() => runCommand('items.delete')} disabled={selectedPath === null} title="Delete the open item (Delete)">
        Delete
      </button>
      {dialog?.kind === 'new-item' && <NewItemDialog onClose={closeDialog} />}
      {dialog?.kind === 'rename' && <RenameDialog path={dialog.path} onClose={closeDialog} />}
      {dialog?.kind === 'delete' && (
        <DeleteDialog path={dialog.path} dirty={dirty && dialog.path === selectedPath} host={host} onConfirm={() => void confirmDelete(dialog.path)} onClose={closeDialog} />
      )}
      {undo && <UndoToast message={`Deleted ${undo.path}.`} onUndo={() => void undoDelete()} onDismiss={dismissUndo} />}
    </div>
  );
}
