import { DocumentPane } from './features/document';
import { ItemList } from './features/list';
import { ItemsToolbar } from './features/items';
import { BulkEditButton } from './features/bulk-edit';
import { QuickOpen } from './features/palette';
import { CommandPalette, useCommandKeys } from './features/commands';
import { NeverLoseEdits } from './features/unsaved';
import { GitHeaderStatus, GitPanel } from './features/git';
import { ProblemsButton, ProblemsPanel } from './features/problems';
import { NoticeBar } from './components/notice-bar';
import { useFolioStore } from './store';

/** The main window: the item list on the left, the open item on the right, the git panel (when open) docked at the right edge. */
export function App() {
  const workspace = useFolioStore((s) => s.workspace);
  const notice = useFolioStore((s) => s.notice);
  const dismissNotice = useFolioStore((s) => s.dismissNotice);
  const dialog = useFolioStore((s) => s.dialog);
  const openDialog = useFolioStore((s) => s.openDialog);
  const closeDialog = useFolioStore((s) => s.closeDialog);
  // Every keyboard shortcut of the window, from the command registry (features/commands).
  useCommandKeys();

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Folio</h1>
        <span className="workspace-name" title={workspace?.root}>
          {workspace ? workspace.name : 'No folder open'}
        </span>
        <ItemsToolbar />
        <BulkEditButton />
        <button type="button" className="header-button" onClick={() => openDialog({ kind: 'quick-open' })} title="Quick open (Ctrl/Cmd+P)">
          Quick open
        </button>
        <button type="button" className="header-button" onClick={() => openDialog({ kind: 'commands' })} title="All commands (Ctrl/Cmd+Shift+P)">
          Commands
        </button>
        <GitHeaderStatus />
        <ProblemsButton />
      </header>
      {notice && <NoticeBar notice={notice} onDismiss={dismissNotice} />}
      {/* The git panel docks beside the list and the open item instead of floating over them: the
          open item's toolbar (Save, Revert) and its form stay reachable while it is open. */}
      <div className="app-body">
        <main className="app-main">
          <ItemList />
          <DocumentPane />
        </main>
        <GitPanel />
      </div>
      <ProblemsPanel />
      {dialog?.kind === 'quick-open' && <QuickOpen onClose={closeDialog} />}
      {dialog?.kind === 'commands' && <CommandPalette onClose={closeDialog} />}
      <NeverLoseEdits />
    </div>
  );
}
