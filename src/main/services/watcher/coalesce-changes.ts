import type { ChangeKind, WorkspaceChange } from '../../../shared/contract';

/** What a path's net change is after `next` follows `previous`; null means nothing happened. */
function combine(previous: ChangeKind, next: ChangeKind): ChangeKind | null {
  switch (previous) {
    case 'add':
      // The file did not exist before the batch: whatever it did since, it is new or it is gone.
      return next === 'unlink' ? null : 'add';
    case 'change':
      return next === 'unlink' ? 'unlink' : 'change';
    case 'unlink':
      // Another editor's save (remove or rename away, then write anew) is an edit, not a delete.
      return next === 'unlink' ? 'unlink' : 'change';
  }
}

/**
 * Folds a sequence of raw file events into at most one change per path, in first-seen order:
 * add+change -> add, add+unlink -> nothing, unlink+add -> change, change+change -> change,
 * change+unlink -> unlink.
 */
export function coalesceChanges(events: readonly WorkspaceChange[]): WorkspaceChange[] {
  const net = new Map<string, ChangeKind>();
  for (const { path, kind } of events) {
    const previous = net.get(path);
    const combined = previous === undefined ? kind : combine(previous, kind);
    if (combined === null) net.delete(path);
    else net.set(path, combined);
  }
  return Array.from(net, ([path, kind]) => ({ path, kind }));
}
