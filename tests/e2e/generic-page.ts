/**
 * A Movistar page in a layout the adapter does not know, so only the generic reader can read it:
 * its figures are stored as generic and count only once the user confirms them. Served by the
 * Chromium (tests/e2e/generic-reader.e2e.ts) and Firefox (tests/e2e/firefox/generic-reader.e2e.ts) tests.
 */
export const REDESIGNED_URL = 'https://mi.movistar.es/v2/datos';
export const REDESIGNED_PAGE = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Mi Movistar</title></head><body>
  <div class="v2-shell"><div class="v2-tile"><h3>Tus datos este mes</h3>
  <div><span>Has usado</span> <b>8,5 GB</b> <span>de 10 GB</span></div><small>Se renueva el 05/12</small></div></div>
</body></html>`;
