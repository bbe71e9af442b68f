import { runCli } from './run-cli';

/* Entry of the `folio` command; all logic lives in run-cli.ts so tests can call it in-process. */
const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
process.exitCode = code;
