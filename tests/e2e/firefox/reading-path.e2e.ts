import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARRIERS } from '@/lib/carriers';
import { firstReadable } from '../carrier-pages';
import { artifactPath, waitFor } from '../harness';
import { badgeOf, contentStatus, launchFirefox, openPopup, readStore, textOf, watchErrors, type FirefoxSession } from './harness';

/**
 * The reading path in Firefox, one browser for the whole file (start-up is most of the cost):
 * carrier page → content script → background → IndexedDB → badge and popup. The tests run in
 * order on one profile, from the pages that must store nothing to the ones that store.
 */
const movistar = (name: string) => readFileSync(join('tests/fixtures/movistar-es', name), 'utf8');
const GB = 1024 ** 3;

interface StoredLine {
  id: number;
  carrierId: string;
  lineDigits: string | null;
}
interface StoredReading {
  lineId: number;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  generic: boolean;
  confirmedAt: number;
}

let session: FirefoxSession;
/** An extension page kept open in a background tab, to read IndexedDB and the badge. */
let ext: Page;
const errors: string[] = [];

beforeAll(async () => {
  session = await launchFirefox();
  ext = await session.openExtensionPage('popup.html');
});
afterAll(async () => {
  await session?.close();
});

/** The popup beside the carrier tab, once the tab's content script has read the page. */
async function popupWithTabStatus(carrierId = 'movistar-es'): Promise<Page> {
  await waitFor(() => contentStatus(ext, carrierId), `the ${carrierId} content script`);
  const popup = await openPopup(session);
  watchErrors(popup, errors);
  await popup.waitForSelector('.tab-status[data-state]');
  return popup;
}

describe('Firefox: carrier page → IndexedDB → badge and popup (production build)', () => {
  it('says “signed out” on a sign-in page and stores nothing', async () => {
    session.serve('https://mi.movistar.es/login', movistar('2026-11-20-logged-out.html'));
    const page = await session.openCarrierPage('https://mi.movistar.es/login');
    const popup = await popupWithTabStatus();
    expect(await textOf(popup, '.tab-status')).toContain('Movistar: you are signed out');
    expect(await readStore(ext, 'readings')).toEqual([]);
    expect(await readStore(ext, 'lines')).toEqual([]);
    expect((await badgeOf(ext)).text).toBe('');
    await popup.close();
    await page.close();
  });

  it('stores nothing from a page that is not a usage page, and says so', async () => {
    session.serve('https://mi.movistar.es/tarifas', movistar('2026-11-20-marketing.html'));
    const page = await session.openCarrierPage('https://mi.movistar.es/tarifas');
    const popup = await popupWithTabStatus();
    expect(await textOf(popup, '.tab-status')).toContain('Movistar: this is not a usage page');
    expect(await textOf(popup)).toContain('No lines yet');
    expect(await readStore(ext, 'readings')).toEqual([]);
    await popup.screenshot({ path: artifactPath('firefox-popup-empty-360x600.png') });
    await popup.close();
    await page.close();
  });

  it('reads a Movistar usage page, stores it, shows it on the badge and in the popup; a reload stores nothing new', async () => {
    session.serve('https://appweb.movistar.es/home', movistar('2026-11-20-capped.html'));
    const page = await session.openCarrierPage('https://appweb.movistar.es/home');
    const readings = await waitFor(() => readStore<StoredReading>(ext, 'readings'), 'a stored reading');
    expect(readings).toHaveLength(1);
    expect(readings[0]).toMatchObject({ usedBytes: 3.5 * GB, totalBytes: 20 * GB, unlimited: false, generic: false });
    expect(await readStore(ext, 'lines')).toEqual([expect.objectContaining({ carrierId: 'movistar-es', lineDigits: '0012' })]);

    const badge = await waitFor(async () => {
      const current = await badgeOf(ext);
      return current.text ? current : null;
    }, 'the badge');
    expect(badge!.text).toBe('17%');
    expect(badge!.title).toBe('eSIM Usage Guard\nMovistar ••12: 17% used');

    const popup = await popupWithTabStatus();
    await popup.waitForSelector('.line-card');
    const text = await textOf(popup);
    expect(text).toContain('Movistar ••12');
    expect(text).toContain('3.5 GB of 20 GB');
    expect(text).toContain('17%');
    expect(text).toMatch(/read (just now|\d+ seconds? ago)/);
    expect(await textOf(popup, '.tab-status')).toContain('Movistar: read 1 line from this page');
    await popup.screenshot({ path: artifactPath('firefox-popup-movistar-360x600.png') });
    await popup.close();

    // The same figures read again confirm the reading (its confirmedAt moves) and add none.
    const before = readings[0]!.confirmedAt;
    await page.reload();
    const again = await waitFor(async () => {
      const rows = await readStore<StoredReading>(ext, 'readings');
      return rows.some((r) => r.confirmedAt > before) ? rows : null;
    }, 'the reading confirmed again');
    expect(again).toHaveLength(1);
    await page.close();
  });

  it('waits for figures that a single-page app renders late, then stores them', async () => {
    // The shell renders its figures only when the test says so: nothing depends on a timer.
    const capped = movistar('2026-11-20-capped.html').replaceAll('3,5 GB', '9 GB');
    const inner = /<main>([\s\S]*)<\/main>/.exec(capped)![1]!;
    const shell = capped
      .replace(/<main>[\s\S]*<\/main>/, '<main id="late"></main>')
      .replace('</body>', `<script>window.renderUsage = () => { document.getElementById('late').innerHTML = ${JSON.stringify(inner)}; };</script></body>`);
    session.serve('https://appweb.movistar.es/consumo', shell);
    const page = await session.openCarrierPage('https://appweb.movistar.es/consumo');
    // The content script has read the empty shell (the popup got its answer) and sent nothing.
    const popup = await popupWithTabStatus();
    expect(await popup.$eval('.tab-status', (el) => el.getAttribute('data-state'))).not.toMatch(/^(read|unchanged)$/);
    await popup.close();
    expect(await readStore(ext, 'readings')).toHaveLength(1);

    await page.evaluate(() => (window as unknown as { renderUsage(): void }).renderUsage());
    const readings = await waitFor(async () => {
      const rows = await readStore<StoredReading>(ext, 'readings');
      return rows.length === 2 ? rows : null;
    }, 'the late reading');
    expect(readings!.map((r) => r.usedBytes).sort()).toEqual([3.5 * GB, 9 * GB].sort());
    await waitFor(async () => (await badgeOf(ext)).text === '45%', 'the badge at 9 of 20 GB');
    await page.close();
  });

  it('reads every other carrier’s page through its own content script', async () => {
    expect(firstReadable.map((f) => f.carrierId)).toEqual(CARRIERS.map((c) => c.id));
    // Movistar ES was read above, from the same fixture. The others are of other carriers each:
    // open them all, then check each one's readings (the steadiness waits run side by side).
    const others = firstReadable.filter((f) => f.carrierId !== 'movistar-es');
    const pages: Page[] = [];
    for (const fixture of others) {
      session.serve(fixture.expected.url, fixture.html);
      pages.push(await session.openCarrierPage(fixture.expected.url));
    }
    for (const fixture of others) {
      const expected = fixture.expected.result.readings;
      const stored = await waitFor(async () => {
        const lines = (await readStore<StoredLine>(ext, 'lines')).filter((l) => l.carrierId === fixture.carrierId);
        const rows = (await readStore<StoredReading>(ext, 'readings')).filter((r) => lines.some((l) => l.id === r.lineId));
        return rows.length >= expected.length ? rows : null;
      }, `${fixture.carrierId} readings`);
      expect(stored!.map((r) => [r.usedBytes, r.totalBytes, r.unlimited, r.generic]).sort(), fixture.name).toEqual(
        expected.map((r) => [r.usedBytes, r.totalBytes, r.unlimited, false]).sort(),
      );
    }
    for (const page of pages) await page.close();
  });

  it('logged no console error in the popup and threw nothing', () => {
    expect(errors).toEqual([]);
  });
});
