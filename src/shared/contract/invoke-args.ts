import { z } from 'zod';
import type { InvokeChannel } from './channels';
import type { PlainDataDto } from './dto';

/**
 * A workspace-relative POSIX path as the renderer sends it. This is only the shape check;
 * main still confines it to the open folder (symlinks included) before touching the disk.
 */
export const relPathSchema = z.string().min(1).max(4096);

/** A front matter path used as a list column or sort key, e.g. `link.brand`. */
const columnSchema = z.string().min(1).max(500);

/** A plain YAML-compatible value (a bulk edit's value); finite numbers only. */
const plainValueSchema: z.ZodType<PlainDataDto> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(plainValueSchema).readonly(), z.record(z.string(), plainValueSchema).readonly()]),
);

/** A bulk edit: set / add to list / remove from list with a YAML-compatible plain value, or delete a key. */
const bulkEditSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['set', 'add-to-list', 'remove-from-list']), path: columnSchema, value: plainValueSchema }).strict(),
  z.object({ kind: z.literal('delete-key'), path: columnSchema }).strict(),
]);

/**
 * The runtime argument schema of every request channel (main validates every call against it,
 * because the renderer is untrusted). Only main imports this file at runtime, so zod never
 * ships in the preload or the renderer.
 */
// A window of an ordered list result: at most 2,000 paths per answer, like `list:rows`.
const windowSchema = z.object({ start: z.number().int().nonnegative(), count: z.number().int().nonnegative().max(2000) }).strict();
const facetSelectionSchema = z.record(z.string().max(500), z.array(z.string().max(2000)).max(1000).readonly());

export const invokeArgs = {
  'app:info': z.tuple([]),
  'workspace:current': z.tuple([]),
  'workspace:open': z.tuple([z.object({ path: z.string().min(1).max(4096).optional() }).strict()]),
  'workspace:recent': z.tuple([]),
  'list:query': z.tuple([
    z
      .object({
        text: z.string().max(1000),
        facets: facetSelectionSchema,
        sort: z.object({ column: columnSchema, direction: z.enum(['asc', 'desc']) }).strict().nullable(),
        window: windowSchema.optional(),
        columns: z.array(columnSchema).max(50).readonly().optional(),
      })
      .strict(),
  ]),
  'list:slice': z.tuple([
    z
      .object({ resultId: z.number().int().nonnegative(), ...windowSchema.shape, columns: z.array(columnSchema).max(50).readonly().optional() })
      .strict(),
  ]),
  'list:folders': z.tuple([]),
  'list:facets': z.tuple([z.object({ text: z.string().max(1000), facets: facetSelectionSchema }).strict()]),
  'list:rows': z.tuple([z.object({ paths: z.array(relPathSchema).max(2000).readonly(), columns: z.array(columnSchema).max(50).readonly() }).strict()]),
  'list:quickOpen': z.tuple([z.string().max(500)]),
  'document:read': z.tuple([relPathSchema]),
  'document:save': z.tuple([
    z
      .object({
        path: relPathSchema,
        text: z.string().max(64 * 1024 * 1024),
        // The hash of the bytes the edit was based on; null to create a file that must not exist.
        baseHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
        // The list's columns: the answer then carries the saved item's row for them.
        columns: z.array(columnSchema).max(50).readonly().optional(),
      })
      .strict(),
  ]),
  'shell:openExternal': z.tuple([z.string().min(1).max(8192)]),
  'drafts:put': z.tuple([
    z
      .object({
        path: relPathSchema,
        baseHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
        text: z.string().max(64 * 1024 * 1024),
      })
      .strict(),
  ]),
  'drafts:list': z.tuple([]),
  'drafts:discard': z.tuple([relPathSchema]),
  'schema:forItem': z.tuple([relPathSchema]),
  'list:values': z.tuple([z.object({ key: columnSchema, prefix: z.string().max(500) }).strict()]),
  'document:asset': z.tuple([relPathSchema]),
  'items:templates': z.tuple([]),
  'items:create': z.tuple([
    z
      .object({
        // '' is the folder root; main confines the rest.
        folder: z.string().max(4096),
        title: z.string().min(1).max(500),
        template: z.object({ kind: z.enum(['archetype', 'template', 'duplicate']), path: relPathSchema }).strict(),
      })
      .strict(),
  ]),
  'items:rename': z.tuple([z.object({ from: relPathSchema, to: relPathSchema }).strict()]),
  'items:delete': z.tuple([relPathSchema]),
  'items:restore': z.tuple([z.string().min(1).max(100)]),
  'bulk:preview': z.tuple([z.object({ paths: z.array(relPathSchema).max(5000).readonly(), edit: bulkEditSchema }).strict()]),
  'bulk:apply': z.tuple([
    z
      .object({
        paths: z.array(relPathSchema).max(5000).readonly(),
        edit: bulkEditSchema,
        // The hashes the preview read: a file changed since then is reported, not overwritten.
        baseHashes: z.record(relPathSchema, z.string().regex(/^[0-9a-f]{64}$/)).optional(),
      })
      .strict(),
  ]),
  // git: paths are workspace-relative (main confines them); revisions are commit ids or HEAD.
  'git:status': z.tuple([]),
  'git:refresh': z.tuple([]),
  'git:changes': z.tuple([]),
  'git:diff': z.tuple([relPathSchema]),
  'git:stage': z.tuple([z.array(relPathSchema).min(1).max(50_000).readonly()]),
  'git:unstage': z.tuple([z.array(relPathSchema).min(1).max(50_000).readonly()]),
  'git:discard': z.tuple([z.array(relPathSchema).min(1).max(50_000).readonly()]),
  'git:identity': z.tuple([]),
  'git:setIdentity': z.tuple([z.object({ name: z.string().min(1).max(200), email: z.string().min(3).max(320) }).strict()]),
  'git:commit': z.tuple([z.object({ message: z.string().max(100_000), amend: z.boolean().optional() }).strict()]),
  'git:history': z.tuple([relPathSchema]),
  'git:showAt': z.tuple([z.object({ rev: z.string().regex(/^(?:[0-9a-f]{7,64}|HEAD)$/), path: relPathSchema }).strict()]),
  'git:pull': z.tuple([]),
  'git:push': z.tuple([z.object({ publish: z.boolean().optional() }).strict().optional()]),
  'git:abortPull': z.tuple([]),
  'git:init': z.tuple([z.object({ identity: z.object({ name: z.string().min(1).max(200), email: z.string().min(3).max(320) }).strict().optional() }).strict().optional()]),
  'git:conflict': z.tuple([relPathSchema]),
  'git:resolve': z.tuple([z.object({ path: relPathSchema, text: z.string().max(64 * 1024 * 1024) }).strict()]),
  'git:setTrusted': z.tuple([z.boolean()]),
  'validation:problems': z.tuple([
    z
      .object({
        severity: z.enum(['error', 'warning', 'info']).optional(),
        code: z.string().min(1).max(100).optional(),
        contentType: z.string().min(1).max(500).optional(),
        file: relPathSchema.optional(),
        limit: z.number().int().min(0).optional(),
      })
      .strict(),
  ]),
  // A quick fix as the renderer got it; main re-derives nothing from it but the path it confines.
  'validation:applyFix': z.tuple([
    z
      .object({
        kind: z.enum(['sync-mirror', 'normalize-date', 'unique-slug']),
        file: relPathSchema,
        field: z.string().min(1).max(2000),
        value: z.string().max(1024 * 1024),
        title: z.string().max(2000),
      })
      .strict(),
  ]),
  'schema:infer': z.tuple([]),
  'schema:save': z.tuple([z.string().min(2).max(1024 * 1024)]),
} as const satisfies { readonly [C in InvokeChannel]: z.ZodTuple };

/** The argument tuples as TypeScript types (a type-only import for everyone but main). */
export type InvokeArgTypes = { readonly [C in InvokeChannel]: z.infer<(typeof invokeArgs)[C]> };

