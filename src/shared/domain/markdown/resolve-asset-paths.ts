/**
 * Workspace-relative paths an image reference of an item may name, most likely first: relative
 * to the item's folder (Hugo page bundles, `../images/x.png`), then under `static/` at the root
 * (Hugo serves `/images/x.png` from there). References leaving the folder are dropped here and
 * refused again in main. Shared by the form's image widget and the preview, so an image
 * resolves the same way in both.
 */
export function resolveAssetPaths(itemPath: string, src: string): string[] {
  const clean = src.split(/[?#]/)[0]?.trim() ?? '';
  if (clean === '' || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return [];
  const candidates: string[] = [];
  const itemDir = itemPath.split('/').slice(0, -1);
  if (clean.startsWith('/')) {
    candidates.push(normalise(['static'], clean.slice(1)) ?? '', normalise([], clean.slice(1)) ?? '');
  } else {
    candidates.push(normalise(itemDir, clean) ?? '', normalise(['static'], clean) ?? '');
  }
  return [...new Set(candidates.filter((c) => c !== ''))];
}

function normalise(base: readonly string[], rel: string): string | null {
  const out = [...base];
  for (const segment of rel.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.length === 0 ? null : out.join('/');
}
