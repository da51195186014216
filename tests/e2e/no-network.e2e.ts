import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARRIERS } from '@/lib/carriers';
import { firstReadable, subresourcesOf } from './carrier-pages';
import { CHROME_DIST, launchExtension, openPopup, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';

/**
 * "Nothing leaves the browser", observed: while every carrier's page is read and the popup (and
 * the options page, if built) is opened, every request made anywhere in the browser is recorded.
 * Allowed are only the routed carrier documents themselves (the test serves them), the images
 * their HTML names, and the extension's own files.
 *
 * Two nets: Playwright's request events (pages, content scripts, and the service worker once the
 * listener is attached), and each extension context's own Resource Timing buffer, which also holds
 * whatever the service worker fetched while it started, before any listener could exist.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

let session: ExtensionSession;
const requests: Request[] = [];
const sockets: string[] = [];
beforeAll(async () => {
  session = await launchExtension();
  session.context.on('request', (request) => requests.push(request));
  session.context.on('page', (page) => page.on('websocket', (ws) => sockets.push(ws.url())));
});
afterAll(async () => {
  await session?.close();
});

function describeRequest(request: Request): string {
  let from = 'service worker';
  if (!request.serviceWorker()) {
    try {
      from = request.frame().url();
    } catch {
      from = 'unknown';
    }
  }
  return `${request.method()} ${request.url()} (${request.resourceType()}, from ${from})`;
}

describe('no network traffic from the extension', () => {
  it('reads every carrier’s page and shows the popup without any request of its own', async () => {
    const served = new Set(firstReadable.map((f) => f.expected.url.split('#')[0]!));
    // The carrier pages' own images and styles are the page's traffic, not ours: expected are
    // exactly the subresources each fixture's HTML names (a script of ours adding one would fail).
    const pageOwn = new Set(firstReadable.flatMap((f) => subresourcesOf(f.html, f.expected.url)));
    for (const fixture of firstReadable) await serveCarrierPage(session.context, fixture.expected.url, fixture.html);
    for (const fixture of firstReadable) {
      const page = await session.context.newPage();
      await page.goto(fixture.expected.url);
    }
    await waitFor(async () => {
      const lines = await readStore<{ carrierId: string }>(session.worker, 'lines');
      return new Set(lines.map((l) => l.carrierId)).size === CARRIERS.length;
    }, 'a line of every carrier');

    // A hostile backup whose colour would fetch a URL from a stylesheet: refused on import. And the
    // same value written straight into the database (as an older version might have kept it): the
    // pages draw no such colour, and the CSP would block the fetch anyway.
    const hostileColor = 'url(https://tracker.invalid/p.png)';
    const importer = await session.context.newPage();
    await importer.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const hostile = JSON.stringify({
      format: 'esim-usage-guard-backup', version: 1, exportedAt: Date.UTC(2026, 0, 1),
      lines: [{ id: 1, carrierId: 'movistar-es', lineKey: 'movistar-es:0077', lineDigits: '0077', planName: null, label: 'x', color: hostileColor, hidden: false, pendingConfirmation: false, createdAt: Date.UTC(2026, 0, 1) }],
      readings: [],
    });
    const refused = await importer.evaluate((text) => chrome.runtime.sendMessage({ type: 'import-backup', text, apply: true }), hostile);
    expect(refused).toMatchObject({ ok: false, error: 'invalid backup' });
    expect(refused.detail).toMatch(/color/);
    await importer.close();
    await session.worker.evaluate('globalThis.__name = (f) => f');
    await session.worker.evaluate(
      (color) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('esim-usage-guard');
          open.onsuccess = () => {
            const tx = open.result.transaction('lines', 'readwrite');
            const store = tx.objectStore('lines');
            const all = store.getAll();
            all.onsuccess = () => {
              for (const line of all.result as Array<{ color: string | null }>) store.put({ ...line, color });
            };
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      hostileColor,
    );
    await session.worker.evaluate(() => chrome.alarms.create('overview-recheck', { when: Date.now() }));

    const popup = await openPopup(session);
    await popup.locator('.cards').waitFor();
    await popup.waitForTimeout(500);
    // The options page too, when the build has one (it reads the same data).
    const manifest = JSON.parse(readFileSync(join(CHROME_DIST, 'manifest.json'), 'utf8')) as { options_ui?: { page?: string }; options_page?: string };
    const optionsPath = manifest.options_ui?.page ?? manifest.options_page;
    const pages = [popup];
    if (optionsPath) {
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/${optionsPath}`);
      await options.waitForLoadState('load');
      await options.waitForTimeout(1_000);
      pages.push(options);
    }

    const ownOrigin = `chrome-extension://${session.extensionId}/`;
    const unexpected = requests
      .filter((r) => !r.url().startsWith(ownOrigin))
      .filter((r) => !(served.has(r.url()) && r.isNavigationRequest() && r.resourceType() === 'document'))
      .filter((r) => !(pageOwn.has(r.url()) && !r.serviceWorker() && ['image', 'stylesheet', 'font', 'media'].includes(r.resourceType())))
      .map(describeRequest);
    expect(unexpected).toEqual([]);
    expect(sockets).toEqual([]);
    // The carrier documents were requested (the net above did catch traffic).
    expect(requests.filter((r) => served.has(r.url())).length).toBeGreaterThanOrEqual(served.size);

    const timed = (entries: string[]) => entries.filter((url) => !url.startsWith(ownOrigin));
    const workerResources = await session.worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(timed(workerResources)).toEqual([]);
    for (const page of pages) {
      const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      expect(timed(resources), page.url()).toEqual([]);
    }
  });
});
