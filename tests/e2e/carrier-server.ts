import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Carrier pages at their real https URLs for tabs the extension opens itself ("Check now"):
 * Playwright's request routing does not reach a tab created by the service worker before the tab
 * is attached, so those navigations go through Chromium's resolver instead, which these launch
 * flags point at a local https server (a test-only certificate, accepted by this browser only).
 * Every other host resolves to nothing: still no request reaches a network.
 */
export interface CarrierServer {
  args: string[];
  close(): Promise<void>;
}

const TLS = join('tests/e2e/tls');

export async function startCarrierServer(hosts: readonly string[], page: (url: URL) => string | null): Promise<CarrierServer> {
  const server: Server = createServer({ key: readFileSync(join(TLS, 'carrier-test.key')), cert: readFileSync(join(TLS, 'carrier-test.crt')) }, (request, response) => {
    const url = new URL(request.url ?? '/', `https://${request.headers.host}`);
    const html = page(url);
    if (html === null) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const rules = [...hosts.map((host) => `MAP ${host}:443 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
  return {
    args: [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
