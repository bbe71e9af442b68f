import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../../../bench/generate-corpus';
import { splitSnapshot } from './split-snapshot';
import { ValidationEngine } from './validation-engine';
import type { ValidationSnapshot } from './validation-worker-protocol';

let root: string;
let full: ValidationSnapshot;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'folio-split-'));
  // Seed-shaped items with planted defects: a few hundred problems over many files.
  await writeCorpus(root, 1000, { defects: true });
  full = await new ValidationEngine({ blockingReads: true }).validateAll(root);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('splitSnapshot', () => {
  it('cuts a full run into parts of about the given number of problems, which with the rest make the whole snapshot', () => {
    const problems = full.changes.reduce((n, c) => n + c.problems.length, 0);
    expect(full.kind).toBe('full');
    expect(problems).toBeGreaterThan(60);
    const { parts, last } = splitSnapshot(full, 10);
    expect(parts.length).toBeGreaterThanOrEqual(Math.floor(problems / 10) - 1);
    for (const part of parts) {
      const count = part.reduce((n, c) => n + c.problems.length, 0);
      // A part closes at the file that reaches the limit: over it by less than that file's problems.
      expect(count).toBeGreaterThanOrEqual(10);
      expect(count - (part.at(-1)?.problems.length ?? 0)).toBeLessThan(10);
    }
    expect(last).toMatchObject({ kind: 'full', root: full.root, files: full.files });
    // Main takes the parts in order, then the rest: together, the whole snapshot.
    expect([...parts.flat(), ...last.changes]).toEqual(full.changes);
  });

  it('sends a delta, or a full run under the limit, whole', () => {
    const delta: ValidationSnapshot = { ...full, kind: 'delta', changes: full.changes.slice(0, 3) };
    expect(splitSnapshot(delta, 1)).toEqual({ parts: [], last: delta });
    expect(splitSnapshot(full, Number.MAX_SAFE_INTEGER).parts).toEqual([]);
  });
});
