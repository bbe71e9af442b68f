import type { FileProblems, ValidationSnapshot } from './validation-worker-protocol';

/**
 * A full run's snapshot cut into parts of about `problemsPerPart` problems each, then the snapshot
 * itself holding the rest: posted as separate messages, main decodes them in separate tasks. In
 * one message, the ~37,000 problems of a 50,000-item folder held main's thread for ~0.5 s as it
 * arrived, and every answer the window waited for with it. A delta is already small: one part.
 */
export function splitSnapshot(snapshot: ValidationSnapshot, problemsPerPart: number): { readonly parts: readonly (readonly FileProblems[])[]; readonly last: ValidationSnapshot } {
  if (snapshot.kind !== 'full') return { parts: [], last: snapshot };
  const parts: FileProblems[][] = [];
  let part: FileProblems[] = [];
  let problems = 0;
  for (const change of snapshot.changes) {
    part.push(change);
    problems += change.problems.length;
    if (problems >= problemsPerPart) {
      parts.push(part);
      part = [];
      problems = 0;
    }
  }
  return { parts, last: { ...snapshot, changes: part } };
}
