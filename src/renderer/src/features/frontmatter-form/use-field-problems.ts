import { useCallback, useSyncExternalStore } from 'react';
import type { FormProblem } from './form-context';
import { useFormContext } from './form-context';

/** The problems of one field; re-renders the field only when they change (see FieldProblems). */
export function useFieldProblems(pathText: string): readonly FormProblem[] | undefined {
  const { problems } = useFormContext();
  const read = useCallback(() => problems.get(pathText), [problems, pathText]);
  return useSyncExternalStore(problems.subscribe, read);
}
