/** App commands: one registry behind the command palette, the keyboard shortcuts and toolbar buttons. */
export { CommandPalette } from './command-palette';
export type { CommandPaletteProps } from './command-palette';
export { appCommands, commandById } from './app-commands';
export type { AppCommand, KeyBinding, KeyScope } from './app-command';
export { runCommand } from './run-command';
export { useCommandKeys } from './use-command-keys';
export { formatBinding } from './key-binding';
