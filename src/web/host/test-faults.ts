import { inThreadWatcher, type WatcherFactory } from '../../main/services/watcher';
import { nodeAtomicWriteOps, type WriteTextFileOptions } from '../../main/services/workspace/write-text-file-atomic';

/**
 * Faults the web host can be started with so end-to-end journeys can show how the app behaves
 * when the operating system says no in ways a test machine cannot provoke for real. Off unless
 * the host process is started with `FOLIO_TEST_FAULTS`; never part of the contract, so no page
 * can turn one on. The Electron shell does not read it.
 */
export interface TestFaults {
  /** Native watching hits the inotify limit (ENOSPC) once its first scan is done (threats row 28). */
  readonly watchLimit: boolean;
  /** The first document save finds the disk full (ENOSPC); later saves work (threats row 23). */
  readonly diskFullOnce: boolean;
}

/** The environment variable that lists the faults, comma-separated. */
export const TEST_FAULTS_ENV = 'FOLIO_TEST_FAULTS';

const known = { 'watch-limit': 'watchLimit', 'disk-full-once': 'diskFullOnce' } as const satisfies Record<string, keyof TestFaults>;

/** Reads `FOLIO_TEST_FAULTS`; unset or empty means none. An unknown name is an error, not ignored. */
export function parseTestFaults(value: string | undefined): TestFaults {
  const faults = { watchLimit: false, diskFullOnce: false };
  for (const name of (value ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '')) {
    if (!Object.hasOwn(known, name)) throw new Error(`${TEST_FAULTS_ENV}: unknown fault "${name}" (known: ${Object.keys(known).join(', ')}).`);
    faults[known[name as keyof typeof known]] = true;
  }
  return faults;
}

/** True when any fault is on, so the host can say so loudly. */
export function anyTestFault(faults: TestFaults): boolean {
  return faults.watchLimit || faults.diskFullOnce;
}

/**
 * A watcher factory whose native watcher fails the way Linux does when
 * `fs.inotify.max_user_watches` is exhausted; the polling watcher the app falls back to is real.
 */
export const watchLimitWatcherFactory: WatcherFactory = (root, settings) => {
  const watcher = inThreadWatcher(root, settings);
  if (!settings.usePolling) {
    watcher.once('ready', () => {
      watcher.emit('error', Object.assign(new Error('ENOSPC: System limit for number of file watchers reached, watch'), { code: 'ENOSPC', syscall: 'watch' }));
    });
  }
  return watcher;
};

/**
 * Save steps whose first temp-file write fails the way a full disk does, after the real write
 * step created the file (so the clean-up of a half-written temp file is exercised too); every
 * later save is real. The same seam write-text-file-atomic.test.ts injects its errors through.
 */
export function diskFullOnceWriteOptions(): WriteTextFileOptions {
  let failed = false;
  return {
    ops: {
      async writeTempFile(tempPath, data, mode) {
        if (failed) return nodeAtomicWriteOps.writeTempFile(tempPath, data, mode);
        failed = true;
        await nodeAtomicWriteOps.writeTempFile(tempPath, data.subarray(0, 1), mode);
        throw Object.assign(new Error('ENOSPC: no space left on device, write (injected)'), { code: 'ENOSPC', syscall: 'write' });
      },
    },
  };
}
