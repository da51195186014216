/**
 * Code for inside the extension (a service worker or an extension page, in Chromium or Firefox),
 * passed to Playwright's or puppeteer's `evaluate`, and `inPage`, which wraps such a function for
 * either driver. The functions are serialised: they use nothing from this module's scope, only
 * their argument and the page's globals.
 */

/**
 * A JavaScript expression that runs `fn(arg)` in the page. Test transpilers may wrap named
 * functions in a `__name` helper that exists only in Node: define a harmless one first.
 */
export function inPage<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): string {
  return `(() => { var __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}

/** All rows of an object store of the extension's database (empty when the store does not exist yet). */
export function readStoreInPage<T>(name: 'lines' | 'readings' | 'alerts'): Promise<T[]> {
  return new Promise<T[]>((resolvePromise, reject) => {
    const open = indexedDB.open('esim-usage-guard');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(name)) {
        db.close();
        resolvePromise([]);
        return;
      }
      const request = db.transaction(name, 'readonly').objectStore(name).getAll();
      request.onsuccess = () => {
        db.close();
        resolvePromise(request.result as T[]);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/**
 * Two weeks of earlier readings for a line, as if its page had been visited every 3 hours,
 * relative to the browser's own clock; then the re-check alarm fires so that the background
 * rebuilds the overview with them.
 */
export async function seedHistoryInPage(lineId: number): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const request = indexedDB.open('esim-usage-guard');
    request.onsuccess = () => res(request.result);
    request.onerror = () => rej(request.error);
  });
  const tx = db.transaction('readings', 'readwrite');
  const GB = 1024 ** 3;
  const hours = 16 * 24;
  const now = Date.now();
  const start = now - hours * 3_600_000;
  // The cycle contains today whatever today is: it renews two weeks from now.
  const periodEnd = now + 14 * 86_400_000;
  for (let h = 0; h < hours - 3; h += 3) {
    const t = start + h * 3_600_000;
    // 0.5 GB → 3.4 GB, more in the evenings, and one night of unusual use three days ago
    const hour = new Date(t).getHours();
    const night = h > hours - 80 && h < hours - 72 ? 0.25 * GB : 0;
    const used = Math.round(0.5 * GB + (h / hours) * 2.6 * GB + (hour >= 19 ? 0.05 * GB : 0) + (h > hours - 72 ? 0.25 * GB : night));
    tx.objectStore('readings').add({
      lineId, bucket: 'data', capturedAt: t, confirmedAt: t, usedBytes: used, totalBytes: 20 * GB, unlimited: false,
      remainingBytes: 20 * GB - used, periodEnd, pageSaysUpdatedAt: null, overage: false, source: 'page', generic: false,
    });
  }
  await new Promise((res, rej) => {
    tx.oncomplete = res;
    tx.onerror = () => rej(tx.error);
  });
  db.close();
  // `browser` in Firefox, `chrome` in a Chromium service worker: both return a promise here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  await api.alarms.create('overview-recheck', { when: Date.now() });
  return true;
}

/** Readings to store, each `agoMs` before the browser's own clock: see replaceReadingsInPage. */
export interface SeededReadings {
  points: Array<{ agoMs: number; usedBytes: number }>;
  totalBytes: number;
  /** The period end the page states, `inMs` after the browser's clock; null when it states none. */
  periodEndInMs: number | null;
}

/**
 * Replaces the line's readings (the one stored from its page first: it gives the line and every
 * stored field) with `points`, timed relative to the browser's own clock.
 */
export function replaceReadingsInPage({ points, totalBytes, periodEndInMs }: SeededReadings): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('esim-usage-guard');
    open.onsuccess = () => {
      const tx = open.result.transaction('readings', 'readwrite');
      const store = tx.objectStore('readings');
      const all = store.getAll();
      all.onsuccess = () => {
        const rows = all.result as Array<Record<string, unknown> & { id: number }>;
        const { id: _id, ...first } = rows[0]!;
        for (const row of rows) store.delete(row.id);
        const now = Date.now();
        const periodEnd = periodEndInMs === null ? null : now + periodEndInMs;
        for (const p of points) {
          const t = now - p.agoMs;
          store.add({ ...first, capturedAt: t, confirmedAt: t, usedBytes: p.usedBytes, totalBytes, remainingBytes: totalBytes - p.usedBytes, periodEnd, pageSaysUpdatedAt: null });
        }
      };
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/**
 * `days` of steady use every 3 hours, up to `usedGb` of `totalGb` an hour ago, renewing `days`
 * from now (for replaceReadingsInPage).
 */
export function steadyUse({ days, usedGb, totalGb }: { days: number; usedGb: number; totalGb: number }): SeededReadings {
  const GB = 1024 ** 3;
  const HOUR = 3_600_000;
  const span = days * 24 * HOUR;
  const points: SeededReadings['points'] = [];
  for (let ago = span - 3 * HOUR; ago >= HOUR; ago -= 3 * HOUR) points.push({ agoMs: ago, usedBytes: Math.round(((span - ago) / span) * usedGb * GB) });
  return { points, totalBytes: totalGb * GB, periodEndInMs: span };
}

/**
 * A 1 GB plan (10^9 bytes) renewing every 7 days, read every 1.5-4 days and stating no period end,
 * the latest figure (215 MB) an hour ago. Twice the first figure after a renewal is back near the
 * one before the old cycle's last figure: falls once read as old figures stamped late, which set the
 * latest figure aside (found by a property in tests/analysis/properties-drops.test.ts).
 */
export function sparseWeeklyRenewals(): SeededReadings {
  const DAY = 86_400_000;
  const figures: Array<[number, number]> = [
    [1.54, 74], [3.04, 145], [4.54, 217], [6.06, 289], [7.56, 27], [9.06, 98], [10.56, 170],
    [14.01, 1], [17.01, 210], [21.01, 1], [22.51, 72], [24.01, 144], [25.51, 215],
  ];
  return { points: figures.map(([day, mb]) => ({ agoMs: (25.51 - day) * DAY + 3_600_000, usedBytes: mb * 1e6 })), totalBytes: 1e9, periodEndInMs: null };
}

/**
 * A 2 GB plan (2·10^9 bytes) renewing every 7 days and stating no period end, at 200 MB a day: first
 * read on the second day of a package, read every 8 hours, renewed 3 days ago, the latest figure an
 * hour ago. With one renewal seen, the cycle was taken to last a month, so this plan "ran out" in a
 * week it would never see; the first cycle's pace says it renews in 4 days (lib/analysis/cycle-length).
 */
export function firstWeeklyRenewal(): SeededReadings {
  const DAY = 86_400_000;
  const HOUR = 3_600_000;
  const perDay = 200e6;
  const points: SeededReadings['points'] = [];
  for (let ago = 8 * DAY; ago >= HOUR; ago -= 8 * HOUR) {
    const since = ago > 3 * DAY ? 10 * DAY - ago : 3 * DAY - ago;
    points.push({ agoMs: ago, usedBytes: Math.round((since / DAY) * perDay) });
  }
  if (points[points.length - 1]!.agoMs !== HOUR) points.push({ agoMs: HOUR, usedBytes: Math.round(((3 * DAY - HOUR) / DAY) * perDay) });
  return { points, totalBytes: 2e9, periodEndInMs: null };
}

/**
 * The day `days` from the browser's clock as the card writes it ("11 Dec", en-GB), 6 h either side:
 * a renewal placed between readings may fall on the day before or after.
 */
export function daysAheadInPage(days: number): string[] {
  const day = (t: number) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }).format(t);
  const at = Date.now() + days * 86_400_000;
  return [day(at - 6 * 3_600_000), day(at + 6 * 3_600_000)];
}

/**
 * A 20 GB plan used at 1 GB a day, cut at the cap on its 20th day, read every 6 hours until 3 days
 * ago; the page stated the period ended 2 days ago. The latest figure (20 GB of 20 GB) is the
 * previous cycle's: the plan has renewed since, and nobody has read the new cycle yet.
 */
export function usedUpBeforeRenewal(): SeededReadings {
  const DAY = 86_400_000;
  const GB = 1024 ** 3;
  const points: SeededReadings['points'] = [];
  for (let ago = 30 * DAY; ago >= 3 * DAY; ago -= DAY / 4) points.push({ agoMs: ago, usedBytes: Math.round(Math.min(20, (30 * DAY - ago) / DAY) * GB) });
  return { points, totalBytes: 20 * GB, periodEndInMs: -2 * DAY };
}
