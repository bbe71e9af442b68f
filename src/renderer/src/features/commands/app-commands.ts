import type { FolioState } from '../../store';
import { selectIsDirty } from '../../store/document-slice';
import type { AppCommand } from './app-command';

const NO_FOLDER = 'No folder is open.';
const NO_ITEM = 'No item is open.';

function noFolder(s: FolioState): string | null {
  return s.workspace === null ? NO_FOLDER : null;
}

/** Why the open item cannot be edited now, or null when it can. */
function notEditable(s: FolioState): string | null {
  if (s.selectedPath === null) return NO_ITEM;
  if (s.document === null || s.text === null) return 'The item is still loading.';
  if (s.document.readOnly !== undefined) return 'The open item is read-only.';
  return null;
}

function noItems(s: FolioState): string | null {
  return s.paths.length === 0 ? 'The list is empty.' : null;
}

function gitUnavailable(s: FolioState): string | null {
  if (s.gitStatus === null || s.gitStatus.state === 'no-folder') return NO_FOLDER;
  if (s.gitStatus.state !== 'ok') return 'The folder is not tracked by git.';
  return s.gitBusy !== null ? `Git is busy (${s.gitBusy}).` : null;
}

/**
 * Every app command, in the order the palette lists them. Each one calls an action the app
 * already has (store actions, or opening a dialog that lives in the store), so the palette, the
 * keyboard and the toolbar buttons that run these can never disagree.
 */
export const appCommands: readonly AppCommand[] = [
  {
    id: 'palette.commands',
    title: 'Show all commands',
    keys: { key: 'p', mod: true, shift: true, scope: 'anywhere' },
    hidden: true,
    disabledReason: () => null,
    run: (s) => s.openDialog({ kind: 'commands' }),
  },
  {
    id: 'document.save',
    title: 'Save',
    keys: { key: 's', mod: true, scope: 'anywhere' },
    disabledReason: (s) => notEditable(s) ?? (s.saving ? 'Saving…' : !selectIsDirty(s) ? 'There are no unsaved edits.' : null),
    run: (s) => void s.save(),
  },
  {
    id: 'palette.quickOpen',
    title: 'Quick open an item…',
    keys: { key: 'p', mod: true, scope: 'anywhere' },
    // Always: pressed while the folder is still loading, it opens and fills in as results arrive.
    disabledReason: () => null,
    run: (s) => s.openDialog({ kind: 'quick-open' }),
  },
  {
    id: 'list.focusSearch',
    title: 'Search the list',
    keys: { key: 'f', mod: true, shift: true, scope: 'anywhere' },
    disabledReason: noFolder,
    // The list owns the field; its id is the only contract between the two.
    run: () => document.getElementById('list-search')?.focus(),
  },
  {
    id: 'list.nextItem',
    title: 'Open the next item',
    keys: { key: 'ArrowDown', alt: true, scope: 'outside-editor' },
    disabledReason: noItems,
    run: (s) => s.moveSelection(1, false),
  },
  {
    id: 'list.previousItem',
    title: 'Open the previous item',
    keys: { key: 'ArrowUp', alt: true, scope: 'outside-editor' },
    disabledReason: noItems,
    run: (s) => s.moveSelection(-1, false),
  },
  {
    id: 'items.new',
    title: 'New item…',
    keys: { key: 'n', mod: true, scope: 'anywhere' },
    disabledReason: noFolder,
    run: (s) => s.openDialog({ kind: 'new-item' }),
  },
  {
    id: 'items.rename',
    title: 'Rename or move the open item…',
    keys: { key: 'F2', scope: 'outside-typing' },
    explainWhenDisabled: true,
    // Renaming moves the file on disk; unsaved edits would be left behind on the old name.
    disabledReason: (s) => (s.selectedPath === null ? NO_ITEM : selectIsDirty(s) ? 'Save or revert the open item before renaming it.' : null),
    run: (s) => s.selectedPath !== null && s.openDialog({ kind: 'rename', path: s.selectedPath }),
  },
  {
    id: 'items.delete',
    title: 'Delete the open item…',
    keys: { key: 'Delete', scope: 'outside-typing' },
    disabledReason: (s) => (s.selectedPath === null ? NO_ITEM : null),
    run: (s) => s.selectedPath !== null && s.openDialog({ kind: 'delete', path: s.selectedPath }),
  },
  {
    id: 'document.revert',
    title: 'Revert to the version on disk',
    disabledReason: (s) => notEditable(s) ?? (!selectIsDirty(s) ? 'There are no unsaved edits.' : null),
    run: (s) => void s.revert(),
  },
  {
    id: 'document.merge',
    title: 'Merge with the changed file on disk…',
    disabledReason: (s) => notEditable(s) ?? (s.conflict === null && !s.changedOnDisk ? 'The file on disk has not changed.' : null),
    run: (s) => void s.openMerge(),
  },
  {
    id: 'document.showForm',
    title: 'Front matter: show the form',
    disabledReason: (s) => notEditable(s) ?? (s.frontMatterTab === 'form' ? 'The form is already shown.' : null),
    run: (s) => s.setFrontMatterTab('form'),
  },
  {
    id: 'document.showRawYaml',
    title: 'Front matter: show raw YAML',
    disabledReason: (s) => notEditable(s) ?? (s.frontMatterTab === 'raw' ? 'Raw YAML is already shown.' : null),
    run: (s) => s.setFrontMatterTab('raw'),
  },
  {
    id: 'problems.toggle',
    title: 'Show or hide the Problems panel',
    keys: { key: 'm', mod: true, shift: true, scope: 'anywhere' },
    disabledReason: () => null,
    run: (s) => s.toggleProblemsPanel(),
  },
  {
    id: 'problems.focus',
    title: 'Go to the Problems panel',
    disabledReason: noFolder,
    run: (s) => {
      s.toggleProblemsPanel(true);
      // The panel renders on the next frame; then its first problem (or its first filter) takes the focus.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.problems-panel .problem-open, .problems-panel select')?.focus());
    },
  },
  {
    id: 'problems.generateSchema',
    title: 'Generate schema from the folder…',
    disabledReason: noFolder,
    run: (s) => {
      // The schema dialog belongs to the Problems panel, which must be open to show it.
      s.toggleProblemsPanel(true);
      s.openDialog({ kind: 'schema' });
    },
  },
  {
    id: 'items.bulkEdit',
    title: 'Bulk edit the selected items…',
    disabledReason: (s) => noFolder(s) ?? (s.selection.size < 2 ? 'Select two or more items in the list first (Ctrl/Cmd or Shift+click).' : null),
    run: (s) => s.openDialog({ kind: 'bulk-edit', paths: [...s.selection] }),
  },
  {
    id: 'git.togglePanel',
    title: 'Git: show or hide changes',
    disabledReason: (s) => (s.gitStatus === null || s.gitStatus.state === 'no-folder' ? NO_FOLDER : null),
    run: (s) => s.toggleGitPanel(),
  },
  {
    id: 'git.pull',
    title: 'Git: pull (get the shared copy’s changes)',
    disabledReason: gitUnavailable,
    run: (s) => void s.pullGit(),
  },
  {
    id: 'git.push',
    title: 'Git: push (send your commits)',
    disabledReason: gitUnavailable,
    run: (s) => void s.pushGit(),
  },
];

/** The command with `id`; throws on a typo, which a test catches. */
export function commandById(id: string): AppCommand {
  const command = appCommands.find((c) => c.id === id);
  if (command === undefined) throw new Error(`Unknown command ${id}`);
  return command;
}
