/**
 * `npm run demo`: builds the extension, starts Chromium with it on a fresh profile (headless when
 * there is no display), fills it with a few weeks of made-up history for three lines of three
 * carriers THROUGH THE IMPORT PATH (the `import-backup` UI action, sent from an extension page as
 * the options page does), visits the carriers' demo pages (fixture HTML served at their real
 * URLs; nothing reaches a network), and writes screenshots of the overview, a line detail, the
 * compare view and the options page to demo-output/.
 */
import { execSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const DIST = resolve('.output/chrome-mv3');
const OUT = resolve('demo-output');
const DOCS = resolve('docs/screenshots');
const GB = 1024 ** 3;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The demo lines: each one's carrier page (a fixture, its dates moved so that the cycle contains
 * today whatever today is) and the history that leads up to it. `daysLeft` is where today falls in
 * the cycle; `retime` writes the cycle's end into the page the way that carrier prints it.
 */
const LINES = [
  {
    carrierId: 'movistar-es', digits: '0012', planName: null, label: 'Work phone', color: '#0969da',
    fixture: 'movistar-es/2026-11-20-capped', cycleDays: 30, daysLeft: 12, perDayGb: 0.22, leak: false,
    // "cierra en 12 días" is already relative to the day the page is read.
    retime: (html: string) => html,
  },
  {
    carrierId: 'orange-fr', digits: '0090', planName: 'Mobicarte Pass 5G 10 Go', label: null, color: '#bc4c00',
    fixture: 'orange-fr/2026-11-20-mobicarte-prepaid', cycleDays: 30, daysLeft: 25, perDayGb: 0.3, leak: false,
    retime: (html: string, end: Date) => html.replace(/\d{2}\/\d{2}\/\d{4}/g, `${pad(end.getDate())}/${pad(end.getMonth() + 1)}/${end.getFullYear()}`),
  },
  {
    carrierId: 'cmhk', digits: '0034', planName: '5G 1-Card-3-Region Plan 20GB', label: 'Travel eSIM', color: '#1a7f37',
    fixture: 'cmhk/2026-11-20-en-table', cycleDays: 30, daysLeft: 9, perDayGb: 0.35, leak: true,
    retime: (html: string, end: Date) => html.replace(/\d{4}\.\d{2}\.\d{2}/g, `${end.getFullYear()}.${pad(end.getMonth() + 1)}.${pad(end.getDate())}`),
  },
] as const;

/** Local midnight `days` days after today: when the demo line's cycle ends. */
function cycleEndOf(line: (typeof LINES)[number], now: number): number {
  const today = new Date(now);
  return new Date(today.getFullYear(), today.getMonth(), today.getDate() + line.daysLeft).getTime();
}

interface Expected {
  url: string;
  result: { ok: true; readings: Array<{ bucket: string; usedBytes: number; totalBytes: number; periodEnd: string | null }> };
}

/** A small seeded generator: the same demo every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** More use in the evening, little at night: the shape of a phone's day. */
const HOUR_WEIGHTS = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 0.9, 1.1, 1, 0.9, 1, 1.2, 1.1, 0.9, 0.9, 1, 1.2, 1.5, 1.9, 2.1, 2, 1.5, 0.8];
const WEIGHT_SUM = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

/** About four weeks of readings before the page's own figure, with a cycle reset and (for one line) a night of unusual use. */
function historyFor(line: (typeof LINES)[number], lineId: number, page: Expected['result']['readings'][number], now: number) {
  const next = random(lineId * 7919);
  const cycleEnd = cycleEndOf(line, now);
  const cycleStart = cycleEnd - line.cycleDays * DAY;
  const from = now - 27 * DAY;
  // Hour by hour use, then the cumulative figure a carrier page would show at any moment.
  const hours: number[] = [];
  let dayFactor = 1;
  // Last night (by yesterday's date), something (a backup, an update, a hotspot left on) used a gigabyte.
  const leakDate = new Date(now - DAY).toDateString();
  const isLeakNight = (t: number) => new Date(t).toDateString() === leakDate;
  for (let t = from; t < now; t += HOUR) {
    const date = new Date(t);
    if (date.getHours() === 0 || hours.length === 0) dayFactor = 0.6 + next() * 0.8;
    let bytes = ((line.perDayGb * GB) / WEIGHT_SUM) * HOUR_WEIGHTS[date.getHours()]! * dayFactor;
    if (line.leak && isLeakNight(t) && date.getHours() >= 1 && date.getHours() <= 4) bytes += 0.25 * GB;
    hours.push(bytes);
  }
  const inCycle = (t: number) => (t >= cycleStart ? 'current' : 'previous');
  // Scale the current cycle so that its last hour meets the page's figure.
  const currentRaw = hours.reduce((sum, b, i) => (inCycle(from + i * HOUR) === 'current' ? sum + b : sum), 0);
  const scale = currentRaw > 0 ? (page.usedBytes * 0.985) / currentRaw : 1;
  const readings = [];
  let used = (line.cycleDays - (cycleStart - from) / DAY) * line.perDayGb * GB * 0.9; // already used earlier in the previous cycle
  let cycle = inCycle(from);
  let nextReading = from;
  for (let i = 0; i < hours.length; i++) {
    const t = from + i * HOUR;
    if (inCycle(t) !== cycle) {
      cycle = inCycle(t);
      used = 0;
    }
    used += cycle === 'current' ? hours[i]! * scale : hours[i]!;
    // Around the leak the user happened to look late at night and first thing in the morning.
    const bracket = line.leak && isLeakNight(t) && (new Date(t).getHours() === 0 || new Date(t).getHours() === 6);
    if ((t >= nextReading || bracket) && t < now - 2 * HOUR) {
      const bytes = Math.min(Math.round(used), page.totalBytes);
      const periodEnd = cycle === 'current' ? cycleEnd : cycleStart;
      readings.push({
        lineId, bucket: 'data', capturedAt: t, confirmedAt: t, usedBytes: bytes, totalBytes: page.totalBytes, unlimited: false,
        remainingBytes: page.totalBytes - bytes, periodEnd, pageSaysUpdatedAt: null, overage: false, source: 'page', generic: false,
      });
      // The user glances at the carrier page a few times a day, less at night.
      nextReading = t + (3 + Math.floor(next() * 5)) * HOUR;
    }
  }
  return readings;
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const path = join(OUT, name);
  await page.screenshot({ path, fullPage });
  console.log(`  ${path}`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--no-build') && existsSync(join(DIST, 'manifest.json'))) console.log('Using the existing build.');
  else execSync('npx wxt build', { stdio: 'inherit' });
  mkdirSync(OUT, { recursive: true });
  const headless = !process.env.DISPLAY;
  const profile = mkdtempSync(join(tmpdir(), 'esim-guard-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '/usr/lib/chromium/chromium'),
    headless,
    viewport: { width: 360, height: 600 },
    args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    // Nothing leaves the machine: every request is answered here or refused.
    await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const now = Date.now();

    const expected = LINES.map((line) => JSON.parse(readFileSync(join('tests/fixtures', `${line.fixture}.expected.json`), 'utf8')) as Expected);
    const backup = {
      format: 'esim-usage-guard-backup',
      version: 1,
      exportedAt: now,
      lines: LINES.map((line, i) => ({
        id: i + 1, carrierId: line.carrierId, lineKey: `${line.carrierId}:${line.digits}`, lineDigits: line.digits, planName: line.planName,
        label: line.label, color: line.color, hidden: false, pendingConfirmation: false, createdAt: now - 60 * DAY,
      })),
      readings: LINES.flatMap((line, i) => historyFor(line, i + 1, expected[i]!.result.readings.find((r) => r.bucket === 'data')!, now)),
    };

    console.log(`Importing ${backup.readings.length} readings of ${backup.lines.length} lines through import-backup…`);
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${id}/popup.html`);
    const reply = await ext.evaluate((text) => chrome.runtime.sendMessage({ type: 'import-backup', text, apply: true }), JSON.stringify(backup));
    if (!reply?.ok) throw new Error(`import-backup failed: ${JSON.stringify(reply)}`);
    console.log('  imported:', JSON.stringify(reply.counts));
    await ext.close();

    console.log('Visiting the demo carrier pages…');
    for (const [i, line] of LINES.entries()) {
      const { url } = expected[i]!;
      const html = line.retime(readFileSync(join('tests/fixtures', `${line.fixture}.html`), 'utf8'), new Date(cycleEndOf(line, now)));
      await context.route(url.split('#')[0]!, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      const tab = await context.newPage();
      await tab.setViewportSize({ width: 1000, height: 700 });
      await tab.goto(url);
      await tab.waitForTimeout(1_500);
      console.log(`  ${url}`);
    }

    // The popup as the toolbar button shows it: a window of its own beside the last carrier tab.
    const popupUrl = `chrome-extension://${id}/popup.html`;
    const opened = context.waitForEvent('page', (p) => p.url().startsWith(popupUrl));
    await worker.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 360, height: 600 }), popupUrl);
    const popup = await opened;
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.locator('.line-card').nth(LINES.length - 1).waitFor({ timeout: 30_000 });
    await popup.waitForFunction(() => performance.getEntriesByName('esim:lines-shown').length > 0);
    console.log('Screenshots:');
    await shot(popup, 'overview.png', false);

    await popup.locator('.line-card', { hasText: 'Travel eSIM' }).locator('.figures').click();
    await popup.locator('.trend-chart canvas').first().waitFor();
    await popup.waitForTimeout(300);
    await shot(popup, 'line-detail.png');

    await popup.getByRole('button', { name: 'Back to all lines' }).click();
    await popup.getByRole('button', { name: 'Compare lines' }).click();
    await popup.locator('.compare-table').waitFor();
    await popup.waitForTimeout(500); // the trails follow the points
    await shot(popup, 'compare.png');
    await popup.getByRole('button', { name: 'Back to all lines' }).click();

    const options = await context.newPage();
    await options.setViewportSize({ width: 800, height: 600 });
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.waitForLoadState('networkidle').catch(() => undefined);
    await options.waitForTimeout(800);
    await shot(options, 'options.png');

    mkdirSync(DOCS, { recursive: true });
    for (const name of ['overview.png', 'line-detail.png', 'compare.png', 'options.png']) copyFileSync(join(OUT, name), join(DOCS, name));
    console.log(`Copied to ${DOCS}`);

    if (!headless) {
      console.log('Chromium stays open with the demo data: close its window to finish.');
      await new Promise<void>((done) => context.on('close', () => done()));
    }
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
