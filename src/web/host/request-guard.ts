import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The name of the HttpOnly cookie that carries the session token after the first visit. */
export const tokenCookie = 'folio_token';

/** Why a request was refused, for the response and the log; null when it may proceed. */
export type GuardVerdict = null | { readonly status: 401 | 403; readonly reason: string };

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieToken(request: IncomingMessage): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === tokenCookie) return rest.join('=');
  }
  return null;
}

/**
 * Checks one request to the web host. The host serves a folder's files to anyone who can reach
 * it, so: the Host header must name the loopback address it listens on (defeats DNS rebinding),
 * a cross-site Origin is refused (defeats other pages in the same browser), and the random token
 * must come either in `?token=` or in the cookie set from it.
 */
export function checkRequest(request: IncomingMessage, port: number, token: string): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(request.headers.host ?? '')) return { status: 403, reason: 'unexpected Host header' };
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return { status: 403, reason: 'cross-origin request' };
  const url = new URL(request.url ?? '/', `http://${allowedHosts[0]}`);
  const offered = url.searchParams.get('token') ?? cookieToken(request);
  if (offered === null || !sameToken(offered, token)) return { status: 401, reason: 'missing or wrong token' };
  return null;
}
