import { readFile, stat } from 'node:fs/promises';
import type { ItemSummary } from '../../../shared/contract';
import { walkContentFiles } from './walk-content-files';
import { summariseFrontMatter } from './summarise-front-matter';

/**
 * Lists every item with the few fields the list shows. A file that cannot be parsed is still
 * listed (with its problem) rather than hidden: a curator must see everything in the folder.
 */
export async function listItems(root: string): Promise<ItemSummary[]> {
  const items: ItemSummary[] = [];
  for await (const file of walkContentFiles(root)) {
    try {
      const [info, text] = await Promise.all([stat(file.absPath), readFile(file.absPath, 'utf8')]);
      const { title, date } = summariseFrontMatter(text);
      items.push({ path: file.relPath, title, date, size: info.size, mtimeMs: info.mtimeMs });
    } catch {
      // Vanished between the walk and the read: the watcher will report it.
    }
  }
  return items;
}
