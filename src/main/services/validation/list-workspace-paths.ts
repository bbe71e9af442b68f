import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isContentFileName } from '../index/walk-content-files';

/** Every path of a workspace a body link may point at, and the content files the walk skips. */
export interface WorkspacePaths {
  /** Files, folders and links, relative POSIX paths. */
  readonly all: Set<string>;
  /** Content files that are symbolic links: never read through, reported instead. */
  readonly symlinkedContent: string[];
  /** Regular content files (`.md`, `.markdown`), sorted: the same set the content walk yields. */
  readonly contentFiles: string[];
}

const ignoredFolders = new Set(['node_modules', '.git']);

/**
 * Lists the workspace for link checks with the same rules as the content walk: dot-folders and
 * `node_modules` skipped, links never followed (a link is listed as existing, not entered). One
 * walk serves both the link check and the list of files to validate.
 */
export async function listWorkspacePaths(root: string): Promise<WorkspacePaths> {
  const all = new Set<string>();
  const symlinkedContent: string[] = [];
  const contentFiles: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || ignoredFolders.has(entry.name)) continue;
        all.add(childRel);
        pending.push(childRel);
      } else {
        all.add(childRel);
        if (entry.isSymbolicLink() && isContentFileName(entry.name)) symlinkedContent.push(childRel);
        else if (entry.isFile() && isContentFileName(entry.name)) contentFiles.push(childRel);
      }
    }
  }
  symlinkedContent.sort();
  contentFiles.sort();
  return { all, symlinkedContent, contentFiles };
}
