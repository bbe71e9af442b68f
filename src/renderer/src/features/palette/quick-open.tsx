import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { QuickOpenItem } from '../../../../shared/contract';
import { api } from '../../ipc/api';
import { MarkedText as Marked } from '../../components/marked-text';
import { useFolioStore } from '../../store';

/** Ctrl/Cmd+P: open an item by typing part of its title or path (fuzzy, best first). */
export function QuickOpen({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<readonly QuickOpenItem[]>([]);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const openItem = useFolioStore((s) => s.selectItem);

  useEffect(() => inputRef.current?.focus(), []);

  useEffect(() => {
    let current = true;
    void api['list:quickOpen'](query).then((result) => {
      if (current && result.ok) {
        setResults(result.value);
        setActive(0);
      }
    });
    return () => {
      current = false;
    };
  }, [query]);

  const choose = (item: QuickOpenItem | undefined) => {
    if (!item) return;
    openItem(item.path, 'replace');
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (event.key === 'Enter') choose(results[active]);
    else return;
    event.preventDefault();
  };

  return (
    <div className="palette-backdrop" onClick={onClose}>
      <div className="palette" role="dialog" aria-label="Quick open" onClick={(e) => e.stopPropagation()}>
        <input
          ref={inputRef}
          className="palette-input"
          aria-label="Item title or path"
          aria-controls="quick-open-results"
          aria-activedescendant={results[active] ? `qo-${active}` : undefined}
          placeholder="Open item by title or path"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <ul id="quick-open-results" className="palette-results" role="listbox">
          {results.map((item, i) => (
            <li key={item.path} id={`qo-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseEnter={() => setActive(i)} onClick={() => choose(item)}>
              <span className="qo-title">{item.field === 'title' ? <Marked text={item.title ?? ''} positions={item.positions} /> : (item.title ?? item.path)}</span>
              <span className="qo-path">{item.field === 'path' ? <Marked text={item.path} positions={item.positions} /> : item.path}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
