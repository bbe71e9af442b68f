// Locates the Electron binary. electron >= 42 downloads it lazily on first `require('electron')`,
// printing a stack trace when the network refuses; we run that download ourselves, quietly, so
// a machine that cannot download gets one clear line instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The binary if it is already installed, without trying to download it. */
export function installedElectronBinary() {
  const dir = electronDir();
  if (!dir) return null;
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

/** The binary, downloading it first when missing (a user's first `npm start`); null when impossible. */
export function electronBinary() {
  const installed = installedElectronBinary();
  if (installed) return installed;
  const dir = electronDir();
  if (!dir) return null;
  console.log('Folio: fetching the Electron binary (first start only)…');
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'pipe' });
  return result.status === 0 ? installedElectronBinary() : null;
}
