import { useEffect, useState } from 'react';
import type { ItemSchemaDto } from '../../../../shared/contract';
import { api } from '../../ipc/api';
import { useFolioStore } from '../../store';
import { FALLBACK_ITEM_SCHEMA, type PrefetchedItemSchema } from '../../store/document-slice';

/** Prefetched schemas a form has already started from: a later mount (tab switch) asks main again. */
const used = new WeakSet<PrefetchedItemSchema>();

/**
 * The schema of an item from main (`schema:forItem`); null while loading or when it failed. The
 * one the store fetched with the document is used at once, so the first render has the widgets;
 * a form mounted again for the same item (e.g. back from Raw YAML) fetches it afresh, so an edited
 * `.folio/schema.json` shows.
 */
export function useItemSchema(itemPath: string | null): ItemSchemaDto | null {
  const prefetched = useFolioStore((s) => (s.itemSchema !== null && s.itemSchema.path === itemPath ? s.itemSchema : null));
  // `over`: the prefetched schema current when this fetch started; a newer one (a revert) wins.
  const [fetched, setFetched] = useState<{ path: string; schema: ItemSchemaDto; over: PrefetchedItemSchema | null } | null>(null);
  useEffect(() => {
    if (itemPath === null) return;
    if (prefetched !== null && !used.has(prefetched)) {
      used.add(prefetched);
      return;
    }
    let live = true;
    void api['schema:forItem'](itemPath).then((result) => {
      if (live) setFetched({ path: itemPath, schema: result.ok ? result.value : FALLBACK_ITEM_SCHEMA, over: prefetched });
    });
    return () => {
      live = false;
    };
  }, [itemPath, prefetched]);
  if (fetched !== null && fetched.path === itemPath && (prefetched === null || fetched.over === prefetched)) return fetched.schema;
  return prefetched?.value ?? null;
}
