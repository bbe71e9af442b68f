/** Creating, renaming, deleting (undoably) and bulk-editing items. */
export { ItemsService, MAX_BULK_FILES, type ItemsIndex, type ItemsWorkspace } from './items-service';
export { editFileFrontMatter, type EditFileFrontMatterInput, type FileEditFailureCode, type FileEditOutcome } from './edit-file-front-matter';
export { FOLDER_TRASH, TrashStore, type SystemTrash } from './trash-store';
export { isTemplatePath, listItemTemplates, TEMPLATE_FOLDERS } from './item-templates';
