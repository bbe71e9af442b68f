import { randomBytes } from 'node:crypto';

// Leaves room for the `.` prefix and the `.folio-tmp-<12 hex>` suffix under the usual 255-byte
// NAME_MAX; a longer name would make the save fail with ENAMETOOLONG for no good reason.
const MAX_NAME_BYTES_IN_TEMP = 200;
const TEMP_PATTERN = /^\.[\s\S]*\.folio-tmp-[0-9a-f]{12}$/;

/**
 * True for the temp files Folio's atomic save leaves beside a document (`.<name>.folio-tmp-<hex>`),
 * so the watcher and the index can ignore them and the cleaner can remove strays.
 */
export function isFolioTempFile(name: string): boolean {
  return TEMP_PATTERN.test(name);
}

/** A fresh temp file name for saving `name`, in the form `isFolioTempFile` recognises. */
export function makeFolioTempName(name: string): string {
  let stem = name;
  if (Buffer.byteLength(stem, 'utf8') > MAX_NAME_BYTES_IN_TEMP) {
    // Cut by code points so a surrogate pair is never split into an unencodable half.
    stem = Array.from(stem).slice(0, 48).join('');
  }
  return `.${stem}.folio-tmp-${randomBytes(6).toString('hex')}`;
}
