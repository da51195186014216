import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARRIERS } from '@/lib/carriers';
import { firstReadable, subresourcesOf } from '../carrier-pages';
import { waitFor } from '../harness';
import { launchFirefox, ORIGIN, readStore, watchErrors, type FirefoxSession } from './harness';

/**
 * "Nothing leaves the browser", observed in Firefox (as tests/e2e/no-network.e2e.ts in Chromium):
 * while every carrier's page is read and the popup and the options page are open, every request a
 * tab makes is recorded by the interception, and the background page's, the popup's and the
 * options page's own Resource Timing buffers are read (they hold whatever those pages fetched,
 * whoever watched). Allowed are only the carrier documents themselves (the test serves them), the
 * images and styles their HTML names, and the add-on's own files.
 *
 * A third net catches what no tab shows (the background page's own requests): Firefox's proxy is a
 * recorder here, so every connection that would leave the browser, from any context, is seen.
 * Only Firefox's own services (remote settings, the captive-portal check) may appear there.
 */
// The extension APIs as seen inside an extension page (evaluated there, not in Node).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const browser: any;

const errors: string[] = [];
/** The first line of every connection Firefox opened through its proxy ("CONNECT host:443 …"). */
const leaving: string[] = [];
const recorder = createServer((socket) => {
  socket.once('data', (chunk) => {
    leaving.push(chunk.toString('latin1').split('\r\n')[0]!);
    socket.destroy();
  });
  socket.on('error', () => undefined);
});
const FIREFOX_OWN = /^(CONNECT |GET http:\/\/)[\w.-]+\.(mozilla\.(com|net|org)|firefox\.com)[:/]/;

let session: FirefoxSession;
beforeAll(async () => {
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  session = await launchFirefox({ proxyPort: (recorder.address() as AddressInfo).port });
});
afterAll(async () => {
  await session?.close();
  recorder.close();
});

/** The URLs in a page's Resource Timing buffer that are not the add-on's own. */
const foreign = (urls: string[]) => urls.filter((url) => !url.startsWith(`${ORIGIN}/`));

describe('Firefox: no network traffic from the add-on (production build)', () => {
  it('reads every carrier’s page and shows the popup and options without any request of its own', async () => {
    const ext = await session.openExtensionPage('popup.html');
    const served = new Set(firstReadable.map((f) => f.expected.url.split('#')[0]!));
    const pageOwn = new Set(firstReadable.flatMap((f) => subresourcesOf(f.html, f.expected.url)));
    // Firefox asks each tab's site for its icon: the browser's traffic for the page, not ours.
    const favicons = new Set(firstReadable.map((f) => new URL('/favicon.ico', f.expected.url).href));
    for (const fixture of firstReadable) session.serve(fixture.expected.url, fixture.html);
    for (const fixture of firstReadable) await session.openCarrierPage(fixture.expected.url);
    await waitFor(async () => {
      const lines = await readStore<{ carrierId: string }>(ext, 'lines');
      return new Set(lines.map((l) => l.carrierId)).size === CARRIERS.length ? true : null;
    }, 'a line of every carrier');
    // A refresh of everything, as the periodic alarm does: badge, overview, notifications.
    await ext.evaluate(() => browser.alarms.create('overview-recheck', { when: Date.now(), periodInMinutes: 30 }));

    const popup = await session.openExtensionPage('popup.html');
    watchErrors(popup, errors);
    await popup.waitForSelector('.cards');
    const options = await session.openExtensionPage('options.html');
    watchErrors(options, errors);
    await options.waitForSelector('.lines-table');

    const unexpected = session.requests
      .filter((r) => !r.url.startsWith(`${ORIGIN}/`))
      // A data: URL is decoded in place: nothing goes out.
      .filter((r) => !r.url.startsWith('data:'))
      .filter((r) => !(favicons.has(r.url) && !r.navigation))
      .filter((r) => !(served.has(r.url.split('#')[0]!) && r.navigation))
      .filter((r) => !(pageOwn.has(r.url) && !r.navigation && r.from !== 'unknown' && !r.from.startsWith(ORIGIN)))
      .map((r) => `${r.method} ${r.url} (${r.navigation ? 'navigation' : 'subresource'}, from ${r.from})`);
    expect(unexpected).toEqual([]);
    // The carrier documents were requested: the net above did catch traffic.
    expect(session.requests.filter((r) => served.has(r.url.split('#')[0]!)).length).toBeGreaterThanOrEqual(served.size);

    const background = (await ext.evaluate(async () =>
      (await browser.runtime.getBackgroundPage()).performance.getEntriesByType('resource').map((e: { name: string }) => e.name),
    )) as string[];
    expect(foreign(background)).toEqual([]);
    for (const page of [popup, options, ext]) {
      const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      expect(foreign(resources), page.url()).toEqual([]);
    }
    // Whatever tried to leave the browser: only Firefox's own services, never the add-on.
    expect(leaving.filter((line) => !FIREFOX_OWN.test(line))).toEqual([]);
    // The recorder does see what leaves: a tab outside the interception, sent somewhere.
    const unguarded = await session.newUnguardedTab();
    await unguarded.goto('https://control.invalid/').catch(() => null);
    await waitFor(async () => (leaving.some((line) => line.startsWith('CONNECT control.invalid:443')) ? true : null), 'the control request recorded');
    await unguarded.close();
    expect(errors).toEqual([]);
  });
});
