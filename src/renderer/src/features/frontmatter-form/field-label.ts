import type { FolioJsonSchema } from '../../../../shared/domain/schema';

/** The label of a field: the schema's `x-folio-label`, else the key as written. */
export function fieldLabel(schema: FolioJsonSchema | undefined, key: string | number): string {
  const label = schema?.['x-folio-label'];
  return typeof label === 'string' && label !== '' ? label : String(key);
}
