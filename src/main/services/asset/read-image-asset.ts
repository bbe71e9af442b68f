import { lstat, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { AssetDto } from '../../../shared/contract';
import { fail, ok, type Result } from '../../../shared/lib/result';
import { READ_NOFOLLOW_FLAGS } from '../workspace/open-flags';
import { resolveWorkspacePath } from '../workspace';
import { fsFailure } from '../workspace/describe-fs-error';

/** Largest image shown as a preview; a data URL of more would only slow the form down. */
export const MAX_IMAGE_ASSET_BYTES = 5 * 1024 * 1024;

// SVG is deliberately absent: it can carry script and external references.
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** True when the first bytes carry the signature of the type the extension claims. */
function hasSignature(mime: string, bytes: Buffer): boolean {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  switch (mime) {
    case 'image/png':
      return bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47;
    case 'image/jpeg':
      return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'image/gif':
      return ascii(0, 4) === 'GIF8';
    case 'image/webp':
      return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP';
    default:
      return false;
  }
}

/**
 * Reads a local image of the workspace as a base64 data URL for the form's image preview. The
 * path is confined like every other read (no traversal, no symlink leading out, O_NOFOLLOW), only
 * raster types are served and only when the bytes match the extension, and at most 5 MB is read.
 */
export async function readImageAsset(root: string, relPath: string): Promise<Result<AssetDto>> {
  const mime = IMAGE_TYPES[path.posix.extname(relPath).toLowerCase()];
  if (mime === undefined) return fail('unsupported', 'Only PNG, JPEG, GIF and WebP images are previewed.');
  const resolved = await resolveWorkspacePath(root, relPath);
  if (!resolved.ok) return resolved;
  const { absPath, realPath } = resolved.value;
  if (realPath === null) return fail('not-found', `${JSON.stringify(relPath)} does not exist.`);
  let handle: FileHandle | undefined;
  try {
    if ((await lstat(absPath)).isSymbolicLink()) return fail('path-refused', 'Images behind a symbolic link are not previewed.');
    handle = await open(realPath, READ_NOFOLLOW_FLAGS);
    const info = await handle.stat();
    if (!info.isFile()) return fail('unsupported', `${JSON.stringify(relPath)} is not a regular file.`);
    if (info.size > MAX_IMAGE_ASSET_BYTES) return fail('unsupported', `The image is larger than ${MAX_IMAGE_ASSET_BYTES / 1024 / 1024} MB and is not previewed.`);
    const bytes = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    const read = bytes.subarray(0, bytesRead);
    if (!hasSignature(mime, read)) return fail('unsupported', 'The file is not the image its name says it is.');
    return ok({ dataUrl: `data:${mime};base64,${read.toString('base64')}` });
  } catch (error) {
    return fsFailure(error, 'open', relPath);
  } finally {
    await handle?.close();
  }
}
