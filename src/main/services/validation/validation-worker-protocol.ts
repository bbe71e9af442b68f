import type { FolioSchema } from '../../../shared/domain/schema/folio-schema';
import type { Problem } from '../../../shared/domain/validation/problem';
import type { SchemaSource } from './validation-service';

/** One file's problems as they now stand (empty: the file has none, or is gone). */
export interface FileProblems {
  readonly file: string;
  /** Sorted as the folder's list is (line, column, code, message). */
  readonly problems: readonly Problem[];
  /** The file's content type, when it has problems and matched one (the panel's filter). */
  readonly type?: string;
}

/**
 * What a validation run sends back: the problems, never the facts behind them. A full run sends
 * every problem; a revalidation sends only the files whose problems changed since the last
 * snapshot of the same engine, so a save in a 50,000-item folder with tens of thousands of
 * problems does not copy them all to main (and block its thread decoding them) each time.
 */
export interface ValidationSnapshot {
  readonly root: string;
  readonly files: number;
  /** `full`: `changes` lists every file with problems; `delta`: only files whose problems changed. */
  readonly kind: 'full' | 'delta';
  readonly changes: readonly FileProblems[];
  readonly schemaSource: SchemaSource;
  /**
   * The schema the run validated against, when it differs from the last one sent (a new folder,
   * a change to `.folio/schema.json`): the form uses the same one, so its widgets and the
   * problems under them always agree.
   */
  readonly schema?: FolioSchema;
  /** How long the run took in the worker, for the bench and the log. */
  readonly ms: number;
}

/** The worker's heap after a collection (the bench's measure of what validation keeps). */
export interface ValidationHeap {
  readonly heapUsedMb: number;
  readonly heapTotalMb: number;
}

/** Requests main sends to the validation worker; each carries an id its answer repeats. */
export type ValidationWorkerRequest =
  | { readonly type: 'validate-all'; readonly id: number; readonly root: string }
  | { readonly type: 'revalidate'; readonly id: number; readonly root: string; readonly paths: readonly string[] }
  | { readonly type: 'infer'; readonly id: number; readonly root: string }
  /** A schema from an even sample of `limit` files, for the form before the first full run ends. */
  | { readonly type: 'infer-sample'; readonly id: number; readonly root: string; readonly limit: number }
  | { readonly type: 'heap'; readonly id: number }
  /** Main has taken in a `result-part` of request `id`: the worker posts the next one. */
  | { readonly type: 'part-taken'; readonly id: number };

/** Messages the validation worker sends back. */
export type ValidationWorkerMessage =
  | { readonly type: 'ready' }
  /** Files of a full run's snapshot sent ahead of its `result` (see `splitSnapshot`). */
  | { readonly type: 'result-part'; readonly id: number; readonly changes: readonly FileProblems[] }
  | { readonly type: 'result'; readonly id: number; readonly snapshot: ValidationSnapshot }
  | { readonly type: 'schema'; readonly id: number; readonly schema: FolioSchema }
  | { readonly type: 'heap'; readonly id: number; readonly heap: ValidationHeap }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
