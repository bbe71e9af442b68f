import { useEffect, useRef, useState } from 'react';
import { MergeView } from '../merge';
import { useFolioStore } from '../../store';
import { selectIsDirty } from '../../store/document-slice';
import { startDraftAutosave } from '../../store/drafts-slice';
import { api } from '../../ipc/api';
import { RestoreDraftsDialog } from './restore-drafts-dialog';
import { UnsavedChangesDialog } from './unsaved-changes-dialog';

/**
 * Everything that keeps unsaved edits from being lost, mounted once beside the app: drafts
 * written while dirty and offered back after a crash, the question when another item is opened
 * or the window closed with unsaved edits, and the merge view.
 */
export function NeverLoseEdits() {
  const root = useFolioStore((s) => s.workspace?.root ?? null);
  const pendingOpen = useFolioStore((s) => s.pendingOpen);
  const selectedPath = useFolioStore((s) => s.selectedPath);
  const [closing, setClosing] = useState(false);
  const allowUnload = useRef(false);
  const isElectron = useRef(false);

  useEffect(() => startDraftAutosave(useFolioStore), []);

  useEffect(() => {
    void api['app:info']().then((info) => {
      if (info.ok) isElectron.current = info.value.host === 'electron';
    });
  }, []);

  useEffect(() => {
    if (root !== null) void useFolioStore.getState().checkDrafts();
  }, [root]);

  useEffect(() => {
    const flush = () => void useFolioStore.getState().flushDraft();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Best effort: the request may not finish before the page goes, which is why drafts are
      // also written every few seconds while typing.
      flush();
      if (allowUnload.current || !selectIsDirty(useFolioStore.getState())) return;
      event.preventDefault();
      // Chromium shows its own "Leave site?" prompt for a page; Electron shows nothing and simply
      // keeps the window open, so there Folio asks in the page and closes the window itself.
      // Older Chromium (and Electron's own docs) still look at returnValue rather than preventDefault.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      event.returnValue = '';
      if (isElectron.current) setClosing(true);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const answerClose = async (choice: 'save' | 'discard' | 'cancel') => {
    setClosing(false);
    if (choice === 'cancel') return;
    const state = useFolioStore.getState();
    if (choice === 'save' && !(await state.save())) return;
    if (choice === 'discard' && state.selectedPath !== null) await state.discardDraft(state.selectedPath);
    allowUnload.current = true;
    window.close();
  };

  return (
    <>
      <RestoreDraftsDialog />
      {pendingOpen !== null && selectedPath !== null && (
        <UnsavedChangesDialog path={selectedPath} then={`opening ${pendingOpen}`} onAnswer={(choice) => void useFolioStore.getState().resolvePendingOpen(choice)} />
      )}
      {closing && selectedPath !== null && <UnsavedChangesDialog path={selectedPath} then="closing Folio" onAnswer={(choice) => void answerClose(choice)} />}
      <MergeView />
    </>
  );
}
