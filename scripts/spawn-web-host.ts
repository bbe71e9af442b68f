import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');

/** Options of `spawnWebHost`. */
export interface SpawnWebHostOptions {
  /** Reuse an app data folder (drafts, settings) from an earlier host, as a restarted app would. */
  readonly dataDir?: string;
  /** Extra environment for the host process, e.g. `FOLIO_TEST_FAULTS` (src/web/host/test-faults.ts). */
  readonly env?: Readonly<Record<string, string>>;
}

/** A web host running in its own process. */
export interface SpawnedWebHost {
  /** The URL with the access token, as printed by the host. */
  readonly url: string;
  readonly child: ChildProcess;
  readonly dataDir: string;
}

/**
 * Starts the web host the way a user does (`node scripts/web.mjs --no-build DIR`, on the built
 * renderer in `out/`), on a random port, in a process of its own: the journeys and the bench then
 * measure a host whose event loop is its own, as the app's main process is, not one shared with
 * Playwright's client.
 */
export async function spawnWebHost(folder: string, options: SpawnWebHostOptions = {}): Promise<SpawnedWebHost> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'folio-host-data-')));
  const child = spawn(process.execPath, ['scripts/web.mjs', '--no-build', folder], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env, FOLIO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  return { url, child, dataDir };
}
