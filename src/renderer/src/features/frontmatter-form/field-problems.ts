import type { FormProblem } from './form-context';

function sameProblems(a: readonly FormProblem[], b: readonly FormProblem[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b.at(i);
      return q !== undefined && p.field === q.field && p.severity === q.severity && p.message === q.message;
    })
  );
}

/**
 * The form's problems by field path, read by each field on its own. Validation answers after the
 * item has opened and again after edits; held in the form context, a new list re-rendered every
 * field of the form (a second full render on each open). Here a field re-renders only when its
 * own problems change: an unchanged field keeps the same array.
 */
export class FieldProblems {
  private byField = new Map<string, readonly FormProblem[]>();
  private readonly listeners = new Set<() => void>();

  /** Replaces the problems; tells subscribers only when some field's problems changed. */
  update(problems: readonly FormProblem[]): void {
    const next = new Map<string, FormProblem[]>();
    for (const p of problems) {
      const list = next.get(p.field);
      if (list === undefined) next.set(p.field, [p]);
      else list.push(p);
    }
    let changed = next.size !== this.byField.size;
    const kept = new Map<string, readonly FormProblem[]>();
    for (const [field, list] of next) {
      const previous = this.byField.get(field);
      if (previous !== undefined && sameProblems(previous, list)) kept.set(field, previous);
      else {
        kept.set(field, list);
        changed = true;
      }
    }
    this.byField = kept;
    if (changed) for (const listener of this.listeners) listener();
  }

  /** The problems of one field (`link.brand`), undefined when it has none. */
  get(field: string): readonly FormProblem[] | undefined {
    return this.byField.get(field);
  }

  /** For `useSyncExternalStore`: returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
