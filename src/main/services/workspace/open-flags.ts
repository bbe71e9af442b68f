import { constants } from 'node:fs';

// O_NOFOLLOW and O_NONBLOCK are POSIX-only: Node leaves them undefined on Windows although its
// types say number, so a missing flag counts as 0 (plain open, which Windows does not follow anyway).
const optional = constants as unknown as Partial<Record<'O_NOFOLLOW' | 'O_NONBLOCK', number>>;
const NOFOLLOW = optional.O_NOFOLLOW ?? 0;
const NONBLOCK = optional.O_NONBLOCK ?? 0;

/**
 * Flags for reading a confined path: O_NOFOLLOW fails if the final component has become a symlink
 * since confinement; O_NONBLOCK keeps a FIFO from hanging the main process on open.
 */
export const READ_NOFOLLOW_FLAGS = constants.O_RDONLY | NOFOLLOW | NONBLOCK;

/** Flags for a save's temp file: created here and now (never an existing file or a planted link). */
export const CREATE_EXCLUSIVE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW;
