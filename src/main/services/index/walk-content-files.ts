import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** A content file found by the walk, relative to the folder root in POSIX form. */
export interface WalkedFile {
  readonly relPath: string;
  readonly absPath: string;
}

/** Folders that are never content: version control, dependencies, build output. */
const ignoredFolders = new Set(['node_modules', '.git']);

/** File names Folio treats as items. */
export function isContentFileName(name: string): boolean {
  return /\.(md|markdown)$/i.test(name) && !name.startsWith('.');
}

/**
 * Walks a folder for content files without following symlinks: a link is never descended into
 * or read through, so a link pointing outside the folder cannot leak files into the list.
 * Dot-folders (`.git`, `.folio`, editor folders) and `node_modules` are skipped; unreadable
 * folders are skipped rather than failing the whole walk.
 */
export async function* walkContentFiles(root: string): AsyncGenerator<WalkedFile> {
  const pending: string[] = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    let entries: Dirent[];
    try {
      // One readdir per folder: faster than iterating an opendir handle entry by entry.
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    const subfolders: string[] = [];
    for (const entry of entries) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !ignoredFolders.has(entry.name)) subfolders.push(childRel);
      } else if (entry.isFile() && isContentFileName(entry.name)) {
        yield { relPath: childRel, absPath: path.join(root, childRel) };
      }
    }
    // Reverse so the stack visits folders in name order.
    pending.push(...subfolders.sort().reverse());
  }
}
