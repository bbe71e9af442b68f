/** True when a key press belongs to a text field or editor, so item shortcuts (Delete, F2) must not act. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor, [role="dialog"]') !== null;
}
