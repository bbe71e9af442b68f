import { createHash } from 'node:crypto';

/** The sha256 of raw bytes as lowercase hex: the identity of a file version for conflict checks. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** True when `value` has the shape of a `hashBytes` result, for validating hashes from the renderer. */
export function isContentHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
