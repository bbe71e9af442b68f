import type { RawData } from 'ws';

/** Decodes a WebSocket message, whichever of ws's three buffer shapes it arrived in. */
export function rawDataToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}
