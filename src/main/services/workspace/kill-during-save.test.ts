import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanStrayTempFiles } from './clean-stray-temp-files';
import { isFolioTempFile } from './is-folio-temp-file';
import { saveLoopContent } from './test-fixtures/save-loop-content.mjs';
import { makeTempWorkspace, type TempWorkspace } from './test-fixtures/temp-workspace';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../../../..');
const SCRIPT = path.join(HERE, 'test-fixtures', 'save-loop.mjs');
const LANES = 4;
const KILLS_PER_LANE = 12;

/** Starts the saving child, waits until it has completed one save, SIGKILLs it at a random moment. */
async function saveThenKill(root: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, root, 'doc.md'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    void exited.then((how) => reject(new Error(`save loop exited early (${String(how)}): ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

describe('kill during save (threats row 22)', () => {
  const A = Buffer.from(saveLoopContent('A'));
  const B = Buffer.from(saveLoopContent('B'));
  const lanes: TempWorkspace[] = [];
  let leftoverTempFiles = 0;

  beforeAll(async () => {
    for (let i = 0; i < LANES; i++) {
      const ws = await makeTempWorkspace();
      await writeFile(path.join(ws.root, 'doc.md'), A);
      lanes.push(ws);
    }
  });
  afterAll(async () => {
    await Promise.all(lanes.map((ws) => ws.cleanup()));
  });

  it(`leaves exactly A or B after each of ${LANES * KILLS_PER_LANE} SIGKILLs, and stray temps are cleaned`, { timeout: 60_000 }, async () => {
    await Promise.all(
      lanes.map(async (ws) => {
        for (let round = 0; round < KILLS_PER_LANE; round++) {
          await saveThenKill(ws.root);
          const disk = await readFile(path.join(ws.root, 'doc.md'));
          const whole = disk.equals(A) || disk.equals(B);
          expect(whole, `round ${round}: ${disk.length} bytes on disk, neither A nor B`).toBe(true);

          const temps = (await readdir(ws.root)).filter(isFolioTempFile);
          leftoverTempFiles += temps.length;
          const cleaned = await cleanStrayTempFiles(ws.root, { minAgeMs: 0 });
          expect(cleaned).toEqual({ ok: true, value: temps.sort() });
          expect(await readdir(ws.root)).toEqual(['doc.md']);
        }
      }),
    );
    // Some kills must have landed mid-save, or the test proved nothing about torn writes.
    expect(leftoverTempFiles).toBeGreaterThan(0);
  });
});
