import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { MarkedText } from '../../components/marked-text';
import { useFolioStore } from '../../store';
import type { AppCommand } from './app-command';
import { appCommands } from './app-commands';
import { filterCommands } from './filter-commands';
import { formatBinding, isMacPlatform } from './key-binding';
import { runCommand } from './run-command';
import './commands.css';

/** Props of {@link CommandPalette}. */
export interface CommandPaletteProps {
  readonly onClose: () => void;
  /** The registry to list; the app's own by default (tests pass a small one). */
  readonly commands?: readonly AppCommand[];
}

/**
 * Ctrl/Cmd+Shift+P: every app command, fuzzy-filtered by title, with its shortcut. Up/Down move,
 * Enter runs, Escape closes; disabled commands stay listed with the reason. Closing puts the focus
 * back where it was; running a command does too, first, so a command that moves the focus (search,
 * a dialog) keeps it.
 */
export function CommandPalette({ onClose, commands = appCommands }: CommandPaletteProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  // Where the focus was when the palette opened (read once, before the input takes it).
  const [returnTo] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  // Any state change may enable or disable a command while the palette is open (a save ends).
  const state = useFolioStore((s) => s);
  const baseId = useId();
  const mac = useMemo(() => isMacPlatform(), []);

  const rows = useMemo(() => filterCommands(commands, query).map((row) => ({ ...row, reason: row.command.disabledReason(state) })), [commands, query, state]);
  const activeRow = rows[Math.min(active, rows.length - 1)];
  const optionId = (i: number) => `${baseId}-option-${i}`;

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    const element = document.getElementById(optionId(Math.min(active, rows.length - 1)));
    // jsdom has no scrollIntoView; the browser does.
    if (typeof element?.scrollIntoView === 'function') element.scrollIntoView({ block: 'nearest' });
  });

  const close = () => {
    if (returnTo?.isConnected) returnTo.focus();
    onClose();
  };

  const choose = (row: (typeof rows)[number] | undefined) => {
    if (row === undefined || row.reason !== null) return;
    close();
    runCommand(row.command);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const last = rows.length - 1;
    switch (event.key) {
      case 'Escape':
        close();
        break;
      case 'ArrowDown':
        setActive((a) => (a >= last ? 0 : a + 1));
        break;
      case 'ArrowUp':
        setActive((a) => (a <= 0 ? last : Math.min(a, last) - 1));
        break;
      case 'Enter':
        choose(activeRow);
        break;
      case 'Tab':
        // Focus stays in the input: the list is navigated with the arrows.
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const listId = `${baseId}-list`;
  return (
    <div className="palette-backdrop" onClick={close}>
      <div className="palette command-palette" role="dialog" aria-modal="true" aria-label="Command palette" onClick={(e) => e.stopPropagation()}>
        <input
          ref={inputRef}
          className="palette-input"
          role="combobox"
          aria-label="Command"
          aria-expanded="true"
          aria-autocomplete="list"
          aria-controls={listId}
          aria-activedescendant={activeRow ? optionId(rows.indexOf(activeRow)) : undefined}
          placeholder="Type a command"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} className="palette-results" role="listbox" aria-label="Commands">
          {rows.map((row, i) => (
            <li
              key={row.command.id}
              id={optionId(i)}
              role="option"
              data-command={row.command.id}
              aria-selected={row === activeRow}
              aria-disabled={row.reason !== null ? true : undefined}
              className={`${row === activeRow ? 'active' : ''}${row.reason !== null ? ' disabled' : ''}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(row)}
            >
              <span className="command-line">
                <span className="command-title">
                  <MarkedText text={row.command.title} positions={row.positions} />
                </span>
                {row.command.keys && <kbd className="command-keys">{formatBinding(row.command.keys, mac)}</kbd>}
              </span>
              {row.reason !== null && <span className="command-reason">{row.reason}</span>}
            </li>
          ))}
          {rows.length === 0 && <li className="command-none">No command matches.</li>}
        </ul>
      </div>
    </div>
  );
}
