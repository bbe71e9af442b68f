/** The front matter form: schema-driven widgets over the open item's buffer, span edits only. */
export { FrontMatterForm } from './front-matter-form';
export type { FrontMatterFormProps } from './front-matter-form';
export type { FormProblem } from './form-context';
export { selectFrontMatterModel } from './select-front-matter-model';
