import { describe, expect, it } from 'vitest';
import { editFrontMatter } from './edit-front-matter';
import { parseFrontMatterDocument } from './front-matter-document';
import { parseForIndex } from './parse-for-index';
import { sampleNewsItem } from './test-fixtures/sample-news-item';

// node:fs is allowed in tests only; the shared tsconfig has no Node types, so load it untyped.
const nodeFs = 'node:fs';
const nodeOs = 'node:os';
interface MiniFs {
  existsSync(path: string): boolean;
  rmSync(path: string, options: { force: boolean }): void;
}

function aliasBomb(): string {
  const letters = 'abcdefghij';
  let text = '---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < letters.length; i += 1) {
    text += `${letters[i]}: &${letters[i]} [${Array.from({ length: 9 }, () => `*${letters[i - 1]}`).join(', ')}]\n`;
  }
  return `${text}---\nbody\n`;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = Date.now();
  const value = run();
  return { value, ms: Date.now() - start };
}

describe('parseForIndex', () => {
  it('reads the seed shape with dates as strings', () => {
    const r = parseForIndex(sampleNewsItem);
    expect(r.diagnostics).toEqual([]);
    expect(r.language).toBe('yaml');
    expect(r.data?.date).toBe('2021-10-16');
    expect(r.data?.lastMod).toBe('2021-10-16T18:06:41.792141Z');
    expect(JSON.stringify(r.data)).not.toContain('T00:00:00.000Z');
    expect((r.data?.relatedOfferings as unknown[]).length).toBe(5);
    expect(sampleNewsItem.slice(r.bodyOffset).startsWith('<p>')).toBe(true);
  });

  it('keeps bare dates, 00123, no and ~ as YAML 1.2 core reads them', () => {
    const r = parseForIndex('---\nd: 2024-01-05\nt: 2021-10-15T12:28:42-04:00\nc: 00123\nn: no\nz: ~\n---\n');
    expect(r.data).toEqual({ d: '2024-01-05', t: '2021-10-15T12:28:42-04:00', c: 123, n: 'no', z: null });
  });

  it('returns {} without front matter and null for refused languages', () => {
    expect(parseForIndex('# body').data).toEqual({});
    const js = parseForIndex('---js\n({a: 1})\n---\nbody');
    expect(js.data).toBeNull();
    expect(js.language).toBe('js');
    expect(js.diagnostics[0]?.code).toBe('unsupported-language');
  });

  it('keeps __proto__ as own data without polluting Object.prototype', () => {
    const r = parseForIndex('---\n__proto__:\n  polluted: yes\nconstructor: x\n---\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(r.data, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
    expect((r.data as Record<string, unknown>)['__proto__']).toEqual({ polluted: 'yes' });
  });

  it('turns <<, !!binary, !!js/function and custom tags into diagnostics, never code', () => {
    const r = parseForIndex(
      '---\nbase: {x: 1}\n<<: {m: 1}\nbin: !!binary aGVsbG8=\nfn: !!js/function "function () { globalThis.hacked = 1 }"\nmine: !foo {a: 1}\nts: !!timestamp 2001-12-14\n---\n',
    );
    expect(r.data).toEqual({ base: { x: 1 }, '<<': { m: 1 }, bin: 'aGVsbG8=', fn: 'function () { globalThis.hacked = 1 }', mine: { a: 1 }, ts: '2001-12-14' });
    expect((globalThis as Record<string, unknown>).hacked).toBeUndefined();
    const codes = r.diagnostics.map((d) => `${d.code}@${d.line}`);
    expect(codes).toEqual(expect.arrayContaining(['merge-key@3', 'unknown-tag@4', 'unknown-tag@5', 'unknown-tag@6', 'unknown-tag@7']));
  });

  it.each([
    ['tab indentation', '---\na:\n\tb: 1\n---\n', 'tab-indentation', 3],
    ['unclosed quote', '---\na: "abc\nb: 2\n---\n', 'yaml-syntax', 4],
    ['no closing fence', '---\na: 1\n', 'unclosed-fence', 1],
  ])('%s gives an error with line and column', (_n, text, code, line) => {
    const r = parseForIndex(text);
    expect(r.data).toBeNull();
    expect(r.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code, severity: 'error', line })]));
    expect(r.diagnostics[0]?.column).toBeGreaterThanOrEqual(1);
  });

  it('reports a duplicate key and keeps the last value', () => {
    const r = parseForIndex('---\na: 1\nb: 2\na: 3\n---\n');
    expect(r.data).toEqual({ a: 3, b: 2 });
    expect(r.diagnostics[0]).toMatchObject({ code: 'duplicate-key', line: 4 });
  });

  it('warns about a BOM before the fence and still reads it', () => {
    const r = parseForIndex('\uFEFF---\r\ntitle: x\r\n---\r\nbody');
    expect(r.data).toEqual({ title: 'x' });
    expect(r.diagnostics[0]).toMatchObject({ code: 'bom-before-fence', line: 1, column: 1 });
  });
});

describe('hostile input (threats 8-10)', () => {
  it('never runs ---js / ---javascript payloads in any entry point', async () => {
    const fs = (await import(/* @vite-ignore */ nodeFs)) as MiniFs;
    const os = (await import(/* @vite-ignore */ nodeOs)) as { tmpdir(): string };
    const marker = `${os.tmpdir()}/folio-pwned-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    fs.rmSync(marker, { force: true });
    for (const fence of ['---js', '---javascript', '--- javascript', '---JS']) {
      const text = `${fence}\n({ x: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') })\n---\nbody\n`;
      expect(parseForIndex(text).diagnostics.map((d) => d.code)).toContain('unsupported-language');
      const doc = parseFrontMatterDocument(text);
      expect(doc.editable).toBe(false);
      expect(doc.diagnostics.map((d) => d.code)).toContain('unsupported-language');
      expect(editFrontMatter(text, { kind: 'set', path: 'x', value: 1 }).ok).toBe(false);
    }
    expect(fs.existsSync(marker)).toBe(false);
  });

  it.each([
    ['alias bomb', aliasBomb(), 'alias-limit'],
    ['5,000-deep flow nesting', `---\na: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`, 'too-deep'],
    ['5,000-deep compact lists', `---\na:\n  ${'- '.repeat(5000)}x\n---\n`, 'too-deep'],
    ['1 MB front matter', `---\na: ${'x'.repeat(1024 * 1024)}\n---\nbody`, 'too-large'],
  ])('%s is rejected within 500 ms by both parsers', (_name, text, code) => {
    const index = timed(() => parseForIndex(text));
    expect(index.ms).toBeLessThan(500);
    expect(index.value.data).toBeNull();
    expect(index.value.diagnostics.map((d) => d.code)).toContain(code);
    const model = timed(() => parseFrontMatterDocument(text));
    expect(model.ms).toBeLessThan(500);
    expect(model.value.editable).toBe(false);
    // The body stays reachable for a raw/body-only editor.
    expect(model.value.split.bodyOffset).toBeGreaterThan(0);
    expect(timed(() => JSON.stringify(model.value.getValue([]) ?? null)).ms).toBeLessThan(500);
  });

  it('the editing model refuses an alias bomb when values are read', () => {
    const doc = parseFrontMatterDocument(aliasBomb());
    const value = timed(() => doc.getValue('j'));
    expect(value.ms).toBeLessThan(500);
    expect(value.value).toBeUndefined();
  });
});
