import { createHash } from 'node:crypto';
import { lstat, mkdtemp, readFile, readdir, readlink, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from '../cli-io';
import { runCli } from '../run-cli';

/** What one in-process `folio` run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `folio argv...` in-process with buffer streams, as if started in `cwd`. */
export async function runFolio(argv: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temp folder for one test; `cleanup` removes it. */
export interface TempFolder {
  readonly dir: string;
  cleanup(): Promise<void>;
}

/** Creates a `folio-cli-` temp folder. */
export async function makeTempFolder(): Promise<TempFolder> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-cli-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Fingerprints every entry under `root` (files by content hash, links by target, folders by
 * name), so a test can prove a command changed nothing and created nothing.
 */
export async function fingerprintTree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    for (const name of await readdir(path.join(root, rel))) {
      const childRel = rel === '' ? name : `${rel}/${name}`;
      const abs = path.join(root, childRel);
      const info = await lstat(abs);
      if (info.isSymbolicLink()) out[childRel] = `link:${await readlink(abs)}`;
      else if (info.isDirectory()) {
        out[childRel] = 'dir';
        pending.push(childRel);
      } else out[childRel] = `file:${createHash('sha256').update(await readFile(abs)).digest('hex')}`;
    }
  }
  return out;
}
