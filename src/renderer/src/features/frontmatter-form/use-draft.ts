import { useState } from 'react';
import { useItemState } from './use-item-state';

/**
 * Local input state that follows the committed value when it changes from outside (raw YAML,
 * undo, a mirror, another item), but keeps what the curator typed while the engine refuses it.
 */
export function useDraft<T>(committed: T): [T, (next: T) => void] {
  const [draft, setDraft] = useItemState(committed);
  const [seen, setSeen] = useState(committed);
  if (!Object.is(seen, committed)) {
    setSeen(committed);
    setDraft(committed);
  }
  return [draft, setDraft];
}
