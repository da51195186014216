import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { seed } from './popup-ready';
import { median } from './stats';

const DIST = resolve('.output/chrome-mv3');
const RUNS = 7;

interface Timing {
  /** Card clicked → chart drawn: the detail's chunk, IndexedDB opened, the analysis window read and analysed, uPlot drawn. */
  open: number;
  /** "1 year" pressed → the year's chart drawn (the rest of the year is read just after the first chart). */
  year: number;
}

/**
 * One popup: wait for the numbers, open the first line's detail at once (the cold path: its chunk
 * is not prefetched yet), time until the chart has drawn, then switch to the whole year.
 * Times are read inside the page from performance marks, so the driver's latency is not counted.
 */
async function timeOnce(context: BrowserContext, id: string): Promise<Timing> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/popup.html`);
  await page.waitForFunction(() => performance.getEntriesByName('esim:lines-shown').length > 0, undefined, { timeout: 30_000, polling: 20 });
  await page.locator('.line-card .figures').first().click();
  await page.waitForFunction((n) => performance.getEntriesByName('esim:chart-drawn').length >= n, 1, { timeout: 30_000, polling: 20 });
  const open = await page.evaluate(() => performance.getEntriesByName('esim:chart-drawn')[0]!.startTime - performance.getEntriesByName('esim:detail-open')[0]!.startTime);
  await page.evaluate(() => performance.mark('bench:year'));
  await page.getByRole('button', { name: '1 year' }).click();
  // Drawn from the whole year (the older readings are read right after the first chart).
  await page.waitForFunction(() => Number(document.querySelector('figure.chart')?.getAttribute('data-days')) > 300, undefined, { timeout: 30_000, polling: 20 });
  const year = await page.evaluate(() => performance.getEntriesByName('esim:chart-drawn').at(-1)!.startTime - performance.getEntriesByName('bench:year')[0]!.startTime);
  await page.close();
  return { open, year };
}

/**
 * popup_chart_ms: with 5 lines × a year of hourly readings stored, the first line's detail from
 * the click on its card to its drawn chart (default period); popup_chart_year_ms: from "1 year"
 * to the year's chart drawn.
 */
export async function measure(): Promise<Record<string, number>> {
  const profile = mkdtempSync(join(tmpdir(), 'esim-guard-bench-chart-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 360, height: 600 },
    args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    await context.route(/^https?:\/\//, (route) => route.abort());
    const id = await seed(context);
    // The background rebuilds the overview after seeding; wait until it lists the lines.
    const probe = await context.newPage();
    await probe.goto(`chrome-extension://${id}/popup.html`);
    await probe.waitForFunction(() => document.querySelectorAll('.line-card').length === 5, undefined, { timeout: 60_000 });
    await probe.close();
    const runs: Timing[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timeOnce(context, id));
    return {
      popup_chart_ms: Math.round(median(runs.map((r) => r.open))),
      popup_chart_year_ms: Math.round(median(runs.map((r) => r.year))),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
