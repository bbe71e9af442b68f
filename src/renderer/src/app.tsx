import { useEffect, useState } from 'react';
import { DocumentPane } from './features/document';
import { ItemList } from './features/list';
import { ItemsToolbar } from './features/items';
import { BulkEditButton } from './features/bulk-edit';
import { QuickOpen } from './features/palette';
import { NeverLoseEdits } from './features/unsaved';
import { GitHeaderStatus, GitPanel } from './features/git';
import { ProblemsButton, ProblemsPanel } from './features/problems';
import { NoticeBar } from './components/notice-bar';
import { useFolioStore } from './store';

/** The main window: the item list on the left, the open item on the right. */
export function App() {
  const workspace = useFolioStore((s) => s.workspace);
  const notice = useFolioStore((s) => s.notice);
  const dismissNotice = useFolioStore((s) => s.dismissNotice);
  const [quickOpen, setQuickOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.metaKey || event.ctrlKey;
      if (mod && !event.shiftKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        setQuickOpen(true);
      } else if (mod && event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        document.getElementById('list-search')?.focus();
      } else if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        useFolioStore.getState().moveSelection(event.key === 'ArrowDown' ? 1 : -1, false);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Folio</h1>
        <span className="workspace-name" title={workspace?.root}>
          {workspace ? workspace.name : 'No folder open'}
        </span>
        <ItemsToolbar />
        <BulkEditButton />
        <button type="button" className="header-button" onClick={() => setQuickOpen(true)} title="Quick open (Ctrl/Cmd+P)">
          Quick open
        </button>
        <GitHeaderStatus />
        <ProblemsButton />
      </header>
      {notice && <NoticeBar notice={notice} onDismiss={dismissNotice} />}
      <main className="app-main">
        <ItemList />
        <DocumentPane />
      </main>
      <ProblemsPanel />
      <GitPanel />
      {quickOpen && <QuickOpen onClose={() => setQuickOpen(false)} />}
      <NeverLoseEdits />
    </div>
  );
}
