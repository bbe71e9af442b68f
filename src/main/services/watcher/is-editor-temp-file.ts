/*
 * Names other programs use for scratch files while saving, so a save by vim, emacs, Kate or a
 * JetBrains IDE never shows up as an item. Most of these do not end in `.md` and would be dropped
 * as non-content anyway; the list is explicit so that a temp name which does end in `.md`
 * (`~$item.md`) is still caught, and so the intent survives a change to the content-file rule.
 */
const EDITOR_TEMP_PATTERNS: readonly RegExp[] = [
  /\.sw[a-px]x?$/i, // vim swap files (.swp, .swo, ... .swa, .swx) and the .swpx probe
  /~$/, // vim / emacs / nano backups (item.md~), vim undo files (.item.md.un~)
  /^\.#/, // emacs lock links
  /^#.*#$/, // emacs auto-save
  /\.te?mp$/i, // generic temp files (item.md.tmp, Sublime's .subl*.tmp)
  /^4913$/, // vim's "can I write here" probe
  /\.kate-swp$/i, // Kate swap files
  /___jb_(?:tmp|old|bak)___$/, // JetBrains safe write
  /\.crswap$/i, // Chromium File System Access API
  /^~\$/, // Microsoft Office and some Windows editors' owner files
  /^\.goutputstream-/, // gedit / GIO atomic replace
  /^~syncthing~/i, // Syncthing temp files on Windows
];

/**
 * True for a file name another editor or sync tool uses as a temporary while saving (`.x.swp`,
 * `x~`, `.#x`, `x.tmp`, vim's `4913`, `.x.kate-swp`, JetBrains' `___jb_tmp___`): the watcher
 * drops them so an atomic save by another program surfaces as one change to the real file.
 */
export function isEditorTempFile(name: string): boolean {
  return EDITOR_TEMP_PATTERNS.some((pattern) => pattern.test(name));
}
