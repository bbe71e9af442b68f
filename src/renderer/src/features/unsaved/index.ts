/** Questions about unsaved edits: restore after a crash, save before switching item or closing. */
export { NeverLoseEdits } from './never-lose-edits';
export { RestoreDraftsDialog } from './restore-drafts-dialog';
export { UnsavedChangesDialog } from './unsaved-changes-dialog';
export type { UnsavedChangesDialogProps } from './unsaved-changes-dialog';
