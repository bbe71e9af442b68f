import { isContentFileName } from '../index/walk-content-files';
import { isFolioTempFile } from '../workspace/is-folio-temp-file';
import { isEditorTempFile } from './is-editor-temp-file';

/**
 * True for a folder name the watcher never descends into: dot-folders (`.git`, `.folio`, editor
 * and OS folders) and `node_modules`, the same folders the index walk skips.
 */
export function isSkippedFolderName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * True when a workspace-relative POSIX path names something the watcher reports: a content file
 * (`.md` / `.markdown`) outside skipped folders that is not Folio's or another editor's temp file.
 * Applied to every event as well as through chokidar's `ignored` when polling, because chokidar
 * sometimes asks without stats and cannot then tell a file from a folder.
 */
export function isWatchedContentPath(relPath: string): boolean {
  const segments = relPath.split('/');
  const name = segments.pop();
  if (name === undefined || name === '') return false;
  if (segments.some((segment) => segment === '' || segment === '..' || isSkippedFolderName(segment))) return false;
  return isWatchedContentName(name);
}

/** The file-name half of `isWatchedContentPath`, for a name in a folder already known to be watched. */
export function isWatchedContentName(name: string): boolean {
  return isContentFileName(name) && !isFolioTempFile(name) && !isEditorTempFile(name);
}
