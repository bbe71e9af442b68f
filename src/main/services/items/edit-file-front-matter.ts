import type { FolioError } from '../../../shared/contract/errors';
import { applyBulkEdit, type BulkFieldEdit } from '../../../shared/domain/items';
import { MAX_EDITABLE_BYTES, MAX_EDITABLE_LINE_BYTES, readTextFile, writeTextFileAtomic } from '../workspace';

/** One file's front matter edit, as `folio set` and bulk edit both make it. */
export interface EditFileFrontMatterInput {
  readonly root: string;
  readonly relPath: string;
  readonly edit: BulkFieldEdit;
  /** Compute the new text only (a preview, `--dry-run`): nothing is written. */
  readonly dryRun: boolean;
  /**
   * The hash the caller saw (a bulk preview's read). When the disk no longer holds it, the file is
   * reported as failed and not written, even if the edit would still apply.
   */
  readonly expectedHash?: string | null;
  /** Called with the new text right before it is written (the watcher is told of Folio's own write). */
  readonly beforeWrite?: (relPath: string, text: string) => void;
}

/** What happened to one file. `hash` is that of the bytes read (the base of the write). */
export type FileEditOutcome =
  | { readonly kind: 'changed'; readonly relPath: string; readonly before: string; readonly after: string; readonly hash: string; readonly written: boolean }
  | { readonly kind: 'unchanged'; readonly relPath: string; readonly hash: string }
  | { readonly kind: 'failed'; readonly relPath: string; readonly reason: string; readonly code: FileEditFailureCode };

/** Why a file was not edited: a workspace error, a change since the preview, or its front matter. */
export type FileEditFailureCode = FolioError['code'] | 'stale' | 'front-matter';

/** The message after "not edited:" for the user: short, about this file. */
function reasonOf(error: FolioError): string {
  if (error.code === 'not-found') return 'no such file';
  if (error.code === 'conflict') return 'it was changed by something else while Folio was editing it; nothing was written';
  // The workspace layer words refusals for the app ("The path "x" was refused: why"); keep the why.
  const refused = /was refused: (.*)$/s.exec(error.message);
  return refused?.[1] ?? error.message;
}

function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

/**
 * The one per-file step of `folio set` and bulk edit: read the file (confined, never through a
 * link), compute the edit with the engine's span edits, skip it when nothing would change, and
 * otherwise write it atomically against the hash that was read, so a concurrent change becomes a
 * reported failure and never an overwrite.
 */
export async function editFileFrontMatter(input: EditFileFrontMatterInput): Promise<FileEditOutcome> {
  const { root, relPath } = input;
  const failed = (reason: string, code: FileEditFailureCode): FileEditOutcome => ({ kind: 'failed', relPath, reason, code });
  const read = await readTextFile(root, relPath);
  if (!read.ok) return failed(reasonOf(read.error), read.error.code);
  const file = read.value;
  if (file.symlink) return failed('it is a symbolic link; Folio does not edit through links (edit the file it points to)', 'not-editable');
  if (file.mode === 'binary') return failed('it is a binary file', 'not-editable');
  if (file.mode === 'non-utf8') return failed('it is not UTF-8 text', 'not-editable');
  if (file.mode === 'large') {
    return failed(`it is too large to edit safely (over ${megabytes(MAX_EDITABLE_BYTES)} MB, or a line over ${megabytes(MAX_EDITABLE_LINE_BYTES)} MB)`, 'not-editable');
  }
  if (!file.editable || file.hash === null) return failed('it is not an editable text file', 'not-editable');
  if (input.expectedHash !== undefined && input.expectedHash !== null && input.expectedHash !== file.hash) {
    return failed('it changed on disk after the preview; nothing was written (preview again)', 'stale');
  }

  const outcome = applyBulkEdit(file.text, input.edit);
  if (outcome.status === 'error') return failed(outcome.message, 'front-matter');
  if (outcome.status === 'unchanged') return { kind: 'unchanged', relPath, hash: file.hash };
  const changed = { kind: 'changed', relPath, before: file.text, after: outcome.text, hash: file.hash } as const;
  if (input.dryRun) return { ...changed, written: false };

  input.beforeWrite?.(relPath, outcome.text);
  const written = await writeTextFileAtomic({ root, relPath, text: outcome.text, expectedHash: file.hash });
  if (!written.ok) return failed(reasonOf(written.error), written.error.code);
  return { ...changed, written: true };
}
