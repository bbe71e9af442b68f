import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** A FILE argument as a folder-relative POSIX path, or why it is not in the folder. */
export type ToWorkspacePathResult = { readonly ok: true; readonly relPath: string } | { readonly ok: false; readonly message: string };

function relativeInside(root: string, target: string): string | null {
  const rel = path.relative(root, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

async function realOrNull(p: string): Promise<string | null> {
  try {
    return await realpath(p);
  } catch {
    return null;
  }
}

/**
 * Turns a FILE argument (relative to `cwd` or absolute) into the root-relative path the workspace
 * layer confines. Only the text and the folders above the file are resolved here: the file itself
 * (and any symlink on the way) is judged by `resolveWorkspacePath` when it is read.
 */
export async function toWorkspacePath(root: string, fileArg: string, cwd: string): Promise<ToWorkspacePathResult> {
  const abs = path.resolve(cwd, fileArg);
  const direct = relativeInside(root, abs);
  if (direct !== null) return { ok: true, relPath: direct };
  // The same place may be spelled through a symlink (macOS /tmp is /private/tmp): compare the
  // real folders too, but never the file's own link, which must still be checked as a link.
  const [rootReal, parentReal] = await Promise.all([realOrNull(root), realOrNull(path.dirname(abs))]);
  if (rootReal !== null && parentReal !== null) {
    const viaReal = relativeInside(rootReal, path.join(parentReal, path.basename(abs)));
    if (viaReal !== null) return { ok: true, relPath: viaReal };
  }
  return { ok: false, message: `it is outside the folder ${root}` };
}
