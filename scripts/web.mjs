// `npm run web -- [DIR] [--port N] [--no-build]`: build the renderer (unless --no-build) and
// serve Folio on 127.0.0.1 with a random token, backed by the same services as Electron.
import { spawnSync } from 'node:child_process';
import { register } from 'tsx/esm/api';

const args = process.argv.slice(2);
if (!args.includes('--no-build') && !args.includes('--help') && !args.includes('-h')) {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
process.argv = [process.argv[0], process.argv[1], ...args.filter((a) => a !== '--no-build')];
register();
await import('../src/web/host/main.ts');
