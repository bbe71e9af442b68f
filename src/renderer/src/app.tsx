import { DocumentPane } from './features/document';
import { ItemList } from './features/list';
import { NoticeBar } from './components/notice-bar';
import { useFolioStore } from './store';

/** The main window: the item list on the left, the open item on the right. */
export function App() {
  const workspace = useFolioStore((s) => s.workspace);
  const notice = useFolioStore((s) => s.notice);
  const dismissNotice = useFolioStore((s) => s.dismissNotice);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Folio</h1>
        <span className="workspace-name" title={workspace?.root}>
          {workspace ? workspace.name : 'No folder open'}
        </span>
      </header>
      {notice && <NoticeBar notice={notice} onDismiss={dismissNotice} />}
      <main className="app-main">
        <ItemList />
        <DocumentPane />
      </main>
    </div>
  );
}
