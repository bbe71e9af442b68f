import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationEngine } from './validation-engine';
import type { FileProblems } from './validation-worker-protocol';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'folio-validation-engine-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const summary = (changes: readonly FileProblems[]): [string, string[]][] => changes.map((c) => [c.file, c.problems.map((p) => p.code)]);

describe('ValidationEngine snapshots', () => {
  it('sends every file after a full run, then only the files whose problems changed', async () => {
    for (let i = 0; i < 5; i += 1) await writeFile(path.join(root, `p${i}.md`), `---\ntitle: Post ${i}\nslug: p${i}\n---\nSee [x](p${i + 1}.md).\n`);
    await writeFile(path.join(root, 'q.md'), '---\ntitle: [broken\n---\n');
    const engine = new ValidationEngine();
    const full = await engine.validateAll(root);
    expect(full.kind).toBe('full');
    expect(full.schema).toBeDefined();
    expect(summary(full.changes)).toEqual([
      ['p4.md', ['broken-link']],
      ['q.md', ['yaml-syntax']],
    ]);

    // p1 takes p0's slug: both files change; p4 and q keep their problems and are not sent again.
    await writeFile(path.join(root, 'p1.md'), '---\ntitle: Post 1\nslug: p0\n---\nSee [x](p2.md).\n');
    const delta = await engine.revalidate(root, ['p1.md']);
    expect(delta.kind).toBe('delta');
    expect(delta.schema).toBeUndefined();
    expect(summary(delta.changes).sort()).toEqual([
      ['p0.md', ['duplicate-slug']],
      ['p1.md', ['duplicate-slug']],
    ]);

    // Fixed again: both files are sent with no problems, so main clears their badges.
    await writeFile(path.join(root, 'p1.md'), '---\ntitle: Post 1\nslug: p1\n---\nSee [x](p2.md).\n');
    expect(summary((await engine.revalidate(root, ['p1.md'])).changes).sort()).toEqual([
      ['p0.md', []],
      ['p1.md', []],
    ]);
    expect((await engine.revalidate(root, ['p3.md'])).changes).toEqual([]);
  });
});
