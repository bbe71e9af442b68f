/** Conflicts with the disk: the banner over the open item and the three-way merge view. */
export { ConflictBanner } from './conflict-banner';
export { MergeView } from './merge-view';
export { ModalDialog } from './modal-dialog';
export type { ModalDialogProps } from './modal-dialog';
