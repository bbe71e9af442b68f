/**
 * Every way a contract call can fail, as a closed union so the renderer can react to each one
 * (a `conflict` opens the merge view, a `path-refused` is a security event, ...).
 */
export type ErrorCode =
  | 'invalid-argument'
  | 'unknown-channel'
  | 'forbidden-sender'
  | 'no-workspace'
  | 'path-refused'
  | 'not-found'
  | 'not-editable'
  | 'conflict'
  | 'io'
  | 'unsupported'
  | 'cancelled'
  | 'internal';

/** A failure as it crosses the process boundary: plain data, safe to serialise. */
export interface FolioError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Extra data some codes carry, e.g. the disk text for `conflict`. */
  readonly detail?: Readonly<Record<string, unknown>>;
}
