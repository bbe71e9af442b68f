// `npm start -- [DIR]`: build, then open Folio in Electron on DIR (default: the bundled sample
// folder). Without an Electron binary, say so in one line and point to the browser host.
import { spawnSync, spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const binary = electronBinary();
if (!binary) {
  console.error('Folio: the Electron binary is not installed on this machine (it could not be downloaded); run `npm run web` to use Folio in your browser instead.');
  process.exit(1);
}
const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(binary, ['.', ...args], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
