import { open, type FileHandle } from 'node:fs/promises';
import { classifyTextBytes, MAX_EDITABLE_BYTES, PREVIEW_BYTES, type TextFileMode } from '../workspace/classify-text-bytes';
import { READ_NOFOLLOW_FLAGS } from '../workspace/open-flags';

/** A walked file's text (or preview) and how it was classified; `error` when it could not be read. */
export type WalkedFileRead = { readonly ok: true; readonly mode: TextFileMode; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * Reads a file found by the folder walk for validation, with the index reader's rules: opened
 * with O_NOFOLLOW (a file swapped for a link since the walk is refused), only the head of a file
 * over the editable size, no hash. The walk never entered a link, so the per-file `realpath`
 * confinement of `readTextFile` (a third of a full validation's time) is not needed here; paths
 * from the watcher still go through `readTextFile`.
 */
export async function readWalkedFile(absPath: string): Promise<WalkedFileRead> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(absPath, READ_NOFOLLOW_FLAGS);
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, message: 'It is not a regular file.' };
    let bytes: Buffer;
    let complete: boolean;
    if (info.size > MAX_EDITABLE_BYTES) {
      const head = Buffer.alloc(PREVIEW_BYTES);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      bytes = head.subarray(0, bytesRead);
      complete = false;
    } else {
      bytes = await handle.readFile();
      complete = bytes.length <= MAX_EDITABLE_BYTES;
    }
    const classified = classifyTextBytes(bytes, complete);
    return { ok: true, mode: classified.mode, text: classified.text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ELOOP' ? 'It became a symbolic link while the folder was read; links are never read through.' : `It cannot be read (${code ?? String(error)}).` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
