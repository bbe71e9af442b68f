import { useState, type Dispatch, type SetStateAction } from 'react';
import { useFormContext } from './form-context';

/**
 * `useState` for a widget's own per-item state (a draft, a half-typed tag, an image preview): it
 * starts over when the form shows another item. The form stays mounted from one item to the next
 * (opening an item updates its fields instead of rebuilding them), so plain state would carry over.
 */
export function useItemState<T>(initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const { itemPath } = useFormContext();
  const [state, setState] = useState(initial);
  const [owner, setOwner] = useState(itemPath);
  if (owner !== itemPath) {
    // A render-phase update: React renders again at once, before anything is shown.
    setOwner(itemPath);
    setState(initial);
  }
  return [state, setState];
}
