import type { Problem, QuickFix } from '../../../shared/domain/validation/problem';
import type { FileProblems } from './validation-worker-protocol';

function sameFix(a: QuickFix | undefined, b: QuickFix | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.kind === b.kind && a.file === b.file && a.field === b.field && a.value === b.value && a.title === b.title;
}

function sameProblem(a: Problem, b: Problem): boolean {
  // Folder-wide problems are rebuilt on every change, so equal problems are often new objects.
  return a === b || (a.file === b.file && a.severity === b.severity && a.code === b.code && a.message === b.message && a.line === b.line && a.column === b.column && a.field === b.field && sameFix(a.fix, b.fix));
}

function sameFile(a: FileProblems, b: FileProblems | undefined): boolean {
  if (b === undefined || a.type !== b.type || a.problems.length !== b.problems.length) return false;
  return a.problems.every((p, i) => sameProblem(p, b.problems[i] as Problem));
}

/**
 * The files whose problems (or content type) differ between two runs, each with its problems as
 * they now stand; a file that no longer has any is listed with none.
 */
export function diffProblemsByFile(previous: ReadonlyMap<string, FileProblems>, current: ReadonlyMap<string, FileProblems>): FileProblems[] {
  const changes: FileProblems[] = [];
  for (const [file, now] of current) if (!sameFile(now, previous.get(file))) changes.push(now);
  for (const file of previous.keys()) if (!current.has(file)) changes.push({ file, problems: [] });
  return changes;
}
