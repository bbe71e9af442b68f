import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { useFolioStore } from '../../store';
import { columnLabel, formatCell } from './format-cell';
import { HighlightText } from './highlight-text';
import { GitBadge } from '../git';

const rowHeight = 30;
const defaultWidth = 160;
const titleWidth = 360;

function widthOf(column: string, widths: Readonly<Record<string, number>>): number {
  return widths[column] ?? (column === 'title' ? titleWidth : defaultWidth);
}

/**
 * The item table: only visible rows are in the DOM (TanStack Virtual) and only their data is
 * fetched from main, so 50,000 items scroll like 50. Sortable, resizable columns; click, shift
 * and ctrl/cmd selection; arrow keys move the open item.
 */
export function ItemTable() {
  const paths = useFolioStore((s) => s.paths);
  const rows = useFolioStore((s) => s.rows);
  const columns = useFolioStore((s) => s.columns);
  const widths = useFolioStore((s) => s.columnWidths);
  const sort = useFolioStore((s) => s.sort);
  const searchText = useFolioStore((s) => s.searchText);
  const selectedPath = useFolioStore((s) => s.selectedPath);
  const selection = useFolioStore((s) => s.selection);
  const { ensureWindow, indexOfPath, selectItem, moveSelection, cycleSort, setColumnWidth, removeColumn } = useFolioStore.getState();
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtualizer = useVirtualizer({ count: paths.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 20 });
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? -1;

  // Paths come in windows: the visible rows fetch what they lack (paths, then rows).
  useEffect(() => {
    if (last >= first) void ensureWindow(first, last);
  }, [paths, first, last, rows, ensureWindow]);

  // Keep the open item in view when the keyboard moves it or a new result comes in; not when a
  // scrolled-to window of paths arrives, or scrolling would snap back to the open item.
  const resultId = useFolioStore((s) => s.resultId);
  useEffect(() => {
    if (selectedPath === null) return;
    const index = indexOfPath(selectedPath);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedPath, resultId, virtualizer, indexOfPath]);

  const totalWidth = columns.reduce((sum, c) => sum + widthOf(c, widths), 0) + 90;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveSelection(event.key === 'ArrowDown' ? 1 : -1, event.shiftKey);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveSelection(event.key === 'Home' ? -paths.length : paths.length, event.shiftKey);
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      moveSelection(event.key === 'PageDown' ? 20 : -20, event.shiftKey);
    }
  };

  const onRowClick = (event: MouseEvent, path: string) => {
    selectItem(path, event.shiftKey ? 'range' : event.metaKey || event.ctrlKey ? 'toggle' : 'replace');
  };

  const startResize = (event: PointerEvent, column: string) => {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = widthOf(column, widths);
    const onMove = (move: globalThis.PointerEvent) => setColumnWidth(column, startWidth + move.clientX - startX);
    const onUp = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
  };

  return (
    <div ref={scrollRef} className="item-table-scroll" role="grid" aria-label="Items" aria-rowcount={paths.length + 1} aria-multiselectable tabIndex={0} onKeyDown={onKeyDown}>
      <div className="item-table-header" role="row" style={{ width: totalWidth }}>
        {columns.map((column) => {
          const sorted = sort?.column === column ? sort.direction : null;
          return (
            <div key={column} role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className="item-table-th" style={{ width: widthOf(column, widths) }} title={column}>
              <button type="button" className="th-sort" onClick={() => cycleSort(column)}>
                {columnLabel(column)}
                {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
              </button>
              {columns.length > 1 && (
                <button type="button" className="th-remove" aria-label={`Remove column ${column}`} onClick={() => removeColumn(column)}>
                  ×
                </button>
              )}
              <span className="th-resize" role="separator" aria-orientation="vertical" aria-label={`Resize column ${column}`} onPointerDown={(e) => startResize(e, column)} />
            </div>
          );
        })}
        <div role="columnheader" className="item-table-th badges-th">
          Problems
        </div>
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: totalWidth }}>
        {visible.map((virtualRow) => {
          const path = paths[virtualRow.index];
          if (path === undefined) return null;
          const row = rows.get(path);
          const open = path === selectedPath;
          const selected = open || selection.has(path);
          const { error, warning } = row?.problems ?? { error: 0, warning: 0 };
          return (
            <div
              key={path}
              role="row"
              aria-rowindex={virtualRow.index + 2}
              aria-selected={selected}
              aria-current={open ? 'true' : undefined}
              data-path={path}
              className={`item-row${selected ? ' selected' : ''}${open ? ' open' : ''}`}
              style={{ top: virtualRow.start, height: rowHeight }}
              onClick={(e) => onRowClick(e, path)}
            >
              {columns.map((column) => {
                const text = column === 'title' ? (row?.title ?? (row ? path : '')) : formatCell(row?.cells[column]);
                return (
                  <div key={column} role="gridcell" className={`item-cell${column === 'title' ? ' title-cell' : ''}`} style={{ width: widthOf(column, widths) }} title={text}>
                    {column === 'title' ? <HighlightText text={text} query={searchText} /> : text}
                  </div>
                );
              })}
              <div role="gridcell" className="item-cell badges-cell">
                {row?.readOnly && <span className="badge">read-only</span>}
                <GitBadge path={path} fallback={row?.git} />
                {error > 0 && (
                  <span className="badge badge-error" title={`${error} error${error > 1 ? 's' : ''}`}>
                    {error}
                  </span>
                )}
                {warning > 0 && (
                  <span className="badge badge-warning" title={`${warning} warning${warning > 1 ? 's' : ''}`}>
                    {warning}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
