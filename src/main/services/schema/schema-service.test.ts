import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FolioSchema } from '../../../shared/domain/schema';
import { IndexService } from '../index/index-service';
import { makeTempWorkspace, type TempWorkspace } from '../workspace/test-fixtures/temp-workspace';
import type { SchemaSource } from '../validation/validation-service';
import { SCHEMA_SAMPLE_SIZE, SchemaService, type SchemaIndex } from './schema-service';
import { ValidationEngine } from '../validation/validation-engine';

const item = (title: string, status: string): string => `---\ntitle: ${title}\nstatus: ${status}\n---\nBody.\n`;

describe('SchemaService', () => {
  let ws: TempWorkspace;
  let index: IndexService;
  let samples: number;
  const sampleLimits: number[] = [];
  let validated: { schema: FolioSchema; source: SchemaSource } | null;
  let service: SchemaService;

  beforeAll(async () => {
    ws = await makeTempWorkspace();
    for (let i = 0; i < 6; i++) await writeFile(path.join(ws.root, `item-${i}.md`), item(`Item ${i}`, i % 2 === 0 ? 'draft' : 'live'));
    index = new IndexService({ dataDir: path.join(ws.base, 'data') });
    await index.boot();
    await index.open(ws.root);
    const schemaIndex: SchemaIndex = { get: (relPath) => index.get(relPath), onEvent: (listener) => index.onEvent(listener) };
    // The real validation engine's sampled inference, counting how often the service asks for it.
    const engine = new ValidationEngine({ blockingReads: true });
    service = new SchemaService(() => ws.root, schemaIndex, {
      schemaOf: (root) => (root === ws.root ? validated : null),
      inferSample: (root, limit) => {
        samples++;
        sampleLimits.push(limit);
        return engine.inferSample(root, limit);
      },
    });
    await service.boot();
  });
  afterAll(async () => {
    await service.shutdown();
    await index.shutdown();
    await ws.cleanup();
  });

  it('before validation has run, infers from a sample in the validation engine once per scan, asked for as the scan starts', async () => {
    samples = 0;
    validated = null;
    const first = await service.forItem('item-1.md');
    expect(first.ok && first.value.inferred).toBe(true);
    const properties = first.ok ? (first.value.schema['properties'] as Record<string, { enum?: unknown[] }>) : {};
    expect(Object.keys(properties).sort()).toEqual(['status', 'title']);
    expect(properties['status']?.enum?.slice().sort()).toEqual(['draft', 'live']);
    await service.forItem('item-2.md');
    expect(samples).toBe(1);
    expect(sampleLimits).toEqual([SCHEMA_SAMPLE_SIZE]);
    // A new scan asks for a new sample as it starts, before any item is opened; opening one then reuses it.
    await index.open(ws.root);
    await vi.waitFor(() => expect(samples).toBe(2));
    await service.forItem('item-2.md');
    expect(samples).toBe(2);
  });

  it('uses the schema the folder was validated against once there is one, without sampling', async () => {
    samples = 0;
    validated = { source: 'inferred', schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', 'x-folio-version': 1, types: { all: { match: { glob: '**' }, schema: { type: 'object', properties: { fromValidation: { type: 'string' } } } } } } as unknown as FolioSchema };
    const answer = await service.forItem('item-1.md');
    expect(answer.ok && answer.value).toMatchObject({ contentType: 'all', inferred: true, schema: { properties: { fromValidation: { type: 'string' } } } });
    expect(samples).toBe(0);
  });

  it('prefers a valid .folio/schema.json, read as the validation service reads it', async () => {
    await mkdir(path.join(ws.root, '.folio'), { recursive: true });
    const written = { $schema: 'https://json-schema.org/draft/2020-12/schema', 'x-folio-version': 1, types: { news: { match: { glob: '*.md' }, schema: { type: 'object', required: ['title'] } } } };
    await writeFile(path.join(ws.root, '.folio', 'schema.json'), JSON.stringify(written));
    const answer = await service.forItem('item-3.md');
    expect(answer.ok && answer.value).toMatchObject({ contentType: 'news', inferred: false, schema: { required: ['title'] } });
    expect((await service.forItem('../outside.md')).ok).toBe(false);
  });
});
