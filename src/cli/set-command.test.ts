import { mkdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFrontMatterDocument } from '../shared/domain/frontmatter';
import { fingerprintTree, makeTempFolder, runFolio, type TempFolder } from './test-support/cli-harness';

const ITEM = [
  '---',
  "title: 'Old'",
  'count: 1',
  'date: 2023-01-01',
  'tags:',
  '  - a',
  '  - b',
  'link:',
  '  brand: old.example.com',
  '  href: https://old.example.com',
  'relatedOfferings:',
  '  - label: First',
  '    permalink: /offering/first',
  '  - label: Second',
  '---',
  '# Body',
  '',
  'Text stays as it is.',
  '',
].join('\n');

let temp: TempFolder;
let root: string;

beforeEach(async () => {
  temp = await makeTempFolder();
  root = path.join(temp.dir, 'root');
  await mkdir(path.join(root, 'news'), { recursive: true });
  await writeFile(path.join(root, 'news/x.md'), ITEM);
});

afterEach(async () => {
  await temp.cleanup();
});

const read = (rel: string): Promise<string> => readFile(path.join(root, rel), 'utf8');
const valueAt = async (rel: string, key: string): Promise<unknown> => parseFrontMatterDocument(await read(rel)).getValue(key);

describe('folio set: values read as YAML', () => {
  it.each([
    ['42', 42],
    ["'42'", '42'],
    ['[a, b]', ['a', 'b']],
    ['{a: 1}', { a: 1 }],
    ['null', null],
    ['true', true],
    ['2024-01-05', '2024-01-05'],
    ['-5', -5],
  ])('VALUE %s is written as %j', async (valueText, expected) => {
    const run = await runFolio(['set', 'count', valueText, 'news/x.md'], root);
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: '1 changed, 0 unchanged, 0 failed\n' });
    expect(await valueAt('news/x.md', 'count')).toEqual(expected);
    // Only the value's bytes change: the rest of the file, body included, is as it was.
    const text = await read('news/x.md');
    expect(text.replace(/^count:.*(?:\n {2}.*)*\n/m, '')).toBe(ITEM.replace('count: 1\n', ''));
  });

  it('keeps a single-quoted string single-quoted and changes no other byte', async () => {
    const run = await runFolio(['set', 'title', 'New', 'news/x.md'], root);
    expect(run.code).toBe(0);
    expect(await read('news/x.md')).toBe(ITEM.replace("title: 'Old'", "title: 'New'"));
  });

  it('sets a nested key and a key inside a list item', async () => {
    expect((await runFolio(['set', 'link.brand', 'new.example.com', 'news/x.md'], root)).code).toBe(0);
    expect((await runFolio(['set', 'relatedOfferings.0.label', 'Renamed', 'news/x.md'], root)).code).toBe(0);
    expect(await read('news/x.md')).toBe(
      ITEM.replace('brand: old.example.com', 'brand: new.example.com').replace('label: First', 'label: Renamed'),
    );
  });

  it('edits a CRLF file in place, keeping every CRLF', async () => {
    const crlf = ITEM.replace(/\n/g, '\r\n');
    await writeFile(path.join(root, 'news/crlf.md'), crlf);
    const run = await runFolio(['set', 'link.brand', 'crlf.example.com', 'news/crlf.md'], root);
    expect(run.code).toBe(0);
    expect(await read('news/crlf.md')).toBe(crlf.replace('brand: old.example.com', 'brand: crlf.example.com'));
  });

  it('does not write a file whose value is already equal (mtime unchanged)', async () => {
    const file = path.join(root, 'news/x.md');
    const past = new Date('2020-01-01T00:00:00Z');
    await utimes(file, past, past);
    const before = (await stat(file)).mtimeMs;
    // Equal as data, though written differently (block list vs flow list, quoted vs plain).
    const list = await runFolio(['set', 'tags', '[a, b]', 'news/x.md'], root);
    const title = await runFolio(['set', 'title', 'Old', 'news/x.md'], root);
    for (const run of [list, title]) expect(run).toMatchObject({ code: 0, stdout: '0 changed, 1 unchanged, 0 failed\n' });
    expect((await stat(file)).mtimeMs).toBe(before);
    expect(await read('news/x.md')).toBe(ITEM);
  });

  it('--dry-run prints a unified diff per file and writes nothing', async () => {
    await writeFile(path.join(root, 'news/y.md'), ITEM.replace("'Old'", 'Same'));
    const before = await fingerprintTree(root);
    const run = await runFolio(['set', 'title', 'Same', 'news/x.md', 'news/y.md', '--dry-run'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--- a/news/x.md\n+++ b/news/x.md\n@@ ');
    expect(run.stdout).toContain("-title: 'Old'\n+title: 'Same'\n");
    expect(run.stdout).not.toContain('news/y.md');
    expect(run.stdout.endsWith('1 changed, 1 unchanged, 0 failed (dry run: nothing written)\n')).toBe(true);
    expect(await fingerprintTree(root)).toEqual(before);
  });

  it('finds files relative to cwd inside a --root given elsewhere, and by absolute path', async () => {
    const run = await runFolio(['set', 'count', '7', '--root', 'root', 'root/news/x.md'], temp.dir);
    expect(run.code).toBe(0);
    expect(await valueAt('news/x.md', 'count')).toBe(7);
    const abs = await runFolio(['set', 'count', '8', path.join(root, 'news/x.md')], path.join(root, 'news'));
    // Without --root the folder is cwd (news/ here), which holds the file.
    expect(abs.code).toBe(0);
    expect(await valueAt('news/x.md', 'count')).toBe(8);
  });
});

describe('folio set: files it cannot edit safely', () => {
  it('leaves each one byte-identical, names it with the reason, and still edits the others', async () => {
    const outside = path.join(temp.dir, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.md'), ITEM);
    const files: Record<string, string | Buffer> = {
      'bad/binary.md': Buffer.concat([Buffer.from('---\ntitle: a\n---\n'), Buffer.from([0, 1, 2, 0])]),
      'bad/latin1.md': Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'),
      'bad/large.md': `---\ntitle: a\n---\n${'x'.repeat(1024 * 1024 + 10)}\n`,
      'bad/broken.md': '---\ntitle: a\n  bad: [\n---\n',
      'bad/js.md': "---js\n{ title: (function () { require('fs').writeFileSync('MARKER', 'x'); return 'a'; })() }\n---\n",
      'bad/unclosed.md': '---\ntitle: a\n',
    };
    await mkdir(path.join(root, 'bad'));
    for (const [rel, content] of Object.entries(files)) await writeFile(path.join(root, rel), content);
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'bad/link-out.md'));
    await symlink(path.join(root, 'news/x.md'), path.join(root, 'bad/link-in.md'));
    const before = { root: await fingerprintTree(root), outside: await fingerprintTree(outside) };

    const targets = [...Object.keys(files), 'bad/link-out.md', 'bad/link-in.md', 'bad/missing.md', path.join(outside, 'secret.md'), 'news/x.md'];
    const run = await runFolio(['set', 'title', 'New', ...targets], root);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('1 changed, 0 unchanged, 10 failed\n');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    const reasonFor = (name: string): string => {
      const line = lines.find((l) => l.startsWith(`folio: ${name}: not edited: `));
      expect(line, name).toBeDefined();
      return line ?? '';
    };
    expect(reasonFor('bad/binary.md')).toMatch(/binary/);
    expect(reasonFor('bad/latin1.md')).toMatch(/UTF-8/);
    expect(reasonFor('bad/large.md')).toMatch(/too large/);
    expect(reasonFor('bad/broken.md')).toMatch(/line \d+, column \d+: YAML syntax problem/);
    expect(reasonFor('bad/js.md')).toMatch(/"js" is not supported/);
    expect(reasonFor('bad/unclosed.md')).toMatch(/never closed/);
    expect(reasonFor('bad/link-out.md')).toMatch(/outside the workspace folder/);
    expect(reasonFor('bad/link-in.md')).toMatch(/symbolic link/);
    expect(reasonFor('bad/missing.md')).toMatch(/no such file/);
    expect(reasonFor(path.join(outside, 'secret.md'))).toMatch(/outside the folder/);

    const after = { root: await fingerprintTree(root), outside: await fingerprintTree(outside) };
    expect(after.outside).toEqual(before.outside);
    expect({ ...after.root, 'news/x.md': 'edited' }).toEqual({ ...before.root, 'news/x.md': 'edited' });
    expect(after.root['news/x.md']).not.toBe(before.root['news/x.md']);
  });

  it('reports a value the engine refuses (path through a scalar) as not edited', async () => {
    const run = await runFolio(['set', 'title.sub', 'x', 'news/x.md'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^folio: news\/x\.md: not edited: .+\n$/);
    expect(await read('news/x.md')).toBe(ITEM);
  });
});

describe('folio set: usage errors', () => {
  it.each([
    [['set']],
    [['set', 'title']],
    [['set', 'title', 'New']],
    [['set', 'title', '{a: [', 'news/x.md']],
    [['set', 'title', '*nope', 'news/x.md']],
    [['set', 'title', 'a\n---\nb', 'news/x.md']],
    [['set', 'title', 'New', 'news/x.md', '--bogus']],
    [['set', 'title', 'New', 'news/x.md', '--root']],
    [['set', 'title', 'New', 'news/x.md', '--dry-run=yes']],
    [['set', 'title', 'New', 'news/x.md', '--root', 'no-such-folder']],
    [['set', 'a..b', 'New', 'news/x.md']],
  ])('%j exits 2 with one line on stderr and changes nothing', async (argv) => {
    const before = await fingerprintTree(root);
    const run = await runFolio(argv, root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^folio set: [^\n]+\n$/);
    expect(await fingerprintTree(root)).toEqual(before);
  });
});
