import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, waitFor } from '../harness';
import { inPage, seedHistoryInPage } from '../in-page';
import { gotoExtension, launchFirefox, openPopup, readStore, textOf, waitInPage, watchErrors, type FirefoxSession } from './harness';

/** The popup's views in Firefox: overview → line detail (keyboard) → back → compare, and a deep link. */
const MOVISTAR = { url: 'https://appweb.movistar.es/home', html: readFileSync(join('tests/fixtures/movistar-es/2026-11-20-capped.html'), 'utf8') };
const ORANGE = { url: 'https://espace-client.orange.fr/mobicarte/credit', html: readFileSync(join('tests/fixtures/orange-fr/2026-11-20-mobicarte-prepaid.html'), 'utf8') };

interface StoredLine {
  id: number;
  carrierId: string;
}

let session: FirefoxSession;
let ext: Page;
let movistarId = 0;
const errors: string[] = [];

beforeAll(async () => {
  session = await launchFirefox();
  ext = await session.openExtensionPage('popup.html');
  for (const page of [MOVISTAR, ORANGE]) {
    session.serve(page.url, page.html);
    await session.openCarrierPage(page.url);
  }
  const lines = await waitFor(async () => {
    const stored = await readStore<StoredLine>(ext, 'lines');
    return stored.length >= 2 ? stored : null;
  }, 'two lines');
  movistarId = lines!.find((l) => l.carrierId === 'movistar-es')!.id;
  expect(await ext.evaluate(inPage(seedHistoryInPage, movistarId))).toBe(true);
  await waitInPage(
    ext,
    `browser.storage.local.get('overview').then((s) => (s.overview?.cards ?? []).some((c) => c.outlook && c.outlook.status !== 'insufficient-data'))`,
    'the overview with the seeded history',
  );
});
afterAll(async () => {
  await session?.close();
});

const hashOf = (page: Page) => page.evaluate(() => location.hash);
const focusedLineId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-line-id') ?? null);

describe('Firefox: popup overview → line detail → back → compare (production build)', () => {
  let popup: Page;

  it('shows both carriers, the active tab’s first', async () => {
    popup = await openPopup(session);
    watchErrors(popup, errors);
    await popup.waitForSelector('.line-card:nth-child(2)');
    await popup.waitForSelector('.tab-status[data-state]');
    const first = await popup.$eval('.line-card', (el) => ({ classes: el.className, text: (el as HTMLElement).innerText }));
    expect(first.classes).toContain('from-tab');
    expect(first.text).toContain('Orange');
    expect(await textOf(popup, '.tab-status')).toContain('Orange');
    await popup.screenshot({ path: artifactPath('firefox-popup-views-overview-360x600.png') });
  });

  it('opens a line’s detail from the keyboard, with its chart drawn', async () => {
    await popup.focus(`.line-card[data-line-id="${movistarId}"]`);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.trend-chart canvas');
    expect(await hashOf(popup)).toBe(`#line=${movistarId}`);
    await waitInPage(popup, `performance.getEntriesByName('esim:chart-drawn').length > 0`, 'the chart drawn');
    // The canvas has pixels on it, not just a box.
    const painted = await popup.$eval('.trend-chart canvas', (canvas) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
      return { width: c.width, ink };
    });
    expect(painted.width).toBeGreaterThan(200);
    expect(painted.ink).toBeGreaterThan(1000);
    expect(await textOf(popup, 'h2.view-title')).toContain('Movistar ••12');
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('view-title'))).toBe(true);
    expect(await textOf(popup, '#trend-summary')).toMatch(/days of data/);
    expect(await textOf(popup, '.u-legend')).toContain('Used per day');
    expect(await popup.$$eval('.readings tbody tr', (rows) => rows.length)).toBeGreaterThan(3);
    await popup.screenshot({ path: artifactPath('firefox-popup-views-detail-360x600.png'), fullPage: true });
  });

  it('returns with Escape, the focus back on the line it left from', async () => {
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('.overview');
    expect(await hashOf(popup)).toBe('');
    await waitFor(async () => (await focusedLineId(popup)) === String(movistarId), 'the focus back on the card');
  });

  it('compares the lines, and Back returns to the overview', async () => {
    await popup.click('.compare-open');
    await popup.waitForSelector('.compare-table');
    expect(await hashOf(popup)).toBe('#compare');
    expect(await popup.$$eval('.compare-table tbody tr', (rows) => rows.length)).toBe(2);
    await popup.waitForSelector('.compare-chart .compare-line');
    await popup.screenshot({ path: artifactPath('firefox-popup-views-compare-360x600.png'), fullPage: true });
    await popup.click('.view-head .back');
    await popup.waitForSelector('.overview .line-card');
    await popup.close();
  });

  it('opens straight on a line from a notification’s link (popup.html#line=<id>)', async () => {
    const page = await session.newPage();
    watchErrors(page, errors);
    await gotoExtension(page, `popup.html#line=${movistarId}`);
    await page.waitForSelector('.trend-chart canvas');
    expect(await textOf(page, 'h2.view-title')).toContain('Movistar');
    await page.click('.view-head .back');
    await page.waitForSelector('.overview .line-card');
    await page.close();
  });

  it('logged no console error and threw nothing', () => {
    expect(errors).toEqual([]);
  });
});
