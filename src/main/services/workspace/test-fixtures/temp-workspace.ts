import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A real temp workspace folder plus a sibling "outside" folder for symlink-escape tests. */
export interface TempWorkspace {
  readonly base: string;
  readonly root: string;
  readonly outside: string;
  cleanup(): Promise<void>;
}

/** Creates `root` and `outside` in a fresh `folio-ws-` temp folder; `cleanup` removes it all. */
export async function makeTempWorkspace(): Promise<TempWorkspace> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'folio-ws-'));
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  await mkdir(root);
  await mkdir(outside);
  return {
    base,
    root,
    outside,
    async cleanup() {
      // A test may have made the root read-only; undo it so rm can delete the contents.
      await chmod(root, 0o755).catch(() => undefined);
      await rm(base, { recursive: true, force: true });
    },
  };
}
