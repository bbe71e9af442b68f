/** Crash recovery: unsaved edits kept as drafts in the app data folder. */
export { DraftService } from './draft-service';
export type { CurrentRoot, DraftInput } from './draft-service';
