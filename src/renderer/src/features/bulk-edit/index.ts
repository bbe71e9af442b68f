/** Bulk edit of the list's multi-selection with a diff preview. */
export { BulkEditButton } from './bulk-edit-button';
