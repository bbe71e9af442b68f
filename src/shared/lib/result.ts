import type { FolioError, ErrorCode } from '../contract/errors';

/** The outcome of any operation that can fail for a reason the user should see. Never thrown. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FolioError };

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed Result with a typed code and a message written for the user. */
export function fail<T = never>(code: ErrorCode, message: string, detail?: FolioError['detail']): Result<T> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}
