import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './split-front-matter';
import { sampleNewsItem } from './test-fixtures/sample-news-item';

const join = (s: ReturnType<typeof splitFrontMatter>): string => s.bom + s.openFence + s.frontMatter + s.closeFence + s.body;

describe('splitFrontMatter', () => {
  it('splits the seed-shaped item and re-joins byte-exact', () => {
    const s = splitFrontMatter(sampleNewsItem);
    expect(s.hasFrontMatter).toBe(true);
    expect(s.language).toBe('yaml');
    expect(s.frontMatter.startsWith('aliases: /news/')).toBe(true);
    expect(s.body.startsWith('<p>Dana Okafor')).toBe(true);
    expect(sampleNewsItem.slice(s.bodyOffset)).toBe(s.body);
    expect(sampleNewsItem.slice(s.frontMatterOffset, s.frontMatterOffset + s.frontMatter.length)).toBe(s.frontMatter);
    expect(join(s)).toBe(sampleNewsItem);
    expect(s.diagnostics).toEqual([]);
  });

  it.each([
    ['crlf', '---\r\na: 1\r\n---\r\nbody\r\n', 'crlf'],
    ['lf', '---\na: 1\n---\nbody\n', 'lf'],
    ['mixed', '---\r\na: 1\n---\r\nbody\n', 'mixed'],
    ['bom', '\uFEFF---\na: 1\n---\nbody', 'lf'],
    ['trailing spaces on fences', '---  \na: 1\n---   \nbody', 'lf'],
    ['dots close', '---\na: 1\n...\nbody', 'lf'],
    ['eof fence', '---\na: 1\n---', 'lf'],
    ['empty front matter', '---\n---\nbody', 'lf'],
  ])('keeps %s byte-exact', (_name, text, eol) => {
    const s = splitFrontMatter(text);
    expect(s.hasFrontMatter).toBe(true);
    expect(join(s)).toBe(text);
    expect(s.eol).toBe(eol);
    expect(s.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps a body thematic break as body and finds the first closing fence', () => {
    const text = '---\na: 1\n---\nintro\n\n---\n\nmore\n';
    const s = splitFrontMatter(text);
    expect(s.frontMatter).toBe('a: 1\n');
    expect(s.body).toBe('intro\n\n---\n\nmore\n');
  });

  it('does not treat ---- as a fence (open or close)', () => {
    expect(splitFrontMatter('----\na: 1\n----\n').hasFrontMatter).toBe(false);
    const s = splitFrontMatter('---\na: 1\n----\nb: 2\n---\nbody');
    expect(s.frontMatter).toBe('a: 1\n----\nb: 2\n');
  });

  it('reports no front matter when the file does not start with a fence', () => {
    const s = splitFrontMatter('# Title\n---\na: 1\n---\n');
    expect(s.hasFrontMatter).toBe(false);
    expect(s.body).toBe('# Title\n---\na: 1\n---\n');
    expect(s.bodyOffset).toBe(0);
  });

  it.each(['---json', '---toml', '---js', '---javascript', '--- javascript', '---JS', '---coffee'])('refuses %s as unsupported', (fence) => {
    const text = `${fence}\n{ "a": 1 }\n---\nbody`;
    const s = splitFrontMatter(text);
    expect(s.language).not.toBe('yaml');
    expect(s.diagnostics.map((d) => d.code)).toContain('unsupported-language');
    expect(s.diagnostics[0]?.line).toBe(1);
    expect(s.diagnostics[0]?.column).toBe(1);
    expect(join(s)).toBe(text);
  });

  it('reports an unclosed fence with its position', () => {
    const s = splitFrontMatter('\uFEFF---\na: 1\n');
    const d = s.diagnostics.find((x) => x.code === 'unclosed-fence');
    expect(d).toMatchObject({ severity: 'error', line: 1, column: 2 });
    expect(join(s)).toBe('\uFEFF---\na: 1\n');
  });

  it('warns about a BOM before the fence but keeps it', () => {
    const s = splitFrontMatter('\uFEFF---\na: 1\n---\n');
    expect(s.bom).toBe('\uFEFF');
    expect(s.diagnostics).toEqual([expect.objectContaining({ code: 'bom-before-fence', severity: 'warning', line: 1, column: 1 })]);
  });
});
