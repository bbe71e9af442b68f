/** The folder part of a workspace-relative path ('' for the root). */
export function folderOf(relPath: string | null): string {
  if (relPath === null) return '';
  const at = relPath.lastIndexOf('/');
  return at === -1 ? '' : relPath.slice(0, at);
}
