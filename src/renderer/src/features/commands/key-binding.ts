import type { KeyBinding } from './app-command';

/** The subset of a keyboard event a binding is matched against (easy to build in tests). */
export interface KeyChord {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** True when `event` is exactly `binding`: no missing and no extra modifier. */
export function matchesBinding(event: KeyChord, binding: KeyBinding): boolean {
  const mod = event.ctrlKey || event.metaKey;
  return (
    event.key.toLowerCase() === binding.key.toLowerCase() &&
    mod === (binding.mod ?? false) &&
    event.shiftKey === (binding.shift ?? false) &&
    event.altKey === (binding.alt ?? false)
  );
}

const KEY_NAMES: Readonly<Record<string, string>> = { arrowdown: '↓', arrowup: '↑', delete: 'Delete' };

/** The hint shown beside a command: `Ctrl+Shift+P` (or `⌘⇧P` on macOS). */
export function formatBinding(binding: KeyBinding, mac: boolean): string {
  const lower = binding.key.toLowerCase();
  const key = KEY_NAMES[lower] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  if (mac) return `${binding.mod ? '⌘' : ''}${binding.alt ? '⌥' : ''}${binding.shift ? '⇧' : ''}${key}`;
  return [binding.mod ? 'Ctrl' : null, binding.alt ? 'Alt' : null, binding.shift ? 'Shift' : null, key].filter((part) => part !== null).join('+');
}

/** True on macOS, where the hint says ⌘ instead of Ctrl. */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /mac|iphone|ipad/i.test(navigator.platform);
}
