import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FolderListing } from './list-command';
import { fingerprintTree, makeTempFolder, runFolio, type TempFolder } from './test-support/cli-harness';

const SAMPLE = path.resolve(import.meta.dirname, '../../resources/sample-content');

let temp: TempFolder;
let root: string;

beforeEach(async () => {
  temp = await makeTempFolder();
  root = path.join(temp.dir, 'root');
  await mkdir(root);
});

afterEach(async () => {
  await temp.cleanup();
});

async function writeTree(files: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), content);
  }
}

async function listJson(dir: string): Promise<FolderListing> {
  const run = await runFolio(['list', dir, '--format', 'json'], temp.dir);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as FolderListing;
}

describe('folio list', () => {
  beforeEach(async () => {
    await writeTree({
      'b.md': '---\ntitle: Bee\ndate: 2024-01-05\ncount: 3\n---\nBody\n',
      'a/z.md': "---\ntitle: 'Zed'\ntags: [x, y]\n---\n",
      'plain.md': '# No front matter\n',
      'broken.md': '---\ntitle: ok\nbad: [\n---\n',
      'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'latin1.md': Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'),
      '.hidden/skip.md': '---\ntitle: hidden\n---\n',
      'node_modules/pkg/skip.md': '---\ntitle: dep\n---\n',
      'notes.txt': 'not content',
    });
  });

  it('prints every item with its front matter and problems as JSON, sorted by path', async () => {
    const listing = await listJson('root');
    expect(listing.items).toEqual([
      { path: 'a/z.md', title: 'Zed', date: null, frontmatter: { title: 'Zed', tags: ['x', 'y'] } },
      { path: 'b.md', title: 'Bee', date: '2024-01-05', frontmatter: { title: 'Bee', date: '2024-01-05', count: 3 } },
      { path: 'broken.md', title: null, date: null, frontmatter: null },
      { path: 'image.md', title: null, date: null, frontmatter: null },
      { path: 'latin1.md', title: null, date: null, frontmatter: null },
      { path: 'plain.md', title: null, date: null, frontmatter: {} },
    ]);
    expect(listing.problems).toEqual([
      { file: 'broken.md', severity: 'error', code: 'yaml-syntax', message: expect.stringMatching(/^YAML syntax problem/) as unknown, line: expect.any(Number) as unknown, column: expect.any(Number) as unknown },
      { file: 'image.md', severity: 'error', code: 'binary', message: expect.any(String) as unknown, line: 1, column: 1 },
      { file: 'latin1.md', severity: 'error', code: 'non-utf8', message: expect.any(String) as unknown, line: 1, column: 1 },
    ]);
    expect(listing.problems[0]?.line).toBeGreaterThan(1);
  });

  it('prints path<TAB>date<TAB>title lines, then path:line:column problems, by default', async () => {
    const run = await runFolio(['list', '.'], root);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 6)).toEqual(['a/z.md\t\tZed', 'b.md\t2024-01-05\tBee', 'broken.md\t\t', 'image.md\t\t', 'latin1.md\t\t', 'plain.md\t\t']);
    expect(lines[6]).toMatch(/^broken\.md:\d+:\d+: error: YAML syntax problem.* \[yaml-syntax\]$/);
    expect(lines.slice(7)).toEqual([expect.stringMatching(/^image\.md:1:1: error: .* \[binary\]$/), expect.stringMatching(/^latin1\.md:1:1: error: .* \[non-utf8\]$/)]);
  });

  it('keeps one line per item when a title holds a tab or a newline', async () => {
    await writeTree({ 'b.md': '---\ntitle: "Tab\\there\\nand line"\n---\n' });
    const run = await runFolio(['list', 'root', '--format=text'], temp.dir);
    expect(run.stdout.split('\n')).toContain('b.md\t\tTab here and line');
  });

  it.each([
    [['list'], 'needs a DIR'],
    [['list', 'root', 'other'], 'takes one DIR'],
    [['list', 'root', '--format', 'xml'], '--format must be'],
    [['list', 'root', '--verbose'], 'unknown option'],
    [['list', 'no-such-folder'], 'does not exist'],
    [['list', 'root/b.md'], 'not a folder'],
  ])('%j exits 2 with one line on stderr', async (argv, message) => {
    const run = await runFolio(argv, temp.dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^folio list: [^\n]+\n$/);
    expect(run.stderr).toContain(message);
  });
});

describe('folio list on the bundled sample folder', () => {
  it('lists all 30 items and the planted YAML syntax error with its line and column', async () => {
    await cp(SAMPLE, root, { recursive: true });
    const listing = await listJson('root');
    expect(listing.items).toHaveLength(30);
    const paths = listing.items.map((i) => i.path);
    expect(paths).toEqual([...paths].sort());
    const broken = listing.items.find((i) => i.path === 'news/lab-results-release-timing.md');
    expect(broken).toMatchObject({ frontmatter: null });
    const problem = listing.problems.find((p) => p.file === 'news/lab-results-release-timing.md');
    expect(problem).toMatchObject({ severity: 'error', code: 'yaml-syntax' });
    expect(problem?.line).toBeGreaterThan(1);
    expect(problem?.column).toBeGreaterThanOrEqual(1);
    // The problem points into the file's own front matter, not past its end.
    const text = await readFile(path.join(root, 'news/lab-results-release-timing.md'), 'utf8');
    expect(text.split('\n').length).toBeGreaterThan(problem?.line ?? Infinity);
    for (const item of listing.items.filter((i) => i !== broken)) expect(item.frontmatter, item.path).not.toBeNull();
    // One more planted problem: an item without a title is still listed, with a null title.
    expect(listing.items.filter((i) => i.title === null).map((i) => i.path)).toEqual([
      'news/lab-results-release-timing.md',
      'news/proxy-access-for-teen-patients.md',
    ]);
  });
});

describe('folio list on a hostile folder', () => {
  it('lists each file without hanging, running code or changing a byte', async () => {
    const marker = path.join(temp.dir, 'MARKER');
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i += 1) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      laughs.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    await writeTree({
      'code.md': `---js\n{ title: (function () { require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'); return 'x'; })() }\n---\n`,
      'bomb.md': `---\n${laughs.join('\n')}\n---\n`,
      'deep-flow.md': `---\ndeep: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`,
      'deep-block.md': `---\ndeep:\n  ${'- '.repeat(5000)}x\n---\n`,
      'binary.md': Buffer.concat([Buffer.from('---\ntitle: x\n---\n'), Buffer.alloc(64)]),
      'fine.md': '---\ntitle: Fine\n---\n',
    });
    const before = await fingerprintTree(temp.dir);
    const started = Date.now();

    const listing = await listJson('root');

    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await stat(marker).catch(() => null)).toBeNull();
    expect(await fingerprintTree(temp.dir)).toEqual(before);
    expect(listing.items.map((i) => i.path)).toEqual(['binary.md', 'bomb.md', 'code.md', 'deep-block.md', 'deep-flow.md', 'fine.md']);
    expect(listing.items.find((i) => i.path === 'fine.md')?.title).toBe('Fine');
    const codes = (file: string): string[] => listing.problems.filter((p) => p.file === file).map((p) => p.code);
    expect(codes('code.md')).toContain('unsupported-language');
    expect(codes('bomb.md')).toContain('alias-limit');
    expect(codes('deep-flow.md')).toContain('too-deep');
    expect(codes('deep-block.md').length).toBeGreaterThan(0);
    expect(codes('binary.md')).toEqual(['binary']);
    for (const file of ['binary.md', 'bomb.md', 'code.md', 'deep-block.md', 'deep-flow.md']) {
      expect(listing.items.find((i) => i.path === file)?.frontmatter, file).toBeNull();
    }

    // `set` over the same files refuses every hostile one and also leaves every byte alone.
    const hostile = ['code.md', 'bomb.md', 'deep-flow.md', 'deep-block.md', 'binary.md'];
    const set = await runFolio(['set', 'title', 'x', ...hostile], root);
    expect(set.code).toBe(1);
    expect(set.stdout).toBe('0 changed, 0 unchanged, 5 failed\n');
    expect(await stat(marker).catch(() => null)).toBeNull();
    expect(await fingerprintTree(temp.dir)).toEqual(before);
  });
});
