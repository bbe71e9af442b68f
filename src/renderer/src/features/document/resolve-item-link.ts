/**
 * Resolves a relative link written in an item (`../other/item.md#part`) against the item's own
 * workspace-relative POSIX path. Returns null for links that climb out of the folder; main
 * refuses those anyway, this only avoids a useless request.
 */
export function resolveItemLink(fromPath: string, href: string): string | null {
  const target = href.replace(/[?#].*$/, '');
  if (target === '') return null;
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A malformed escape is taken as written.
  }
  const segments = decoded.startsWith('/') ? [] : fromPath.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  if (segments.length === 0) return null;
  const path = segments.join('/');
  // Hugo-style links point at a page folder or omit the extension.
  if (decoded.endsWith('/')) return `${path}/index.md`;
  return /\.[a-z0-9]+$/i.test(path) ? path : `${path}.md`;
}
