import type { FolioState } from '../../store';

/**
 * Where a key binding applies. `anywhere` is read before any focused widget (Monaco included)
 * can swallow the key; `outside-editor` lets Monaco and focused form widgets keep the key for
 * themselves (Alt+Up/Down moves a line or a card there); `outside-typing` never fires while a text
 * field, an editor or a dialog has the focus (Delete, F2).
 */
export type KeyScope = 'anywhere' | 'outside-editor' | 'outside-typing';

/** A key chord; `mod` is Ctrl, or Cmd on macOS (either is accepted, as the app always did). */
export interface KeyBinding {
  /** `KeyboardEvent.key`, compared case-insensitively ('p', 'F2', 'ArrowDown', 'Delete'). */
  readonly key: string;
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
  readonly scope: KeyScope;
}

/** One thing the app can do, shown in the command palette and bound to keys. */
export interface AppCommand {
  /** Stable id, `area.verb` (used by tests and the DOM). */
  readonly id: string;
  readonly title: string;
  readonly keys?: KeyBinding;
  /** Not listed in the palette (the palette's own shortcut). */
  readonly hidden?: boolean;
  /** A key press or button click while disabled says why in the notice bar (instead of nothing). */
  readonly explainWhenDisabled?: boolean;
  /** Null when the command can run now; otherwise why not, in words for the curator. */
  readonly disabledReason: (state: FolioState) => string | null;
  readonly run: (state: FolioState) => void;
}
