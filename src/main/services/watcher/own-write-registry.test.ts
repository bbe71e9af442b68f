import { describe, expect, it } from 'vitest';
import type { WorkspaceChange } from '../../../shared/contract';
import { OwnWriteRegistry } from './own-write-registry';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);
const EXTERNAL = 'c'.repeat(64);

function setup() {
  let now = 1_000;
  const registry = new OwnWriteRegistry(3_000, () => now);
  const disk = new Map<string, string>();
  const reads: string[] = [];
  const read = (relPath: string) => {
    reads.push(relPath);
    return Promise.resolve(disk.get(relPath) ?? null);
  };
  const drop = (changes: WorkspaceChange[]) => registry.dropEchoes(changes, read);
  return { registry, disk, reads, drop, advance: (ms: number) => (now += ms) };
}

describe('OwnWriteRegistry', () => {
  it('drops a change whose file still holds the bytes Folio wrote, and keeps others', async () => {
    const { registry, disk, drop } = setup();
    registry.register('a.md', H1);
    disk.set('a.md', H1);
    expect(
      await drop([
        { path: 'a.md', kind: 'change' },
        { path: 'b.md', kind: 'change' },
      ]),
    ).toEqual([{ path: 'b.md', kind: 'change' }]);
  });

  it('keeps the expectation for a repeated echo of the same write', async () => {
    const { registry, disk, drop } = setup();
    registry.register('a.md', H1);
    disk.set('a.md', H1);
    expect(await drop([{ path: 'a.md', kind: 'change' }])).toEqual([]);
    expect(await drop([{ path: 'a.md', kind: 'change' }])).toEqual([]);
  });

  it('accepts any of several quick saves', async () => {
    const { registry, disk, drop } = setup();
    registry.register('a.md', H1);
    registry.register('a.md', H2);
    disk.set('a.md', H2);
    expect(await drop([{ path: 'a.md', kind: 'add' }])).toEqual([]);
  });

  it('reports a different version and then stops expecting Folio’s, so a later revert is reported too', async () => {
    const { registry, disk, drop } = setup();
    registry.register('a.md', H1);
    disk.set('a.md', EXTERNAL);
    expect(await drop([{ path: 'a.md', kind: 'change' }])).toEqual([{ path: 'a.md', kind: 'change' }]);
    disk.set('a.md', H1);
    expect(await drop([{ path: 'a.md', kind: 'change' }])).toEqual([{ path: 'a.md', kind: 'change' }]);
  });

  it('reports an unlink and a missing file', async () => {
    const { registry, drop } = setup();
    registry.register('a.md', H1);
    registry.register('b.md', H1);
    expect(
      await drop([
        { path: 'a.md', kind: 'unlink' },
        { path: 'b.md', kind: 'change' },
      ]),
    ).toHaveLength(2);
  });

  it('expires', async () => {
    const { registry, disk, drop, advance } = setup();
    registry.register('a.md', H1.toUpperCase());
    disk.set('a.md', H1);
    expect(registry.has('a.md')).toBe(true);
    advance(3_000);
    expect(registry.has('a.md')).toBe(false);
    expect(await drop([{ path: 'a.md', kind: 'change' }])).toEqual([{ path: 'a.md', kind: 'change' }]);
  });

  it('reads nothing when no write is expected', async () => {
    const { registry, reads, drop } = setup();
    registry.register('a.md', H1);
    registry.clear();
    await drop([{ path: 'a.md', kind: 'change' }]);
    expect(reads).toEqual([]);
  });
});
