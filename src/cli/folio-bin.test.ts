import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { FolderListing } from './list-command';
import { makeTempFolder, type TempFolder } from './test-support/cli-harness';

const BIN = path.resolve(import.meta.dirname, '../../bin/folio.mjs');

interface ProcessRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runBin(args: readonly string[], cwd: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let temp: TempFolder;

beforeEach(async () => {
  temp = await makeTempFolder();
});

afterEach(async () => {
  await temp.cleanup();
});

it('the real `folio` executable wires set and list with their exit codes', async () => {
  const cwd = temp.dir;
  await mkdir(path.join(cwd, 'news'));
  await writeFile(path.join(cwd, 'news/a.md'), "---\ntitle: 'Old'\n---\nBody\n");

  const help = await runBin(['--help'], cwd);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^ {2}set KEY\.PATH VALUE FILE\.\.\./m);
  expect(help.stdout).toMatch(/^ {2}list DIR \[--format text\|json\]/m);

  const set = await runBin(['set', 'title', 'New', 'news/a.md'], cwd);
  expect(set).toEqual({ code: 0, stdout: '1 changed, 0 unchanged, 0 failed\n', stderr: '' });
  expect(await readFile(path.join(cwd, 'news/a.md'), 'utf8')).toBe("---\ntitle: 'New'\n---\nBody\n");

  const missing = await runBin(['set', 'title', 'New', 'news/missing.md'], cwd);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toBe('folio: news/missing.md: not edited: no such file\n');

  const usage = await runBin(['set', 'title'], cwd);
  expect(usage.code).toBe(2);

  const list = await runBin(['list', '.', '--format', 'json'], cwd);
  expect(list.code).toBe(0);
  expect(JSON.parse(list.stdout) as FolderListing).toEqual({
    items: [{ path: 'news/a.md', title: 'New', date: null, frontmatter: { title: 'New' } }],
    problems: [],
  });
});
