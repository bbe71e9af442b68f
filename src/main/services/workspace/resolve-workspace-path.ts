import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/lib/result';
import { fsErrorCode, fsFailure } from './describe-fs-error';

/** Longest workspace-relative path accepted, in UTF-16 code units; real content paths are far shorter. */
export const MAX_RELATIVE_PATH_LENGTH = 1024;

/** Longest single path segment accepted, in UTF-8 bytes (NAME_MAX on Linux, macOS and NTFS). */
export const MAX_SEGMENT_BYTES = 255;

/** A workspace path that passed confinement, with the absolute forms callers act on. */
export interface ResolvedWorkspacePath {
  /** The workspace root after realpath: every other path here lies under it. */
  readonly rootReal: string;
  /** The validated workspace-relative POSIX path, exactly as given. */
  readonly relPath: string;
  /** `rootReal` joined with the segments, final component NOT resolved: what `lstat` should look at. */
  readonly absPath: string;
  /** realpath of the parent folder (inside the root), or null when that folder does not exist. */
  readonly parentReal: string | null;
  /** realpath of the target (inside the root), or null when it does not exist yet. */
  readonly realPath: string | null;
}

// `%` + hex that decodes (once or after repeated %25 decoding) to `.`, `/`, `\` or NUL. We never
// decode paths ourselves, but a layer that does (a URL handler, a CLI shell wrapper) would turn
// these into traversal, so they are refused rather than trusted to stay literal.
const ENCODED_TRAVERSAL = /%(?:25)*(?:2e|2f|5c|00)/i;
const DRIVE_PREFIX = /^[a-z]:/i;
// Windows strips trailing dots and spaces from a segment, so `...` or `.. ` can act like `..`.
const DOTS_AND_SPACES_ONLY = /^[. ]+$/;

function refuse<T>(relPath: string, why: string): Result<T> {
  const shown = relPath.length > 120 ? `${relPath.slice(0, 120)}…` : relPath;
  return fail('path-refused', `The path ${JSON.stringify(shown)} was refused: ${why}`);
}

/**
 * Checks the text of a workspace-relative POSIX path without touching the disk and returns its
 * segments. Refuses traversal, absolute, drive, UNC, backslash, NUL, percent-encoded and
 * non-canonical forms; it never normalises a bad path into a good one.
 */
export function validateWorkspaceRelativePath(relPath: unknown): Result<readonly string[]> {
  if (typeof relPath !== 'string') return fail('path-refused', 'The path was refused: it is not a string.');
  if (relPath.length === 0) return refuse(relPath, 'it is empty.');
  if (relPath.length > MAX_RELATIVE_PATH_LENGTH) {
    return refuse(relPath, `it is longer than ${MAX_RELATIVE_PATH_LENGTH} characters.`);
  }
  if (relPath.includes('\0')) return refuse(relPath, 'it contains a NUL byte.');
  if (relPath.includes('\\')) {
    return refuse(relPath, 'it contains a backslash (Windows and network paths are not allowed; use "/").');
  }
  if (relPath.startsWith('/')) return refuse(relPath, 'it is an absolute path; paths must be relative to the folder.');
  if (DRIVE_PREFIX.test(relPath)) return refuse(relPath, 'it starts with a drive letter; paths must be relative to the folder.');
  if (ENCODED_TRAVERSAL.test(relPath)) {
    return refuse(relPath, 'it contains a percent-encoded ".", "/", "\\" or NUL.');
  }
  const segments = relPath.split('/');
  for (const segment of segments) {
    if (segment === '') return refuse(relPath, 'it contains an empty segment ("//" or a trailing "/").');
    if (segment === '..') return refuse(relPath, 'it contains a ".." segment.');
    if (segment === '.') return refuse(relPath, 'it contains a "." segment.');
    if (DOTS_AND_SPACES_ONLY.test(segment)) return refuse(relPath, 'a segment is made only of dots and spaces.');
    if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) {
      return refuse(relPath, `a segment is longer than ${MAX_SEGMENT_BYTES} bytes.`);
    }
  }
  return ok(segments);
}

function isInside(rootReal: string, candidate: string): boolean {
  const rel = path.relative(rootReal, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Confines a renderer- or CLI-supplied workspace-relative path to the workspace root.
 *
 * After the textual checks, every existing prefix of the path is realpath'd and must stay inside
 * the root, so a symlinked file or folder anywhere on the way that leads out is refused. A path
 * whose tail does not exist yet (a file about to be created) is judged by its existing prefixes.
 * A broken symlink on the way is refused because where it leads cannot be checked.
 *
 * This is a check at one moment: a local process that swaps a folder for a symlink between this
 * call and the following file operation is outside the threat model (it could edit the files
 * directly); callers narrow the gap by acting on `parentReal`/`realPath` with O_NOFOLLOW.
 */
export async function resolveWorkspacePath(root: string, relPath: unknown): Promise<Result<ResolvedWorkspacePath>> {
  const checked = validateWorkspaceRelativePath(relPath);
  if (!checked.ok) return checked;
  const segments = checked.value;
  const rel = relPath as string;

  let rootReal: string;
  try {
    rootReal = await realpath(root);
    if (!(await stat(rootReal)).isDirectory()) return fail('no-workspace', 'The workspace folder is not a folder.');
  } catch (error) {
    return fail('no-workspace', `The workspace folder cannot be opened (${fsErrorCode(error) ?? 'unknown error'}).`);
  }

  const absPath = path.join(rootReal, ...segments);
  let parentReal: string | null = rootReal;
  let realPath: string | null = null;
  for (let i = 1; i <= segments.length; i++) {
    const prefix = path.join(rootReal, ...segments.slice(0, i));
    let resolved: string;
    try {
      resolved = await realpath(prefix);
    } catch (error) {
      const errno = fsErrorCode(error);
      if (errno === 'ENOENT') {
        if (await existsAsLink(prefix)) return refuse(rel, 'it leads through a broken symbolic link.');
        // The rest of the path does not exist, so nothing further can lead anywhere.
        if (i < segments.length) parentReal = null;
        break;
      }
      if (errno === 'ELOOP') return refuse(rel, 'it leads through a loop of symbolic links.');
      return fsFailure(error, 'open', rel);
    }
    if (!isInside(rootReal, resolved)) {
      return refuse(rel, 'a symbolic link on the way leads outside the workspace folder.');
    }
    if (i === segments.length - 1) parentReal = resolved;
    if (i === segments.length) realPath = resolved;
  }
  return ok({ rootReal, relPath: rel, absPath, parentReal, realPath });
}

async function existsAsLink(p: string): Promise<boolean> {
  try {
    return (await lstat(p)).isSymbolicLink();
  } catch {
    return false;
  }
}
