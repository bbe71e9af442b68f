import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's scheduling priority (Linux `nice`), for background workers: a full
 * validation of 50,000 items is ~50 s of CPU (and chokidar's per-file crawl was ~5 s), and on a
 * two-core laptop they took the cores from the index worker and the window exactly when the
 * curator started typing (keystroke p95 0.5-2 s right after a scan). At nice 10 they still use
 * every idle cycle. Linux only: there a thread is a task with its own priority, found through
 * /proc/thread-self; elsewhere this does nothing. Returns whether it did.
 */
export function lowerThreadPriority(nice = 10): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isSafeInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    // No /proc, or not allowed: the work still runs, at normal priority.
    return false;
  }
}
