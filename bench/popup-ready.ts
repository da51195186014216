import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { median } from './stats';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const DIST = resolve('.output/chrome-mv3');
const BLANK = resolve('bench/blank-extension');
const LINES = 5;
const HOURS = 24 * 365;
const RUNS = 9;

type Probe = (lines: number) => number | false | undefined;

/**
 * Opens `url` in a fresh tab and returns the in-page time (ms since navigation start) that `probe`
 * reports. Probes are functions, not strings: extension pages forbid eval.
 */
async function timeIn(context: BrowserContext, url: string, probe: Probe): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  const ms = await page.waitForFunction(probe, LINES, { timeout: 30_000, polling: 50 }).then((h) => h.jsonValue());
  await page.close();
  return Number(ms);
}

const firstPaint: Probe = () =>
  (performance.getEntriesByName('first-paint')[0] ?? performance.getEntriesByName('first-contentful-paint')[0])?.startTime;
const linesShown: Probe = (lines) =>
  document.querySelectorAll('.line-card').length === lines && performance.getEntriesByName('esim:lines-shown')[0]?.startTime;

/**
 * Fills the extension's database with `lines` lines × `hours` of hourly readings (by default 5 lines
 * × a year), inside its worker; returns the extension's id. The popup benches share it.
 */
export async function seed(context: BrowserContext, lines = LINES, hours = HOURS): Promise<string> {
  const worker = context.serviceWorkers().find((w) => w.url().includes('background')) ?? (await context.waitForEvent('serviceworker'));
  // tsx (esbuild, keepNames) wraps inner functions in a `__name` helper the worker does not have.
  await worker.evaluate('globalThis.__name = (f) => f');
  await worker.evaluate(
    async ({ lines, hours }) => {
      const open = () =>
        new Promise<IDBDatabase>((res, rej) => {
          const request = indexedDB.open('esim-usage-guard');
          request.onsuccess = () => res(request.result);
          request.onerror = () => rej(request.error);
        });
      // The background creates the schema at start; wait until it exists.
      let db = await open();
      for (let i = 0; i < 100 && !db.objectStoreNames.contains('readings'); i++) {
        db.close();
        await new Promise((r) => setTimeout(r, 100));
        db = await open();
      }
      const tx = db.transaction(['lines', 'readings'], 'readwrite');
      const start = Date.now() - hours * 3_600_000;
      const GB = 1024 ** 3;
      for (let l = 1; l <= lines; l++) {
        tx.objectStore('lines').add({ id: l, carrierId: 'movistar-es', lineKey: `movistar-es:00${l}0`, lineDigits: `00${l}0`, planName: null, label: null, color: null, hidden: false, pendingConfirmation: false, createdAt: start });
        for (let h = 0; h < hours; h++) {
          const t = start + h * 3_600_000;
          const used = Math.round(((h % 720) / 720) * 18 * GB);
          tx.objectStore('readings').add({ lineId: l, bucket: 'data', capturedAt: t, confirmedAt: t, usedBytes: used, totalBytes: 20 * GB, unlimited: false, remainingBytes: 20 * GB - used, periodEnd: null, pageSaysUpdatedAt: null, overage: false, source: 'import', generic: false });
        }
      }
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
      // Have the background rebuild the overview from the seeded readings, as after any change.
      await chrome.alarms.create('overview-recheck', { when: Date.now() });
    },
    { lines, hours },
  );
  return new URL(worker.url()).host;
}

export async function measure(): Promise<Record<string, number>> {
  const profile = mkdtempSync(join(tmpdir(), 'esim-guard-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [`--disable-extensions-except=${DIST},${BLANK}`, `--load-extension=${DIST},${BLANK}`, '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    await context.route(/^https?:\/\//, (route) => route.abort());
    const id = await seed(context);
    const blankId = unpackedExtensionId(BLANK);
    const ready: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      blank.push(await timeIn(context, `chrome-extension://${blankId}/blank.html`, firstPaint));
      ready.push(await timeIn(context, `chrome-extension://${id}/popup.html`, linesShown));
    }
    return { popup_ready_ratio: Math.round((median(ready) / median(blank)) * 100) / 100, popup_ready_ms: Math.round(median(ready)), blank_first_paint_ms: Math.round(median(blank)) };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Chrome names an unpacked extension after a SHA-256 of its absolute path, written in letters a-p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}
