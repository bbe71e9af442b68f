import type { ItemSummary } from '../../../shared/contract';
import { readIndexEntry } from './read-index-entry';
import { walkContentFiles } from './walk-content-files';

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/**
 * Lists every item with the few fields the list shows, in-thread. A file that cannot be parsed is
 * still listed (with its problem) rather than hidden: a curator must see everything in the folder.
 * Large folders should use `IndexService`, which scans off the main thread and caches.
 */
export async function listItems(root: string): Promise<ItemSummary[]> {
  const items: ItemSummary[] = [];
  for await (const file of walkContentFiles(root)) {
    const entry = await readIndexEntry(file.absPath, file.relPath);
    // Vanished between the walk and the read: the watcher will report it.
    if (entry === null) continue;
    const fm = entry.frontmatter;
    const base = { path: entry.path, title: asText(fm?.['title']), date: asText(fm?.['date']), size: entry.size, mtimeMs: entry.mtimeMs };
    const readOnly = entry.mode === 'text' ? (entry.problemCounts.error > 0 ? 'unsupported-front-matter' : undefined) : entry.mode;
    items.push(readOnly === undefined ? base : { ...base, readOnly });
  }
  return items;
}
