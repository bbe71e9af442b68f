import { useCallback, useEffect, useState } from 'react';
import { api } from '../../ipc/api';
import { useFolioStore } from '../../store';
import { selectIsDirty } from '../../store/document-slice';
import { DeleteDialog } from './delete-dialog';
import { isTypingTarget } from './is-typing-target';
import { NewItemDialog } from './new-item-dialog';
import { RenameDialog } from './rename-dialog';
import { UndoToast } from './undo-toast';
import './items.css';

type Dialog = { kind: 'new' } | { kind: 'rename'; path: string } | { kind: 'delete'; path: string } | null;

/**
 * New item (Ctrl/Cmd+N), Rename (F2) and Delete (Delete key) for the open item, with a toast
 * offering Undo after a delete. Shortcuts do nothing while a text field or editor has the focus.
 */
export function ItemsToolbar() {
  const workspace = useFolioStore((s) => s.workspace);
  const selectedPath = useFolioStore((s) => s.selectedPath);
  const dirty = useFolioStore(selectIsDirty);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [undo, setUndo] = useState<{ trashId: string; path: string } | null>(null);
  const [host, setHost] = useState<'electron' | 'web'>('web');

  useEffect(() => {
    void api['app:info']().then((info) => info.ok && setHost(info.value.host));
  }, []);

  const startRename = useCallback(() => {
    const { selectedPath: path, showNotice } = useFolioStore.getState();
    if (path === null) return;
    // Renaming moves the file on disk; unsaved edits would be left behind on the old name.
    if (selectIsDirty(useFolioStore.getState())) return showNotice({ level: 'warning', message: 'Save or revert the open item before renaming it.' });
    setDialog({ kind: 'rename', path });
  }, []);

  const startDelete = useCallback(() => {
    const path = useFolioStore.getState().selectedPath;
    if (path !== null) setDialog({ kind: 'delete', path });
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (useFolioStore.getState().workspace === null) return;
      const mod = event.metaKey || event.ctrlKey;
      if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        setDialog({ kind: 'new' });
      } else if (isTypingTarget(event.target)) {
        return;
      } else if (event.key === 'F2' && !mod) {
        event.preventDefault();
        startRename();
      } else if (event.key === 'Delete' && !mod && !event.shiftKey) {
        event.preventDefault();
        startDelete();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [startRename, startDelete]);

  const confirmDelete = async (path: string) => {
    setDialog(null);
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
      <button type="button" onClick={() => setDialog({ kind: 'new' })} title="New item (Ctrl/Cmd+N)">
        New item
      </button>
      <button type="button" onClick={startRename} disabled={selectedPath === null} title="Rename or move the open item (F2)">
        Rename
      </button>
      <button type="button" onClick={startDelete} disabled={selectedPath === null} title="Delete the open item (Delete)">
        Delete
      </button>
      {dialog?.kind === 'new' && <NewItemDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'rename' && <RenameDialog path={dialog.path} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <DeleteDialog path={dialog.path} dirty={dirty && dialog.path === selectedPath} host={host} onConfirm={() => void confirmDelete(dialog.path)} onClose={() => setDialog(null)} />
      )}
      {undo && <UndoToast message={`Deleted ${undo.path}.`} onUndo={() => void undoDelete()} onDismiss={dismissUndo} />}
    </div>
  );
}
