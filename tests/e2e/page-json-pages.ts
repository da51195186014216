import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Carrier pages that render nothing readable and call their own usage API, for the page-JSON
 * tests in Chromium (tests/e2e/page-json.e2e.ts) and Firefox (tests/e2e/firefox/page-json.e2e.ts):
 * only the page's own JSON knows the figures. Each page keeps what its calls answered in
 * `window.pageGot`, so a test can check the page got its answer untouched.
 */
export const TELCEL_PAGE = 'https://www.mitelcel.com/mitelcel/consumo-datos/';
export const TELCEL_API = 'https://www.mitelcel.com/mitelcel/mitelcel-api-web/api/prepago/internet/frame-consumos';
export const CMHK_PAGE = 'https://www.hk.chinamobile.com/tc/home/my-zone/menu/usage-query';
export const CMHK_API = 'https://www.hk.chinamobile.com/cmhk/cbs/usageQuery';
export const CMHK_LOGIN = 'https://www.hk.chinamobile.com/cmhk/queryLoginInfo';

export const fixture = (carrier: string, name: string) => JSON.parse(readFileSync(join('tests/fixtures', carrier, `${name}.body.json`), 'utf8')) as unknown;

/** The fixture's epoch-ms times moved so its packages are as current today as on its own date. */
export function asOfToday(body: unknown, fixtureNow = Date.UTC(2026, 11, 1, 12)): unknown {
  const shift = Date.now() - fixtureNow;
  return JSON.parse(JSON.stringify(body), (_key, value: unknown) =>
    typeof value === 'number' && value > Date.UTC(2015, 0, 1) && value < Date.UTC(2100, 0, 1) ? value + shift : value,
  );
}

/** A page that renders nothing readable: only its own API call knows the figures. */
export function apiPage(title: string, script: string): string {
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main id="app"><p>Cargando…</p></main><script>${script}</script></body></html>`;
}

/** Calls `api` with fetch at load, and again on `window.callApi()`. */
export const fetchScript = (api: string) => `
  window.pageGot = [];
  window.callApi = () => fetch(${JSON.stringify(api)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    .then((r) => r.json()).then((data) => { window.pageGot.push(data); document.getElementById('app').textContent = 'Listo'; });
  window.callApi();`;

/** Calls each of `apis` with XMLHttpRequest, `responseType: "json"`, at load. */
export const xhrScript = (...apis: string[]) => `
  window.pageGot = [];
  for (const api of ${JSON.stringify(apis)}) {
    const xhr = new XMLHttpRequest();
    xhr.responseType = 'json';
    xhr.onload = () => window.pageGot.push(xhr.response);
    xhr.open('POST', api);
    xhr.send('{}');
  }`;
