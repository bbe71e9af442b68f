/** The slug a file name stands for: `news/my-item.md` → `my-item`; Hugo's `index.md` bundles use the folder name. */
export function slugFromFileName(relPath: string): string {
  const segments = relPath.split('/');
  const name = segments[segments.length - 1] ?? '';
  const base = name.replace(/\.(md|markdown)$/i, '');
  if ((base === 'index' || base === '_index') && segments.length > 1) return segments[segments.length - 2] ?? base;
  return base;
}
