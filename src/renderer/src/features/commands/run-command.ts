import { useFolioStore } from '../../store';
import type { AppCommand } from './app-command';
import { commandById } from './app-commands';

/**
 * Runs a command against the store's current state if it is enabled; a disabled command that
 * asks for it explains itself in the notice bar. Returns whether it ran. Keys, the palette and
 * toolbar buttons all come through here.
 */
export function runCommand(command: AppCommand | string): boolean {
  const resolved = typeof command === 'string' ? commandById(command) : command;
  const state = useFolioStore.getState();
  const reason = resolved.disabledReason(state);
  if (reason !== null) {
    if (resolved.explainWhenDisabled) state.showNotice({ level: 'warning', message: reason });
    return false;
  }
  resolved.run(state);
  return true;
}
