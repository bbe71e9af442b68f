import { opendir } from 'node:fs/promises';
import path from 'node:path';

/** The absolute folder a command works on, or why it cannot be opened (an I/O error, exit 2). */
export type OpenFolderRootResult = { readonly ok: true; readonly root: string } | { readonly ok: false; readonly message: string };

/**
 * Resolves a DIR argument against `cwd` and checks it can be listed now, because the folder walk
 * skips unreadable folders silently and would report an empty folder instead of the error.
 */
export async function openFolderRoot(dir: string, cwd: string): Promise<OpenFolderRootResult> {
  const root = path.resolve(cwd, dir);
  try {
    const handle = await opendir(root);
    await handle.close();
    return { ok: true, root };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is not a folder' : `it cannot be read (${code ?? 'unknown error'})`;
    return { ok: false, message: `cannot open folder ${dir}: ${why}` };
  }
}
