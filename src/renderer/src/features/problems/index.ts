/** The Problems panel, the header button, and the open item's problems for the form and editors. */
export { ProblemsButton, ProblemsPanel } from './problems-panel';
export { SchemaDialog } from './schema-dialog';
export type { SchemaDialogProps } from './schema-dialog';
export { useDocumentProblems } from './use-document-problems';
export type { DocumentProblems } from './use-document-problems';
export { useProblemFocus } from './use-problem-focus';
