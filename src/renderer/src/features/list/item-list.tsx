import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useFolioStore } from '../../store';

const rowHeight = 44;

/** The folder's items as a virtualised list: only the visible rows are in the DOM. */
export function ItemList() {
  const items = useFolioStore((s) => s.items);
  const loading = useFolioStore((s) => s.loadingItems);
  const error = useFolioStore((s) => s.listError);
  const selectedPath = useFolioStore((s) => s.selectedPath);
  const openDocument = useFolioStore((s) => s.openDocument);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });

  return (
    <section className="item-list" aria-label="Items">
      <div className="item-list-status" aria-live="polite">
        {error ? <span className="error">{error}</span> : loading ? 'Loading…' : `${items.length} items`}
      </div>
      <div ref={scrollRef} className="item-list-scroll" role="listbox" aria-label="Items in folder">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index];
            if (!item) return null;
            const selected = item.path === selectedPath;
            return (
              <div
                key={item.path}
                role="option"
                aria-selected={selected}
                data-path={item.path}
                className={`item-row${selected ? ' selected' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${row.start}px)` }}
                onClick={() => void openDocument(item.path)}
              >
                <span className="item-title">{item.title ?? <em>Untitled</em>}</span>
                <span className="item-meta">
                  <span className="item-date">{item.date ?? ''}</span>
                  <span className="item-path">{item.path}</span>
                  {item.readOnly && <span className="badge">read-only</span>}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
