import { z } from 'zod';
import type { InvokeChannel } from './channels';

/**
 * A workspace-relative POSIX path as the renderer sends it. This is only the shape check;
 * main still confines it to the open folder (symlinks included) before touching the disk.
 */
export const relPathSchema = z.string().min(1).max(4096);

/** A front matter path used as a list column or sort key, e.g. `link.brand`. */
const columnSchema = z.string().min(1).max(500);

/**
 * The runtime argument schema of every request channel (main validates every call against it,
 * because the renderer is untrusted). Only main imports this file at runtime, so zod never
 * ships in the preload or the renderer.
 */
export const invokeArgs = {
  'app:info': z.tuple([]),
  'workspace:current': z.tuple([]),
  'workspace:open': z.tuple([z.object({ path: z.string().min(1).max(4096).optional() }).strict()]),
  'workspace:recent': z.tuple([]),
  'list:query': z.tuple([
    z
      .object({
        text: z.string().max(1000),
        facets: z.record(z.string().max(500), z.array(z.string().max(2000)).max(1000).readonly()),
        sort: z.object({ column: columnSchema, direction: z.enum(['asc', 'desc']) }).strict().nullable(),
      })
      .strict(),
  ]),
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
      })
      .strict(),
  ]),
  'shell:openExternal': z.tuple([z.string().min(1).max(8192)]),
} as const satisfies { readonly [C in InvokeChannel]: z.ZodTuple };

/** The argument tuples as TypeScript types (a type-only import for everyone but main). */
export type InvokeArgTypes = { readonly [C in InvokeChannel]: z.infer<(typeof invokeArgs)[C]> };

