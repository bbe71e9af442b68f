// `npm run audit:prod`: fails when a production dependency (what ships inside the app) has a
// high or critical advisory. Needs the npm registry, so it is not part of `npm test`; its latest
// output is recorded in SECURITY.md. Dev-only advisories (build tools, test runners) are listed
// by `npm audit` itself and do not fail this check.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit gave no JSON (is the registry reachable?):\n${run.stderr || run.stdout}`);
  process.exit(2);
}
// npm prints a bare HTTP error object (or `{ error }`) when the advisory endpoint refuses the
// request, e.g. a read-only registry mirror answering 405 to its POST: no verdict, not a pass.
if (report.error || report.statusCode || !report.metadata) {
  const reason = report.error?.summary || report.message || JSON.stringify(report.error ?? report).slice(0, 300);
  console.error(`npm audit could not reach the advisory database: ${reason}`);
  process.exit(2);
}

const counts = report.metadata?.vulnerabilities ?? {};
const deps = report.metadata?.dependencies ?? {};
console.log(`Production dependencies audited: ${deps.prod ?? '?'} (npm audit --omit=dev)`);
console.log(['info', 'low', 'moderate', 'high', 'critical'].map((s) => `${s}: ${counts[s] ?? 0}`).join(', '));
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  const titles = v.via.filter((x) => typeof x === 'object').map((x) => `${x.title} (${x.url})`);
  console.log(`- ${name} ${v.range}: ${v.severity}${titles.length ? ` — ${titles.join('; ')}` : ''}${v.fixAvailable ? ' [fix available]' : ''}`);
}
const blocking = (counts.high ?? 0) + (counts.critical ?? 0);
if (blocking > 0) {
  console.error(`${blocking} high/critical advisories in production dependencies.`);
  process.exit(1);
}
console.log('No high or critical advisory in production dependencies.');
