import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Worker } from 'playwright-core';
import { median } from './stats';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const DIST = resolve('.output/chrome-mv3');
const LINES = 50;
const DAYS = 180;
const RUNS = 7;
const PAGE = readFileSync('tests/fixtures/movistar-es/2026-11-20-capped.html', 'utf8');

/** Fills the database with 50 lines × 6 months of hourly readings, inside the extension's worker. */
async function seed(worker: Worker): Promise<void> {
  await worker.evaluate('globalThis.__name = (f) => f');
  await worker.evaluate(
    async ({ lines, days }) => {
      const open = () =>
        new Promise<IDBDatabase>((res, rej) => {
          const request = indexedDB.open('esim-usage-guard');
          request.onsuccess = () => res(request.result);
          request.onerror = () => rej(request.error);
        });
      let db = await open();
      for (let i = 0; i < 100 && !db.objectStoreNames.contains('readings'); i++) {
        db.close();
        await new Promise((r) => setTimeout(r, 100));
        db = await open();
      }
      const GB = 1024 ** 3;
      const hours = days * 24;
      const start = Date.now() - hours * 3_600_000;
      for (let l = 1; l <= lines; l++) {
        const tx = db.transaction(['lines', 'readings'], 'readwrite');
        // Line 12 is the one the Movistar page below shows (its number ends in 12).
        const digits = String(l).padStart(4, '0');
        tx.objectStore('lines').add({ id: l, carrierId: 'movistar-es', lineKey: `movistar-es:${digits}`, lineDigits: digits, planName: null, label: null, color: null, hidden: false, pendingConfirmation: false, createdAt: start });
        for (let h = 0; h < hours; h++) {
          const t = start + h * 3_600_000;
          const used = Math.round(((h % 720) / 720) * 18 * GB * (0.6 + (l % 7) / 10));
          tx.objectStore('readings').add({ lineId: l, bucket: 'data', capturedAt: t, confirmedAt: t, usedBytes: used, totalBytes: 20 * GB, unlimited: false, remainingBytes: Math.max(0, 20 * GB - used), periodEnd: null, pageSaysUpdatedAt: null, overage: false, source: 'import', generic: false });
        }
        await new Promise((res, rej) => {
          tx.oncomplete = res;
          tx.onerror = () => rej(tx.error);
        });
      }
      db.close();
    },
    { lines: LINES, days: DAYS },
  );
}

const refreshes = (worker: Worker) => worker.evaluate(() => performance.getEntriesByName('esim:refresh').map((e) => e.duration));

async function nextRefresh(worker: Worker, seen: number): Promise<number> {
  for (let i = 0; i < 1200; i++) {
    const all = await refreshes(worker);
    if (all.length > seen) return all[all.length - 1]!;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no refresh happened');
}

/**
 * refresh_ms_50_lines: how long the background takes to rebuild the overview, badge and alerts
 * after a new reading on one of 50 lines (6 months of hourly history each), median of 7; and
 * refresh_all_ms_50_lines: a rebuild that analyses every line afresh (after a start or an import).
 */
export async function measure(): Promise<Record<string, number>> {
  const profile = mkdtempSync(join(tmpdir(), 'esim-guard-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    await context.route(/^https?:\/\//, (route) => route.abort());
    let used = 3.5;
    await context.route('https://appweb.movistar.es/home', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE.replaceAll('3,5 GB', `${String(used).replace('.', ',')} GB`) }),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await seed(worker);
    // The first rebuild after the history appeared analyses every line: nothing is cached yet.
    const seenBefore = (await refreshes(worker)).length;
    await worker.evaluate(() => chrome.alarms.create('overview-recheck', { when: Date.now() }));
    const all = await nextRefresh(worker, seenBefore);
    const one: number[] = [];
    const page = await context.newPage();
    for (let i = 0; i < RUNS; i++) {
      used = Math.round((used + 0.3) * 10) / 10;
      const seen = (await refreshes(worker)).length;
      await page.goto('https://appweb.movistar.es/home');
      one.push(await nextRefresh(worker, seen));
    }
    return { refresh_ms_50_lines: Math.round(median(one)), refresh_all_ms_50_lines: Math.round(all) };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await measure());
