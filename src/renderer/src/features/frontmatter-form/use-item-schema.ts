import { useEffect, useState } from 'react';
import type { ItemSchemaDto } from '../../../../shared/contract';
import { api } from '../../ipc/api';

/** The schema of an item from main (`schema:forItem`); null while loading or when it failed. */
export function useItemSchema(itemPath: string | null): ItemSchemaDto | null {
  const [state, setState] = useState<{ path: string; schema: ItemSchemaDto } | null>(null);
  useEffect(() => {
    if (itemPath === null) return;
    let live = true;
    void api['schema:forItem'](itemPath).then((result) => {
      if (live) setState({ path: itemPath, schema: result.ok ? result.value : { contentType: null, schema: {}, inferred: true } });
    });
    return () => {
      live = false;
    };
  }, [itemPath]);
  return state !== null && state.path === itemPath ? state.schema : null;
}
