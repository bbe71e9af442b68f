import { useState } from 'react';
import { useFolioStore } from '../../store';

/** Search box, result count, scan progress and the column chooser above the table. */
export function ListToolbar() {
  const searchText = useFolioStore((s) => s.searchText);
  const count = useFolioStore((s) => s.paths.length);
  const total = useFolioStore((s) => s.total);
  const progress = useFolioStore((s) => s.progress);
  const error = useFolioStore((s) => s.listError);
  const loaded = useFolioStore((s) => s.listLoaded);
  const selectionSize = useFolioStore((s) => s.selection.size);
  const { setSearchText, addColumn } = useFolioStore.getState();
  const [column, setColumn] = useState('');

  return (
    <div className="list-toolbar">
      <input
        id="list-search"
        className="list-search"
        type="search"
        placeholder="Search titles, descriptions and text"
        aria-label="Search items"
        value={searchText}
        onChange={(e) => setSearchText(e.target.value)}
      />
      <span className="list-status" aria-live="polite">
        {error ? (
          <span className="error">{error}</span>
        ) : !loaded ? (
          'Loading…'
        ) : progress.scanning ? (
          // No item count until the scan ends: a partial count would read as the folder's size.
          `Reading the folder: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`
        ) : count === total ? (
          `${total} items`
        ) : (
          `${count} of ${total} items`
        )}
        {selectionSize > 1 && ` · ${selectionSize} selected`}
      </span>
      {progress.scanning && (
        <span className="index-progress" role="status">
          Indexing {progress.done.toLocaleString()} / {progress.total.toLocaleString()}
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Indexing progress" />
        </span>
      )}
      <form
        className="add-column"
        onSubmit={(event) => {
          event.preventDefault();
          addColumn(column);
          setColumn('');
        }}
      >
        <input value={column} onChange={(e) => setColumn(e.target.value)} placeholder="Add column, e.g. link.brand" aria-label="Add a column by front matter path" />
      </form>
    </div>
  );
}
