import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';
import { daysAheadInPage, firstWeeklyRenewal, inPage, replaceReadingsInPage, sparseWeeklyRenewals, steadyUse, usedUpBeforeRenewal, type SeededReadings } from './in-page';

// The extension APIs as seen inside an extension page (evaluated there, not in Node).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const HOME = 'https://appweb.movistar.es/home';
const capped = readFileSync(join('tests/fixtures/movistar-es', '2026-11-20-capped.html'), 'utf8');
/** The capped fixture (20 GB plan) showing another used figure, in Spanish decimals ("17,2"). */
const movistarAt = (used: string) => capped.replaceAll('3,5 GB', `${used} GB`);

const GREEN = [30, 125, 50, 255];
const OLIVE = [115, 105, 20, 255];
const AMBER = [152, 90, 0, 255];

interface AlertRecord {
  id: number;
  kind: string;
  key: string;
  urgent: boolean;
  shownAt: number | null;
  detail: { threshold?: number };
}

/**
 * Everything is observed from an extension page rather than the worker: once the worker has
 * been stopped, Playwright keeps a dead handle to it and does not report the restarted one.
 */
let session: ExtensionSession;
let ext: Page;
let cdp: CDPSession;
let statuses: string[];
beforeEach(async () => {
  session = await launchExtension();
  ext = await session.context.newPage();
  await ext.goto(`chrome-extension://${session.extensionId}/popup.html`);
  statuses = [];
  cdp = await session.context.newCDPSession(ext);
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions) statuses.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
});
afterEach(async () => {
  await session?.close();
});

/** waitFor, typed for probes that answer null until ready. */
async function until<T>(probe: () => Promise<T | null>, what: string): Promise<T> {
  return (await waitFor(probe, what))!;
}

function readAll<T>(store: 'alerts' | 'readings'): Promise<T[]> {
  return readStore<T>(ext, store);
}

const alertRows = () => readAll<AlertRecord>('alerts');
const shownIds = async () => Object.keys(await ext.evaluate(() => chrome.notifications.getAll() as Promise<Record<string, boolean>>)).sort();
const idsOf = (rows: AlertRecord[]) => rows.map((r) => `esim-alert:${r.id}`).sort();
const thresholds = (rows: AlertRecord[]) => rows.filter((r) => r.kind === 'threshold').map((r) => r.detail.threshold);
const badge = () =>
  ext.evaluate(async () => ({
    text: (await chrome.action.getBadgeText({})) as string,
    color: (await chrome.action.getBadgeBackgroundColor({})) as number[],
    title: (await chrome.action.getTitle({})) as string,
  }));
const allShown = async (count: number) => {
  const rows = await alertRows();
  return rows.length === count && rows.every((r) => r.shownAt) ? rows : null;
};

/** Loads the carrier page showing `used` and waits until the background has stored it and updated the badge. */
async function readPage(page: Page, used: string, readings: number, text: string) {
  await page.goto(HOME);
  await until(async () => ((await readAll('readings')).length >= readings ? true : null), `reading ${used}`);
  return until(async () => {
    const current = await badge();
    return current.text === text ? current : null;
  }, `badge ${text}`);
}

/** Stops the service worker as the browser does when it is idle, and waits until it has stopped. */
async function stopServiceWorker() {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await until(async () => (statuses.at(-1) === 'stopped' ? true : null), 'the worker stopped');
  statuses.length = 0;
}

/** Fires the periodic re-check alarm now: the browser starts the stopped worker to deliver it. */
async function fireRecheckAlarm() {
  await ext.evaluate(() => chrome.alarms.create('overview-recheck', { when: Date.now() }));
  await until(async () => (statuses.includes('running') ? true : null), 'the worker restarted');
}

/**
 * Reads the line's page once (at 1 of its 20 GB), then replaces its readings with `seed` while the
 * worker is stopped, and waits for the badge the re-check gives them.
 */
async function seedReadings(seed: SeededReadings, badgeText: string) {
  await serveCarrierPage(session.context, HOME, movistarAt('1'));
  const page = await session.context.newPage();
  await readPage(page, '1', 1, '5%');
  await stopServiceWorker();
  await ext.evaluate(inPage(replaceReadingsInPage, seed));
  await fireRecheckAlarm();
  return until(async () => {
    const b = await badge();
    return b.text === badgeText ? b : null;
  }, `the badge at ${badgeText}`);
}

/** The popup, opened afresh, and the text of its first line card. */
async function firstCard() {
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const card = popup.locator('.line-card').first();
  await card.waitFor();
  return { popup, text: await card.innerText() };
}

describe('badge and notifications from rising usage (production build, real Chromium)', () => {
  it('colours the badge by the thresholds and raises each threshold once, the highest newly crossed', async () => {
    let used = '3,5';
    await serveCarrierPage(session.context, HOME, () => movistarAt(used));
    const page = await session.context.newPage();

    let current = await readPage(page, used, 1, '17%');
    expect(current.color).toEqual(GREEN);
    expect(await alertRows()).toEqual([]);
    expect(await shownIds()).toEqual([]);

    used = '11';
    current = await readPage(page, used, 2, '55%');
    expect(current.color).toEqual(OLIVE);
    let rows = await until(() => allShown(1), 'the 50 % alert shown');
    expect(rows).toEqual([expect.objectContaining({ kind: 'threshold', key: expect.stringMatching(/^threshold:50:\d{4}-\d\d-\d\d:21474836480$/), urgent: false })]);
    expect(await shownIds()).toEqual(idsOf(rows));

    // 85 % after 55 %: one notification for 80 %. Three readings seconds apart also project the
    // cap to run out long before renewal: the badge says when, and an urgent overrun alert goes out.
    used = '17';
    current = await readPage(page, used, 3, '85%');
    expect(current.color).toEqual(AMBER);
    expect(current.title).toMatch(/^eSIM Usage Guard\nMovistar ••12: 85% used; runs out around \d{1,2} [A-Z][a-z]{2}$/);
    rows = await until(() => allShown(3), 'the 80 % and overrun alerts shown');
    expect(thresholds(rows)).toEqual([50, 80]);
    expect(rows.filter((r) => r.kind === 'overrun')).toEqual([expect.objectContaining({ urgent: true })]);
    expect(await shownIds()).toEqual(idsOf(rows));

    // A little more use crosses nothing new: nothing is raised again.
    used = '17,2';
    await readPage(page, used, 4, '86%');
    await page.waitForTimeout(500);
    expect((await alertRows()).map((r) => r.key)).toEqual(rows.map((r) => r.key));
    // No new notification (Chrome may by now have timed out the oldest, non-urgent one).
    expect((await shownIds()).filter((id) => !idsOf(rows).includes(id))).toEqual([]);
  });

  it('neither loses nor repeats a notification when the worker stops and the re-check alarm wakes it', async () => {
    await serveCarrierPage(session.context, HOME, movistarAt('17'));
    const page = await session.context.newPage();
    await readPage(page, '17', 1, '85%');
    const [row] = await until(() => allShown(1), 'the 80 % alert shown');
    expect(thresholds([row!])).toEqual([80]);

    await stopServiceWorker();
    await fireRecheckAlarm();
    await page.waitForTimeout(1_000);
    expect(await alertRows()).toEqual([row]);
    expect(await shownIds()).toEqual([`esim-alert:${row!.id}`]);
    expect((await badge()).text).toBe('85%');
  });

  it('shows an alert decided but not yet shown when the worker stopped, exactly once, after the restart', async () => {
    await serveCarrierPage(session.context, HOME, movistarAt('17'));
    const page = await session.context.newPage();
    await readPage(page, '17', 1, '85%');
    const [row] = await until(() => allShown(1), 'the 80 % alert shown');

    // The state a stop between the two steps leaves behind: the row written, nothing shown.
    await stopServiceWorker();
    await ext.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('esim-usage-guard');
          open.onsuccess = () => {
            const tx = open.result.transaction('alerts', 'readwrite');
            const store = tx.objectStore('alerts');
            const get = store.get(id);
            get.onsuccess = () => store.put({ ...get.result, shownAt: null });
            tx.oncomplete = () => {
              open.result.close();
              void chrome.notifications.clear(`esim-alert:${id}`).then(() => resolve());
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      row!.id,
    );
    expect(await shownIds()).toEqual([]);

    await fireRecheckAlarm();
    const rows = await until(() => allShown(1), 'the alert shown after the restart');
    expect(rows.map((r) => [r.id, r.key])).toEqual([[row!.id, row!.key]]);
    expect(await shownIds()).toEqual([`esim-alert:${row!.id}`]);
  });

  it('says a close run-out is close on the card, in the badge tooltip and in the notification', async () => {
    // Ten days of steady use every 3 hours up to 10.26 of 20 GB, renewing in ten days: at this pace
    // the cap runs out half a day before renewal, and a pace 10 % quieter (the analysis's least
    // uncertainty) would see it through.
    const current = await seedReadings(steadyUse({ days: 10, usedGb: 10.26, totalGb: 20 }), '50%');
    expect(current.title).toMatch(/^eSIM Usage Guard\nMovistar ••12: 50% used; close: could run out around \d{1,2} [A-Z][a-z]{2}$/);
    const rows = await until(async () => {
      const all = await alertRows();
      return all.some((r) => r.kind === 'overrun' && r.shownAt) ? all : null;
    }, 'the overrun alert shown');
    const overrun = rows.find((r) => r.kind === 'overrun') as AlertRecord & { message: string };
    expect(overrun.message).toMatch(/^At the current pace the allowance runs out before renewal, but it is close: quieter days could still see it through\. /);
    expect((await firstCard()).text).toMatch(/runs out on \d{1,2} [A-Z][a-z]{2}, \d+ days? before renewal; quieter days could still see it through/i);
  });

  it('shows a weekly plan read every few days at its new cycle’s figure, through renewals nobody announced', async () => {
    // Renewals nobody announced, on a line read every few days (see sparseWeeklyRenewals).
    const current = await seedReadings(sparseWeeklyRenewals(), '21%');
    expect(current.title).toMatch(/Movistar ••12: 21% used/);
    const { text } = await firstCard();
    // 215 000 000 bytes of 10^9, in the binary units the card uses.
    expect(text).toMatch(/205\sMB of 954\sMB/);
    expect(text).toMatch(/lasts until renewal/);
    expect(text).not.toMatch(/used up/i);
  });

  it('places the next renewal of a weekly plan 7 days after the first one seen, and does not say it runs out', async () => {
    // One renewal seen, nothing stating when the next is due (see firstWeeklyRenewal).
    const current = await seedReadings(firstWeeklyRenewal(), '29%');
    expect(current.title).toBe('eSIM Usage Guard\nMovistar ••12: 29% used');
    const { popup, text } = await firstCard();
    expect(text).toMatch(/lasts until renewal/);
    expect(text).not.toMatch(/runs out/i);
    const renews = (await popup.evaluate(inPage(daysAheadInPage, 4))) as string[];
    expect(renews.some((d) => text.includes(`probably renews ${d}`))).toBe(true);
  });

  it('after a renewal nobody has read, shows the used-up figure as last cycle\'s: badge "?", no "used up"', async () => {
    const current = await seedReadings(usedUpBeforeRenewal(), '?');
    const renewedOn = (await ext.evaluate(inPage(daysAheadInPage, -2))) as string[];
    expect(renewedOn.some((d) => current.title.startsWith(`eSIM Usage Guard\nMovistar ••12: renewed on ${d}, not read since`))).toBe(true);
    expect(current.title).not.toMatch(/100%|used up/);
    const { popup, text } = await firstCard();
    expect(text).toMatch(/last cycle: 20\sGB of 20\sGB/);
    expect(renewedOn.some((d) => text.includes(`renewed on ${d}, not read since`))).toBe(true);
    expect(text).toContain('Open Movistar to refresh');
    expect(text).not.toMatch(/used up|100\s?%/i);
    expect(await popup.locator('.line-card .usage-bar').count()).toBe(0);
    // No "100 % used" notification for a cycle nobody has read.
    expect(thresholds(await alertRows())).toEqual([]);
  });

  it('ends with exactly one alert shown when the worker is stopped right after storing a reading', async () => {
    await serveCarrierPage(session.context, HOME, movistarAt('17'));
    const page = await session.context.newPage();
    await page.goto(HOME);
    await until(async () => ((await readAll('readings')).length > 0 ? true : null), 'the reading');
    await stopServiceWorker();
    await fireRecheckAlarm();
    const rows = await until(() => allShown(1), 'the alert shown');
    await page.waitForTimeout(1_000);
    expect(thresholds(await alertRows())).toEqual([80]);
    expect(await shownIds()).toEqual(idsOf(rows));
  });
});
