import type { ErrorCode } from '../../../shared/contract/errors';
import { fail, type Result } from '../../../shared/lib/result';

/** What the user was trying to do when the file system said no; shapes the wording of the message. */
export type FsAction = 'open' | 'save' | 'clean';

/** The Node error code (`ENOSPC`, ...) of a thrown file-system error, or undefined for anything else. */
export function fsErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}

// The user sees these sentences, so they name the cause in plain words rather than errno names.
const CAUSES: Readonly<Record<string, string>> = {
  ENOSPC: 'The disk is full.',
  EDQUOT: 'The disk quota is exceeded.',
  EROFS: 'The folder is read-only.',
  EACCES: 'Permission denied.',
  EPERM: 'Permission denied.',
  EBUSY: 'The file is in use by another program.',
  EIO: 'The disk reported an input/output error.',
  ENAMETOOLONG: 'The file name is too long for this disk.',
  EMFILE: 'Too many files are open.',
  ENFILE: 'Too many files are open.',
  ENOENT: 'The file or its folder does not exist.',
  ENOTDIR: 'A part of the path is a file, not a folder.',
  EISDIR: 'The path is a folder, not a file.',
  ELOOP: 'The path leads through a symbolic link.',
};

const HINTS: Readonly<Record<FsAction, string>> = {
  open: '',
  // Row 23 of threats.md: the edit survives a failed save, and the user should know it.
  save: ' Your changes are still in the editor; save again once this is fixed.',
  clean: '',
};

const VERBS: Readonly<Record<FsAction, string>> = {
  open: 'Could not open',
  save: 'Could not save',
  clean: 'Could not clean temporary files in',
};

/** Turns a thrown file-system error into a failed Result whose message names the cause for the user. */
export function fsFailure<T = never>(error: unknown, action: FsAction, relPath: string): Result<T> {
  const errno = fsErrorCode(error);
  const cause =
    (errno === undefined ? undefined : CAUSES[errno]) ??
    `Unexpected error (${errno ?? (error instanceof Error ? error.message : String(error))}).`;
  const code: ErrorCode = errno === 'ENOENT' || errno === 'ENOTDIR' ? 'not-found' : 'io';
  return fail(code, `${VERBS[action]} ${JSON.stringify(relPath)}. ${cause}${HINTS[action]}`, {
    errno: errno ?? null,
  });
}
