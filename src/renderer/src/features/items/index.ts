/** Create, rename and delete (with undo) items. */
export { ItemsToolbar } from './items-toolbar';
