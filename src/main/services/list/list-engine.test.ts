import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { ListEngine } from './list-engine';

const entry = (path: string, frontmatter: Record<string, unknown>): IndexEntry => ({
  path,
  size: 10,
  mtimeMs: 1,
  hash: null,
  mode: 'text',
  frontmatter,
  problems: [],
  problemCounts: { error: 0, warning: 0, info: 0 },
  text: { title: typeof frontmatter['title'] === 'string' ? frontmatter['title'] : '', description: '', body: '' },
});
const stub = (path: string): IndexEntry => ({ ...entry(path, {}), frontmatter: null, text: { title: '', description: '', body: '' } });

describe('ListEngine with stubs listed from the cache', () => {
  it('lists stubs at once, reads their rows through the loader, and searches them once their entry arrives', () => {
    const engine = new ListEngine();
    const full = { 'b.md': entry('b.md', { title: 'Bravo', status: 'live' }), 'a.md': entry('a.md', { title: 'Alpha', status: 'draft' }) };
    expect(engine.addScanned([], [stub('b.md'), stub('a.md')])).toEqual(['b.md', 'a.md']);
    engine.setStubLoader((path) => full[path as keyof typeof full]);
    expect(engine.query({ text: '', facets: {}, sort: null }).paths).toEqual(['a.md', 'b.md']);
    expect(engine.rows(['a.md'], ['status'])).toEqual([{ path: 'a.md', title: 'Alpha', cells: { status: 'draft' }, problems: { error: 0, warning: 0, info: 0 } }]);
    expect(engine.query({ text: 'bravo', facets: {}, sort: null }).paths).toEqual([]);

    expect(engine.addScanned([full['b.md'], full['a.md']])).toEqual([]);
    engine.setStubLoader(null);
    engine.invalidate();
    expect(engine.query({ text: 'bravo', facets: {}, sort: null }).paths).toEqual(['b.md']);
    expect(engine.rows(['b.md'], ['status'])[0]?.cells).toEqual({ status: 'live' });
  });
});
