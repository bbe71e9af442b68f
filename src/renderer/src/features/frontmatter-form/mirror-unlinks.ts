import { useSyncExternalStore } from 'react';

/** Unlinked mirror paths per item path; in memory only, as the issue asks (forgotten on restart). */
const unlinked = new Map<string, ReadonlySet<string>>();
const listeners = new Set<() => void>();
const EMPTY: ReadonlySet<string> = new Set();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Marks a mirror of an item as unlinked (it stops following its source) or linked again. */
export function setMirrorUnlinked(itemPath: string, mirrorPath: string, value: boolean): void {
  const next = new Set(unlinked.get(itemPath) ?? EMPTY);
  if (value) next.add(mirrorPath);
  else next.delete(mirrorPath);
  unlinked.set(itemPath, next);
  for (const listener of listeners) listener();
}

/** The unlinked mirrors of an item, read outside React (when an edit is committed). */
export function getUnlinkedMirrors(itemPath: string): ReadonlySet<string> {
  return unlinked.get(itemPath) ?? EMPTY;
}

/** The unlinked mirrors of an item, re-rendering when they change. */
export function useUnlinkedMirrors(itemPath: string): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => getUnlinkedMirrors(itemPath));
}
