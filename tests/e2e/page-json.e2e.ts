import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, openPopup, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';
import { apiPage, asOfToday, CMHK_API, CMHK_LOGIN, CMHK_PAGE, fetchScript, fixture, TELCEL_API, TELCEL_PAGE, xhrScript } from './page-json-pages';

/**
 * The page's own JSON as a second source (issue 11 item 3), in real Chromium with the production
 * build: carrier pages at their real URLs whose scripts call the routed usage API and render
 * nothing readable. The MAIN-world script copies the answer, the carrier's content script passes
 * it on raw, the background reads it; forged absurd answers store nothing; the page always gets
 * its answer untouched.
 */
const MB = 1024 ** 2;
const GB = 1024 ** 3;

async function serveJson(context: BrowserContext, url: string, body: () => unknown): Promise<void> {
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body()) }));
}

describe('the page’s own JSON (production build, real Chromium)', () => {
  let session: ExtensionSession;
  beforeEach(async () => {
    session = await launchExtension();
  });
  afterEach(async () => {
    await session?.close();
  });

  /** Serves `html` at the Telcel usage page and `answer` at its API, and opens the page. */
  async function openTelcel(html: string, answer: unknown) {
    await serveCarrierPage(session.context, TELCEL_PAGE, html);
    await serveJson(session.context, TELCEL_API, () => answer);
    const page = await session.context.newPage();
    await page.goto(TELCEL_PAGE);
    return page;
  }

  /** The stored readings, once there are at least `count`. */
  async function readingsOnceThere(count: number, what: string) {
    return (await waitFor(async () => {
      const rows = await readStore(session.worker, 'readings');
      return rows.length >= count ? rows : null;
    }, what))!;
  }

  it('stores the readings of Telcel’s usage answer when the page renders nothing readable, and the page gets its answer untouched', async () => {
    const answer = asOfToday(fixture('telcel-mx', '2026-12-01-frame-consumos'));
    const page = await openTelcel(apiPage('Mi Telcel | Consumo de datos', fetchScript(TELCEL_API)), answer);
    const readings = await readingsOnceThere(2, 'the JSON readings');
    expect(readings.map((r) => [r.bucket, r.usedBytes, r.totalBytes, r.remainingBytes])).toEqual([
      ['data', Math.round(1024.5 * MB), 3072 * MB, Math.round(2047.5 * MB)],
      ['bonus', 0, 500 * MB, 500 * MB],
    ]);
    expect(readings.every((r) => r.source === 'page' && r.generic === false && r.periodEndKind === 'expiry')).toBe(true);
    expect(await readStore(session.worker, 'lines')).toEqual([expect.objectContaining({ carrierId: 'telcel-mx', pendingConfirmation: false })]);
    expect(await page.evaluate(() => (window as unknown as { pageGot: unknown[] }).pageGot)).toEqual([answer]);
  });

  it('stores ONE reading when the page shows the figures too: the JSON’s figures, the page’s line number', async () => {
    const answer = asOfToday(fixture('telcel-mx', '2026-12-01-frame-consumos'));
    const html = `<!doctype html><html lang="es-MX"><head><meta charset="utf-8"><title>Mi Telcel | Consumo de datos</title></head>
<body><header><span class="linea-label">Línea</span> <span>55 0000 0067</span></header>
<main><section class="paquete"><h2>Internet Amigo</h2><p>Datos consumidos <b>1,024 MB</b> de <b>3,072 MB</b></p></section></main>
<script>fetch(${JSON.stringify(TELCEL_API)}, { method: 'POST', body: '{}' }).then((r) => r.json());</script></body></html>`;
    const page = await openTelcel(html, answer);
    const readings = await readingsOnceThere(2, 'the merged readings');
    // Longer than the steadiness check and the send gap: a second copy would have been stored by now.
    await page.waitForTimeout(12_000);
    const rows = await readStore(session.worker, 'readings');
    expect(rows.filter((r) => r.bucket === 'data').map((r) => [r.usedBytes, r.via])).toEqual([[Math.round(1024.5 * MB), 'json']]);
    expect(readings.map((r) => r.bucket).sort()).toEqual(['bonus', 'data']);
    expect(await readStore(session.worker, 'lines')).toEqual([expect.objectContaining({ carrierId: 'telcel-mx', lineDigits: '0067' })]);
  });

  it('stores nothing from an answer forged into absurd figures, and still reads the next real one', async () => {
    const good = asOfToday(fixture('telcel-mx', '2026-12-01-frame-consumos'));
    const forged = [
      { data: { consumos: [{ nombreProducto: 'Internet', mbTotales: 3072, mbUsados: -5, mbDisponibles: 3077 }] } },
      { data: { consumos: [{ nombreProducto: 'Internet', mbTotales: 3072, mbUsados: 9e12, mbDisponibles: 0 }] } },
      { data: { consumos: [{ nombreProducto: 'Internet', mbTotales: 3072, mbUsados: 'NaN', mbDisponibles: 1e300 }] } },
    ];
    let next = 0;
    const answers = [...forged, good];
    await serveCarrierPage(session.context, TELCEL_PAGE, apiPage('Mi Telcel | Consumo de datos', fetchScript(TELCEL_API)));
    await serveJson(session.context, TELCEL_API, () => answers[Math.min(next++, answers.length - 1)]);
    const page = await session.context.newPage();
    await page.goto(TELCEL_PAGE);
    for (let i = 1; i < forged.length; i++) {
      await page.waitForFunction((n) => (window as unknown as { pageGot: unknown[] }).pageGot.length >= n, i);
      await page.evaluate(() => (window as unknown as { callApi: () => Promise<void> }).callApi());
    }
    // Longer than the steadiness check and the send gap: a reading would have been stored by now.
    await page.waitForTimeout(12_000);
    expect(await readStore(session.worker, 'readings')).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pageGot: unknown[] }).pageGot)).toEqual(forged);

    await page.evaluate(() => (window as unknown as { callApi: () => Promise<void> }).callApi());
    const readings = await waitFor(() => readStore(session.worker, 'readings'), 'the real answer’s readings');
    expect(readings[0]).toMatchObject({ bucket: 'data', usedBytes: Math.round(1024.5 * MB) });
  });

  it('reads China Mobile HK’s usage answer fetched with XMLHttpRequest as JSON, every bucket of the number', async () => {
    const answer = fixture('cmhk', '2026-12-01-usage-query');
    await serveCarrierPage(session.context, CMHK_PAGE, apiPage('用量查詢', xhrScript(CMHK_API)));
    await serveJson(session.context, CMHK_API, () => answer);
    const page = await session.context.newPage();
    await page.goto(CMHK_PAGE);
    const readings = await readingsOnceThere(3, 'the CMHK JSON readings');
    expect(readings.map((r) => [r.bucket, r.usedBytes, r.totalBytes, r.unlimited])).toEqual([
      ['data', 12.5 * GB, 60 * GB, false],
      ['roaming', 1.25 * GB, 6 * GB, false],
      ['local', 30.5 * GB, null, true],
    ]);
    expect(await readStore(session.worker, 'lines')).toEqual([expect.objectContaining({ carrierId: 'cmhk', lineDigits: '0012' })]);
    expect(await page.evaluate(() => (window as unknown as { pageGot: unknown[] }).pageGot)).toEqual([answer]);
  });

  it('says “signed out” when China Mobile HK’s login check answers 999999, and stores nothing', async () => {
    await serveCarrierPage(session.context, CMHK_PAGE, apiPage('用量查詢', xhrScript(CMHK_LOGIN)));
    await serveJson(session.context, CMHK_LOGIN, () => fixture('cmhk', '2026-12-01-signed-out'));
    const page = await session.context.newPage();
    await page.goto(CMHK_PAGE);
    await page.waitForFunction(() => (window as unknown as { pageGot: unknown[] }).pageGot.length === 1);
    const popup = await openPopup(session);
    // The popup asks the page once when it opens: reopen it until the page has read its answer.
    const text = await waitFor(async () => {
      await popup.reload();
      const shown = await popup.locator('.tab-status').innerText().catch(() => '');
      return shown.includes('signed out') ? shown : null;
    }, 'the signed-out status');
    expect(text).toContain('China Mobile Hong Kong: you are signed out');
    expect(await readStore(session.worker, 'readings')).toEqual([]);
  });
});

describe('the MAIN-world script as built', () => {
  const builds = ['chrome-mv3', 'firefox-mv2'].map((target) => resolve('.output', target));

  it.each(builds)('%s: runs at document_start in the page’s world, only on pages its carriers’ own scripts already read', (dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[]; matches: string[]; world?: string; run_at?: string }[] };
    const main = manifest.content_scripts.filter((s) => s.world === 'MAIN');
    expect(main.map((s) => s.js)).toEqual([['content-scripts/page-json.js']]);
    expect(main[0]!.run_at).toBe('document_start');
    const isolated = new Set(manifest.content_scripts.filter((s) => s.world !== 'MAIN').flatMap((s) => s.matches));
    for (const pattern of main[0]!.matches) expect(isolated.has(pattern), pattern).toBe(true);
  });

  it.each(builds)('%s: is at most 3 KB gzip, and holds no request, extension API or global of its own', (dir) => {
    const code = readFileSync(join(dir, 'content-scripts/page-json.js'), 'utf8');
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(3 * 1024);
    expect(code).not.toMatch(/new\s+[\w$.]*XMLHttpRequest|\.open\s*\(|(?<![\w$.])fetch\s*\(|sendBeacon|WebSocket|chrome\.|browser\.|runtime\.|importScripts|eval\s*\(/);
    // An anonymous bundle: nothing of ours appears among the page's globals.
    expect(code.trimStart().startsWith('(function')).toBe(true);
  });
});
