import type { DocumentSnapshot, ReadOnlyReason } from '../../../shared/contract';
import { splitFrontMatter } from '../../../shared/domain/frontmatter/split-front-matter';
import { ok, type Result } from '../../../shared/lib/result';
import { readTextFile, type TextFileRead } from './read-text-file';

function readOnlyReason(file: TextFileRead): ReadOnlyReason | undefined {
  if (file.mode !== 'text') return file.mode;
  if (file.symlink) return 'symlink';
  // Front matter in any language but YAML (`---js` and friends) is shown as raw text and never
  // parsed, let alone evaluated.
  const split = splitFrontMatter(file.text);
  if (split.hasFrontMatter && split.language !== 'yaml') return 'unsupported-front-matter';
  return undefined;
}

/** Reads a workspace file as the editor receives it: text, base hash, and why it is read-only. */
export async function readDocument(root: string, relPath: string): Promise<Result<DocumentSnapshot>> {
  const read = await readTextFile(root, relPath);
  if (!read.ok) return read;
  const file = read.value;
  const reason = readOnlyReason(file);
  return ok({
    path: file.relPath,
    text: file.text,
    hash: file.hash,
    truncated: file.truncated,
    size: file.size,
    mtimeMs: file.mtimeMs,
    ...(reason ? { readOnly: reason } : {}),
  });
}
