import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ItemTemplateDto } from '../../../shared/contract/dto';

/** Where templates live, relative to the folder root: Hugo's archetypes and Folio's own. */
export const TEMPLATE_FOLDERS = { archetype: 'archetypes', template: '.folio/templates' } as const;

/** True when `relPath` names a template of `kind` (a direct child `.md` of its folder). */
export function isTemplatePath(kind: keyof typeof TEMPLATE_FOLDERS, relPath: string): boolean {
  const folder = TEMPLATE_FOLDERS[kind];
  return relPath.startsWith(`${folder}/`) && !relPath.slice(folder.length + 1).includes('/') && /\.md$/i.test(relPath);
}

/**
 * The templates a new item can start from: `archetypes/*.md` at the folder root (Hugo) and
 * `.folio/templates/*.md`, sorted by name. Links and sub-folders are skipped; a missing folder is
 * simply no templates.
 */
export async function listItemTemplates(rootReal: string): Promise<ItemTemplateDto[]> {
  const found: ItemTemplateDto[] = [];
  for (const kind of ['archetype', 'template'] as const) {
    const folder = TEMPLATE_FOLDERS[kind];
    const entries = await readdir(path.join(rootReal, ...folder.split('/')), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !/\.md$/i.test(entry.name) || entry.name.startsWith('.')) continue;
      found.push({ kind, path: `${folder}/${entry.name}`, name: entry.name.replace(/\.md$/i, '') });
    }
  }
  return found.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'archetype' ? -1 : 1));
}
