import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures/web-host';

/** A raw HTTP GET, so the Host and Origin headers are exactly what the test says. */
function get(port: number, pathAndQuery: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: pathAndQuery, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test('the web host refuses requests without the token, with a foreign Host or Origin', async ({ folio }) => {
  const url = new URL(folio.url);
  const port = Number(url.port);
  const token = url.searchParams.get('token')!;
  const host = `127.0.0.1:${port}`;

  expect(await get(port, `/?token=${token}`, { Host: host })).toBe(200);
  expect(await get(port, '/', { Host: host })).toBe(401);
  expect(await get(port, '/?token=wrong', { Host: host })).toBe(401);
  expect(await get(port, '/web-bridge.js', { Host: host })).toBe(401);
  expect(await get(port, '/web-bridge.js', { Host: host, Cookie: `folio_token=${token}` })).toBe(200);
  // DNS rebinding: a hostile name resolving to 127.0.0.1 carries its own Host header.
  expect(await get(port, `/?token=${token}`, { Host: `evil.example:${port}` })).toBe(403);
  // Another page in the same browser cannot use the host either.
  expect(await get(port, `/?token=${token}`, { Host: host, Origin: 'https://evil.example' })).toBe(403);
  // Static files never escape the renderer folder.
  expect(await get(port, '/..%2f..%2fpackage.json', { Host: host, Cookie: `folio_token=${token}` })).toBe(404);
});

test('the socket refuses a page that has no token', async ({ page, folio }) => {
  const origin = folio.origin;
  // A page on the host's origin without the cookie (fresh context) cannot open the socket.
  await page.goto(`${origin}/`);
  const outcome = await page.evaluate(
    (wsUrl) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(wsUrl);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      }),
    origin.replace('http', 'ws') + '/ws',
  );
  expect(outcome).toBe('refused');
});

test('the host listens on loopback only', async ({ folio }) => {
  expect(new URL(folio.url).hostname).toBe('127.0.0.1');
  const { networkInterfaces } = await import('node:os');
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal);
  test.skip(!external, 'this machine has no non-loopback IPv4 address to try');
  const port = Number(new URL(folio.url).port);
  const reached = await new Promise<boolean>((resolve) => {
    const req = httpRequest({ host: external!.address, port, path: '/', timeout: 2000 }, () => resolve(true));
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
  expect(reached).toBe(false);
});
