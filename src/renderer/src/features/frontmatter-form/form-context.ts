import { createContext, useContext } from 'react';
import type { FrontMatterEdit, PlainValue } from '../../../../shared/domain/frontmatter';
import type { FolioJsonSchema } from '../../../../shared/domain/schema';
import type { FieldProblems } from './field-problems';

/** A problem shown under a field (fed by validation); `field` is a path like `link.brand`. */
export interface FormProblem {
  readonly field: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

/** What every field of one form shares; stable while the item and its schema stay the same. */
export interface FormContextValue {
  readonly itemPath: string;
  readonly schema: FolioJsonSchema | null;
  /** Mirror paths by the path of their source. */
  readonly mirrors: ReadonlyMap<string, readonly string[]>;
  /** The source path of each mirror path. */
  readonly mirrorSources: ReadonlyMap<string, string>;
  readonly readOnly: boolean;
  /** Problems by field, read per field with `useFieldProblems`. */
  readonly problems: FieldProblems;
  /** Applies span edits to the buffer in one step; false when the engine refused them. */
  readonly commit: (edits: readonly FrontMatterEdit[]) => boolean;
  /** Sets a value and, in the same step, every linked mirror that still equals it. */
  readonly setValue: (pathText: string, value: PlainValue) => boolean;
}

/** The context of the open form; fields read it instead of props so memoised sections stay cheap. */
export const FormContext = createContext<FormContextValue | null>(null);

/** The enclosing form's context; fields only ever render inside a form. */
export function useFormContext(): FormContextValue {
  const value = useContext(FormContext);
  if (value === null) throw new Error('A front matter field was rendered outside FrontMatterForm.');
  return value;
}
