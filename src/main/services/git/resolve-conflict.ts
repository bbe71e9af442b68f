import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result } from '../../../shared/lib/result';
import { checkRelativePaths } from './check-relative-paths';
import { hasConflictMarkers } from './find-conflict-markers';
import { makeFolioTempName } from '../workspace/is-folio-temp-file';
import type { GitOptions } from './git-core';
import { gitFail } from './git-error';
import { stageFiles } from './stage-files';

/**
 * Writes the resolved text of a conflicted item and stages it, which marks it resolved for git.
 * Text that still contains conflict markers is refused, so a marker can never be staged this way.
 */
export async function resolveConflict(cwd: string, filePath: string, resolvedText: string, opts: GitOptions = {}): Promise<Result<void>> {
  const checked = checkRelativePaths([filePath]);
  if (!checked.ok) return checked;
  if (hasConflictMarkers(resolvedText)) return gitFail({ kind: 'conflict-markers-present', paths: [filePath] });
  const target = path.join(cwd, filePath);
  // Same-folder temp file + fsync + rename: a crash leaves either the conflicted or the resolved
  // file; the workspace's temp-name pattern keeps the watcher and index from picking it up.
  const temp = path.join(path.dirname(target), makeFolioTempName(path.basename(target)));
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(resolvedText, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    return gitFail({ kind: 'unknown', stderr: `could not write ${filePath}: ${(error as Error).message}` });
  }
  const staged = await stageFiles(cwd, [filePath], opts);
  return staged.ok ? ok(undefined) : staged;
}
