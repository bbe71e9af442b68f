import { classifyTextBytes, type TextFileMode } from '../workspace/classify-text-bytes';
import { readItemBytes, readItemBytesSync, type ItemBytes } from '../workspace/read-item-bytes';

/** A walked file's text (or preview) and how it was classified; `error` when it could not be read. */
export type WalkedFileRead = { readonly ok: true; readonly mode: TextFileMode; readonly text: string } | { readonly ok: false; readonly message: string };

/** Reads one walked file, awaited or blocking (see `walkedFileReader`). */
export type WalkedFileReader = (absPath: string) => Promise<WalkedFileRead>;

function classified(read: ItemBytes | null): WalkedFileRead {
  if (read === null) return { ok: false, message: 'It is not a regular file.' };
  const { mode, text } = classifyTextBytes(read.bytes, read.complete);
  return { ok: true, mode, text };
}

function failure(error: unknown): WalkedFileRead {
  const code = (error as NodeJS.ErrnoException).code;
  return { ok: false, message: code === 'ELOOP' ? 'It became a symbolic link while the folder was read; links are never read through.' : `It cannot be read (${code ?? String(error)}).` };
}

/**
 * Reads a file found by the folder walk for validation, with the index reader's rules
 * (`readItemBytes`: no link followed, only the head of a file over the editable size, no hash).
 * Paths from the watcher still go through `readTextFile`, which also confines them.
 */
export async function readWalkedFile(absPath: string): Promise<WalkedFileRead> {
  try {
    return classified(await readItemBytes(absPath));
  } catch (error) {
    return failure(error);
  }
}

/** `readWalkedFile` with blocking reads (`readItemBytesSync`): at 50,000 items ~7 s less CPU per full run, which reads every file twice. */
export function readWalkedFileSync(absPath: string): WalkedFileRead {
  try {
    return classified(readItemBytesSync(absPath));
  } catch (error) {
    return failure(error);
  }
}

/** How long a run of blocking reads (and the work between them) may hold its thread's event loop. */
const YIELD_EVERY_MS = 10;

/**
 * The reader for a thread: blocking reads where nothing else waits on the thread (the validation
 * worker, the CLI), awaited ones on the app's main thread (the in-thread fallback), where a slow
 * disk must not stall the window. Blocking reads resolve without a trip through the event loop,
 * so a full run would take in no message until it ended (an `infer` asked meanwhile would wait
 * the whole run): the reader lets the loop turn once every ~10 ms.
 */
export function walkedFileReader(blocking: boolean): WalkedFileReader {
  if (!blocking) return readWalkedFile;
  let since = performance.now();
  return async (absPath) => {
    if (performance.now() - since >= YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
    return readWalkedFileSync(absPath);
  };
}
