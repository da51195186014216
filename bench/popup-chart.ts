import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { median, percentile } from './stats';
import { seed } from './popup-ready';

const DIST = resolve(process.env.BENCH_DIST ?? '.output/chrome-mv3');
/** Openings per scenario: each one a fresh popup, so the detail's chunk is never cached in the page. */
const RUNS = Number(process.env.BENCH_CHART_RUNS ?? 11);
/** How long a person's pointer rests on a card before the click (the hovered variant). */
const HOVER_MS = 300;

interface Scenario {
  /** Suffix of the metric names ('' for the budgeted one). */
  key: string;
  lines: number;
  days: number;
  /** Also time the "1 year" switch. */
  year: boolean;
  /** Also time openings after the pointer has rested on the card for a moment, as a person's does before clicking. */
  hover: boolean;
}

/** 3 lines × 4 weeks is what the budget (popup_chart_ms) is about; 1 line × a year is the heaviest read. */
const SCENARIOS: Scenario[] = [
  { key: '', lines: 3, days: 28, year: false, hover: true },
  { key: '_1y', lines: 1, days: 365, year: true, hover: false },
];

interface Timing {
  /** Card clicked → chart drawn: the detail's chunk, IndexedDB opened, the analysis window read and analysed, uPlot drawn. */
  open: number;
  /** "1 year" pressed → the year's chart drawn (the rest of the year is read just after the first chart). */
  year: number | null;
  /** Each performance mark of the opening, in ms after the click (what the breakdown is made of). */
  marks: Record<string, number>;
}


/**
 * One popup: wait for the numbers, open the first line's detail at once (the cold path: its chunk
 * is not prefetched yet), time until the chart has drawn, then (optionally) switch to the whole year.
 * With `hoverMs`, the pointer first rests that long on the card. Times are read inside the page
 * from performance marks, so the driver's latency is not counted.
 */
async function timeOnce(context: BrowserContext, id: string, year: boolean, hoverMs = 0): Promise<Timing> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/popup.html`);
  await page.waitForFunction(() => performance.getEntriesByName('esim:lines-shown').length > 0, undefined, { timeout: 30_000, polling: 20 });
  // Bench-only, injected here: the first frame after the chart's draw (when it reaches the screen).
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(() => {
    const watch = () => (performance.getEntriesByName('esim:chart-drawn').length ? requestAnimationFrame(() => performance.mark('bench:chart-frame')) : requestAnimationFrame(watch));
    requestAnimationFrame(watch);
  });
  const card = page.locator('.line-card .figures').first();
  if (hoverMs) {
    await card.hover();
    await page.waitForTimeout(hoverMs);
  }
  await card.click();
  await page.waitForFunction(() => performance.getEntriesByName('bench:chart-frame').length > 0, undefined, { timeout: 30_000, polling: 20 });
  const { open, marks } = await page.evaluate(() => {
    const t0 = performance.getEntriesByName('esim:detail-open')[0]!.startTime;
    const marks: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark')) if (m.startTime >= t0 && !(m.name in marks)) marks[m.name] = m.startTime - t0;
    return { open: performance.getEntriesByName('esim:chart-drawn')[0]!.startTime - t0, marks };
  });
  let yearMs: number | null = null;
  if (year) {
    // Marked in the page when the click arrives, so the driver's own latency is not counted.
    await page.evaluate(() =>
      document.addEventListener('click', (e) => (e.target as Element).closest?.('.ranges button:last-child') && performance.mark('bench:year'), { capture: true, once: true }),
    );
    await page.getByRole('button', { name: '1 year' }).click();
    // Drawn from the whole year (the older readings are read right after the first chart).
    await page.waitForFunction(() => Number(document.querySelector('figure.chart')?.getAttribute('data-days')) > 300, undefined, { timeout: 30_000, polling: 20 });
    yearMs = await page.evaluate(() => performance.getEntriesByName('esim:chart-drawn').at(-1)!.startTime - performance.getEntriesByName('bench:year')[0]!.startTime);
  }
  await page.close();
  return { open, year: yearMs, marks };
}

async function runScenario(scenario: Scenario): Promise<Record<string, number>> {
  const profile = mkdtempSync(join(tmpdir(), 'esim-guard-bench-chart-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 360, height: 600 },
    args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    await context.route(/^https?:\/\//, (route) => route.abort());
    const id = await seed(context, scenario.lines, scenario.days * 24);
    // The background rebuilds the overview after seeding; wait until it lists the lines.
    const probe = await context.newPage();
    await probe.goto(`chrome-extension://${id}/popup.html`);
    await probe.waitForFunction((n) => document.querySelectorAll('.line-card').length === n, scenario.lines, { timeout: 60_000 });
    await probe.close();
    const runs: Timing[] = [];
    const hovered: Timing[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await timeOnce(context, id, scenario.year));
      if (scenario.hover) hovered.push(await timeOnce(context, id, false, HOVER_MS));
    }
    if (process.env.BENCH_CHART_PHASES) {
      printPhases(`${scenario.lines} line(s) × ${scenario.days} days`, runs);
      if (hovered.length) printPhases(`${scenario.lines} line(s) × ${scenario.days} days, after ${HOVER_MS} ms over the card`, hovered);
    }
    const round = (n: number) => Math.round(n);
    const opens = runs.map((r) => r.open);
    const result: Record<string, number> = {
      [`popup_chart${scenario.key}_ms`]: round(median(opens)),
      [`popup_chart${scenario.key}_p90_ms`]: round(percentile(opens, 90)),
    };
    if (scenario.year) result.popup_chart_year_ms = round(median(runs.map((r) => r.year!)));
    if (hovered.length) result[`popup_chart${scenario.key}_hover_ms`] = round(median(hovered.map((r) => r.open)));
    return result;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Each mark's median time after the click, in order (BENCH_CHART_PHASES=1). */
function printPhases(title: string, runs: Timing[]) {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.marks)))];
  const rows = names.map((name) => ({ name, at: median(runs.map((r) => r.marks[name]).filter((v): v is number => v !== undefined)) })).sort((a, b) => a.at - b.at);
  console.log(`\npopup chart, ${title}, ${runs.length} openings (median ms after the click):`);
  let prev = 0;
  for (const { name, at } of rows) {
    console.log(`  ${name.padEnd(24)} ${at.toFixed(1).padStart(7)}  (+${(at - prev).toFixed(1)})`);
    prev = at;
  }
  console.log(`  opens: ${runs.map((r) => Math.round(r.open)).join(' ')}`);
}

/**
 * popup_chart_ms / popup_chart_p90_ms: with 3 lines × 4 weeks of hourly readings stored, the first
 * line's detail from the click on its card to its drawn chart (default period), median and 90th
 * percentile over several openings; popup_chart_1y_ms / _p90_ms: the same with 1 line × a year;
 * popup_chart_year_ms: there, from "1 year" to the year's chart drawn; popup_chart_hover_ms: 3 lines
 * × 4 weeks again, the pointer resting on the card for HOVER_MS before the click (not budgeted).
 */
export async function measure(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  for (const scenario of SCENARIOS) Object.assign(results, await runScenario(scenario));
  return results;
}
