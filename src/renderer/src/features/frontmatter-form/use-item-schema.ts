import { useEffect, useState } from 'react';
import type { ItemSchemaDto } from '../../../../shared/contract';
import { useFolioStore } from '../../store';
import { fetchItemSchema, type PrefetchedItemSchema } from '../../store/document-slice';

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
  // The store's own request for this item is still on its way: asking again would only race it.
  const loading = useFolioStore((s) => itemPath !== null && s.itemSchemaLoading === itemPath);
  // `over`: the prefetched schema current when this fetch started; a newer one (a revert) wins.
  const [fetched, setFetched] = useState<{ path: string; schema: ItemSchemaDto; over: PrefetchedItemSchema | null } | null>(null);
  useEffect(() => {
    if (itemPath === null || loading) return;
    if (prefetched !== null && !used.has(prefetched)) {
      used.add(prefetched);
      return;
    }
    let live = true;
    void fetchItemSchema(itemPath).then((schema) => {
      if (live) setFetched({ path: itemPath, schema, over: prefetched });
    });
    return () => {
      live = false;
    };
  }, [itemPath, prefetched, loading]);
  if (fetched !== null && fetched.path === itemPath && (prefetched === null || fetched.over === prefetched)) return fetched.schema;
  return prefetched?.value ?? null;
}
