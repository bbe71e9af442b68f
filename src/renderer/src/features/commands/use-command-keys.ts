import { useEffect } from 'react';
import type { AppCommand } from './app-command';
import { appCommands } from './app-commands';
import { isTypingTarget } from './is-typing-target';
import { matchesBinding } from './key-binding';
import { runCommand } from './run-command';

function inEditor(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.monaco-editor') !== null;
}

function find(event: KeyboardEvent, phase: 'capture' | 'bubble'): AppCommand | undefined {
  return appCommands.find((c) => {
    const keys = c.keys;
    if (keys === undefined || (keys.scope === 'anywhere') !== (phase === 'capture') || !matchesBinding(event, keys)) return false;
    if (keys.scope === 'outside-editor') return !inEditor(event.target);
    if (keys.scope === 'outside-typing') return !isTypingTarget(event.target);
    return true;
  });
}

/**
 * The app's only keyboard shortcut dispatcher: every binding in the command registry, so keys and
 * the palette run the same code. App-wide chords (`anywhere`) are read in the capture phase on
 * `document`: after the document pane's window-capture listener has flushed the editors' pending
 * typing, and before Monaco or a field can swallow them. The others are read when the event has
 * bubbled to `window`, so a focused widget that handles the key itself (a card's Alt+Up/Down,
 * Monaco's line moves) wins.
 */
export function useCommandKeys(): void {
  useEffect(() => {
    const handle = (phase: 'capture' | 'bubble') => (event: KeyboardEvent) => {
      if (phase === 'bubble' && event.defaultPrevented) return;
      const command = find(event, phase);
      if (command === undefined) return;
      // The chord belongs to the app even when the command cannot run now (no browser Save page).
      event.preventDefault();
      if (phase === 'capture') event.stopPropagation();
      runCommand(command);
    };
    const onCapture = handle('capture');
    const onBubble = handle('bubble');
    document.addEventListener('keydown', onCapture, true);
    window.addEventListener('keydown', onBubble);
    return () => {
      document.removeEventListener('keydown', onCapture, true);
      window.removeEventListener('keydown', onBubble);
    };
  }, []);
}
