import { useCallback, useState } from 'react';
import type { ListValueDto } from '../../../../shared/contract';
import { api } from '../../ipc/api';

const cache = new Map<string, Promise<readonly ListValueDto[]>>();

/** Forgets cached folder values (e.g. when another folder is opened). */
export function clearListValuesCache(): void {
  cache.clear();
}

/**
 * Values used for a key across the folder, fetched lazily (on focus) and cached per key, for
 * suggestions in tags, selects and relations.
 */
export function useListValues(key: string): { readonly values: readonly ListValueDto[]; readonly load: () => void } {
  const [values, setValues] = useState<readonly ListValueDto[]>([]);
  const load = useCallback(() => {
    let pending = cache.get(key);
    if (pending === undefined) {
      pending = api['list:values']({ key, prefix: '' }).then((r) => (r.ok ? r.value : []));
      cache.set(key, pending);
    }
    void pending.then(setValues);
  }, [key]);
  return { values, load };
}

/** The key folder values are looked up by: list indexes dropped (`relatedOfferings.0.categories` -> `relatedOfferings.categories`). */
export function valuesKeyOf(path: readonly (string | number)[]): string {
  return path
    .filter((s): s is string => typeof s === 'string')
    .map((s) => s.replace(/[\\.]/g, (c) => `\\${c}`))
    .join('.');
}
