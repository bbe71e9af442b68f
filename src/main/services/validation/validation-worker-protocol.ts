import type { FolioSchema } from '../../../shared/domain/schema/folio-schema';
import type { Problem } from '../../../shared/domain/validation/problem';
import type { SchemaSource } from './validation-service';

/** What a validation run sends back: the problems, never the facts behind them. */
export interface ValidationSnapshot {
  readonly root: string;
  readonly files: number;
  readonly problems: readonly Problem[];
  readonly schemaSource: SchemaSource;
  /**
   * The schema the run validated against, when it differs from the last one sent (a new folder,
   * a change to `.folio/schema.json`): the form uses the same one, so its widgets and the
   * problems under them always agree.
   */
  readonly schema?: FolioSchema;
  /** Content type of each file that has problems, for the panel's filter. */
  readonly types: Readonly<Record<string, string>>;
  /** How long the run took in the worker, for the bench and the log. */
  readonly ms: number;
}

/** Requests main sends to the validation worker; each carries an id its answer repeats. */
export type ValidationWorkerRequest =
  | { readonly type: 'validate-all'; readonly id: number; readonly root: string }
  | { readonly type: 'revalidate'; readonly id: number; readonly root: string; readonly paths: readonly string[] }
  | { readonly type: 'infer'; readonly id: number; readonly root: string };

/** Messages the validation worker sends back. */
export type ValidationWorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly snapshot: ValidationSnapshot }
  | { readonly type: 'schema'; readonly id: number; readonly schema: FolioSchema }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
