import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startWebHost } from './start-web-host';
import { anyTestFault, parseTestFaults, TEST_FAULTS_ENV } from './test-faults';

/*
 * `npm run web -- [DIR] [--port N]`: Folio in a browser, on this machine only.
 * FOLIO_WEB_TOKEN may set the token (tests); FOLIO_DATA_DIR the data folder; FOLIO_TEST_FAULTS
 * turns on test-only faults (test-faults.ts), which only the environment of this process can do.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', default: '0' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('Usage: npm run web -- [DIR] [--port N]\nServes Folio on http://127.0.0.1 for this user only; open the printed URL.');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}".`);
  const folder = path.resolve(positionals[0] ?? path.join(repoRoot, 'resources', 'sample-content'));
  const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const dataDir = process.env['FOLIO_DATA_DIR'] ?? (await mkdtemp(path.join(os.tmpdir(), 'folio-web-')));
  const token = process.env['FOLIO_WEB_TOKEN'];
  const faults = parseTestFaults(process.env[TEST_FAULTS_ENV]);
  if (anyTestFault(faults)) console.warn(`folio web: TEST FAULTS ON (${process.env[TEST_FAULTS_ENV] ?? ''}); this host misbehaves on purpose.`);
  const host = await startWebHost({
    rendererDir: path.join(repoRoot, 'out', 'renderer'),
    folder,
    dataDir,
    port,
    version: pkg.version,
    ...(token ? { token } : {}),
    faults,
  });
  console.log(`Folio is serving ${folder}`);
  console.log(`Open ${host.url}`);
  const stop = () => void host.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`folio web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
