import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHistoryInPage } from './in-page';
import { artifactPath, launchExtension, openPopup, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const MOVISTAR = { url: 'https://appweb.movistar.es/home', html: readFileSync(join('tests/fixtures/movistar-es/2026-11-20-capped.html'), 'utf8') };
const ORANGE = { url: 'https://espace-client.orange.fr/mobicarte/credit', html: readFileSync(join('tests/fixtures/orange-fr/2026-11-20-mobicarte-prepaid.html'), 'utf8') };

interface StoredLine {
  id: number;
  carrierId: string;
}

/** Two weeks of earlier readings for a line (see seedHistoryInPage), written in the service worker. */
async function seedHistory(worker: Worker, lineId: number): Promise<void> {
  await worker.evaluate('globalThis.__name = (f) => f');
  await worker.evaluate(seedHistoryInPage, lineId);
}

/** Console errors and uncaught exceptions of a page, collected for the final check. */
function watchErrors(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
}

let session: ExtensionSession;
const errors: string[] = [];
let movistarId = 0;

beforeAll(async () => {
  session = await launchExtension();
  for (const page of [MOVISTAR, ORANGE]) await serveCarrierPage(session.context, page.url, page.html);
  for (const { url } of [MOVISTAR, ORANGE]) {
    const tab = await session.context.newPage();
    await tab.goto(url);
  }
  const lines = await waitFor(async () => {
    const stored = await readStore<StoredLine>(session.worker, 'lines');
    return stored.length >= 2 ? stored : null;
  }, 'two lines');
  movistarId = lines!.find((l) => l.carrierId === 'movistar-es')!.id;
  await seedHistory(session.worker, movistarId);
  // The overview is rebuilt with the seeded history (the card then has a projection)
  await waitFor(
    () => session.worker.evaluate(async () => ((await chrome.storage.local.get('overview')).overview?.cards ?? []).some((c: { outlook?: { status: string } }) => c.outlook?.status !== 'insufficient-data')),
    'the overview with the seeded history',
  );
});
afterAll(async () => {
  await session?.close();
});

describe('popup views: overview → line detail → back → compare (production build, real Chromium)', () => {
  it('shows both carriers, the active tab’s first; opens the detail with its chart; Escape returns; compare', async () => {
    const popup = await openPopup(session);
    watchErrors(popup, errors);
    await popup.locator('.line-card').nth(1).waitFor();
    // The Orange page is the active tab: its line leads, marked
    const first = popup.locator('.line-card').first();
    expect(await first.getAttribute('class')).toContain('from-tab');
    expect(await first.innerText()).toContain('Orange');
    expect(await popup.locator('.tab-status').innerText()).toContain('Orange');
    await popup.screenshot({ path: artifactPath('popup-views-overview-360x600.png') });

    // Keyboard: Tab to the Movistar card, Enter
    const card = popup.locator(`.line-card[data-line-id="${movistarId}"]`);
    await card.focus();
    await popup.keyboard.press('Enter');
    // The page's own location: page.url() learns of a pushState only from a later browser event,
    // which a busy machine can deliver after this line runs.
    await popup.waitForFunction((hash) => location.hash === hash, `#line=${movistarId}`);
    await popup.locator('.trend-chart canvas').first().waitFor();
    await popup.waitForFunction(() => performance.getEntriesByName('esim:chart-drawn').length > 0);
    // The canvas has pixels on it, not just a box
    const painted = await popup.locator('.trend-chart canvas').first().evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
      return { width: canvas.width, ink };
    });
    expect(painted.width).toBeGreaterThan(200);
    expect(painted.ink).toBeGreaterThan(1000);
    expect(await popup.locator('h2.view-title').innerText()).toContain('Movistar ••12');
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('view-title'))).toBe(true);
    const caption = await popup.locator('#trend-summary').innerText();
    expect(caption).toMatch(/days of data/);
    expect(await popup.locator('.u-legend').innerText()).toContain('Used per day');
    expect(await popup.locator('.readings tbody tr').count()).toBeGreaterThan(3);
    await popup.screenshot({ path: artifactPath('popup-views-detail-360x600.png'), fullPage: true });

    await popup.keyboard.press('Escape');
    await popup.locator('.overview').waitFor();
    await popup.waitForFunction(() => location.hash === '');
    await popup.waitForFunction((id) => document.activeElement?.getAttribute('data-line-id') === String(id), movistarId);

    await popup.getByRole('button', { name: 'Compare lines' }).click();
    await popup.locator('.compare-table').waitFor();
    expect(await popup.locator('.compare-table tbody tr').count()).toBe(2);
    expect(await popup.locator('.compare-chart .compare-line').count()).toBeGreaterThanOrEqual(1);
    await popup.screenshot({ path: artifactPath('popup-views-compare-360x600.png'), fullPage: true });
    await popup.getByRole('button', { name: 'Back to all lines' }).click();
    await popup.locator('.overview').waitFor();

    // Wider, as when the popup is opened in a tab
    await popup.setViewportSize({ width: 800, height: 600 });
    await popup.screenshot({ path: artifactPath('popup-views-overview-800x600.png') });
    await card.click({ position: { x: 30, y: 40 } });
    await popup.locator('.trend-chart canvas').first().waitFor();
    await popup.screenshot({ path: artifactPath('popup-views-detail-800x600.png'), fullPage: true });
    await popup.getByRole('button', { name: 'Back to all lines' }).click();
    await popup.getByRole('button', { name: 'Compare lines' }).click();
    await popup.locator('.compare-table').waitFor();
    await popup.screenshot({ path: artifactPath('popup-views-compare-800x600.png'), fullPage: true });
    await popup.close();
  });

  it('opens straight on a line from a notification’s link (popup.html#line=<id>)', async () => {
    const page = await session.context.newPage();
    watchErrors(page, errors);
    await page.goto(`chrome-extension://${session.extensionId}/popup.html#line=${movistarId}`);
    await page.locator('.trend-chart canvas').first().waitFor();
    expect(await page.locator('h2.view-title').innerText()).toContain('Movistar');
    await page.getByRole('button', { name: 'Back to all lines' }).click();
    await page.locator('.overview .line-card').first().waitFor();
    await page.close();
  });

  it('logged no console error and threw nothing', () => {
    expect(errors).toEqual([]);
  });
});
