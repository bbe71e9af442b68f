import type { FolioSchema } from './folio-schema';

/** A converted schema with notes on what could not be carried over, or why nothing could be. */
export type SchemaImportResult =
  | { readonly ok: true; readonly schema: FolioSchema; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };
