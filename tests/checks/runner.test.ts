import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckRunner, type CheckTabs } from '@/lib/checks/runner';
import { CHECK_TIMEOUT_MS, type CheckRound } from '@/lib/checks/state';
import { checkStore } from '@/lib/checks/store';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { storeReadings } from '@/lib/db/store-readings';
import type { PageStatus } from '@/lib/messages/page-status';
import { GB, pageReading } from '../helpers/readings';
import { memoryArea } from '../helpers/storage-area';

const T0 = Date.UTC(2026, 10, 20, 10);
const MOVISTAR = 'https://appweb.movistar.es/consumo';
const ORANGE = 'https://espace-client.orange.fr/mobicarte/credit';

/**
 * A browser whose tabs load a carrier page: what each page shows is scripted per URL, as the
 * content script would answer, and a page that shows figures stores them through the real path.
 */
function fakeBrowser(db: GuardDb, clock: { now: number }, hideUrls = false) {
  let nextId = 100;
  const tabs = new Map<number, { url: string; status: 'loading' | 'complete'; openedAt: number }>();
  const pages = new Map<string, { kind: 'figures'; digits: string; usedGb: number; carrierId: string } | { kind: 'status'; status: PageStatus['state'] } | { kind: 'never' }>();
  const opened: string[] = [];
  const closed: number[] = [];
  const load = async (id: number) => {
    const tab = tabs.get(id)!;
    tab.status = 'complete';
    tab.openedAt = clock.now;
    const page = pages.get(tab.url);
    if (page?.kind === 'figures') {
      await storeReadings(db, page.carrierId, [pageReading({ lineDigits: page.digits, usedBytes: page.usedGb * GB, remainingBytes: (20 - page.usedGb) * GB })], clock.now + 5_000);
    }
  };
  const api: CheckTabs = {
    // Firefox tells an add-on without `tabs` no tab's URL.
    query: async () => [...tabs.entries()].map(([id, t]) => (hideUrls ? { id } : { id, url: t.url })),
    create: async ({ url }) => {
      const id = nextId++;
      tabs.set(id, { url, status: 'loading', openedAt: clock.now });
      opened.push(url);
      await load(id);
      return { id };
    },
    reload: async (id) => {
      tabs.get(id)!.status = 'loading';
      await load(id);
    },
    remove: async (id) => {
      tabs.delete(id);
      closed.push(id);
    },
    get: async (id) => {
      const tab = tabs.get(id);
      if (!tab) throw new Error('No tab with id');
      return { status: tab.status, url: tab.url };
    },
    sendMessage: async (id, message) => {
      const tab = tabs.get(id)!;
      if ((message as { type: string }).type === 'page-request') {
        const u = new URL(tab.url);
        return `${u.origin}${u.pathname}`;
      }
      const page = pages.get(tab.url);
      if (!page || page.kind === 'never') return { carrierId: 'x', state: 'waiting', lines: 0, detail: '' };
      if (page.kind === 'figures') return { carrierId: page.carrierId, state: 'read', lines: 1, detail: '' };
      return { carrierId: 'x', state: page.status, lines: 0, detail: '' };
    },
  };
  return { api, tabs, pages, opened, closed, userTab: (url: string) => (tabs.set(nextId, { url, status: 'complete', openedAt: 0 }), nextId++) };
}

let db: GuardDb;
let n = 0;
beforeEach(async () => {
  db = openGuardDb(`checks-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

async function setup(hideUrls = false) {
  const clock = { now: T0 };
  const browser = fakeBrowser(db, clock, hideUrls);
  const session = memoryArea();
  const local = memoryArea();
  const store = checkStore(session, local);
  const keepAlive = vi.fn(async (_on: boolean) => {});
  const deps = {
    db,
    tabs: browser.api,
    store,
    now: () => clock.now,
    sleep: async (ms: number) => void (clock.now += ms),
    newId: () => `round-${clock.now}`,
    keepAlive,
    log: vi.fn(),
  };
  // Two carrier lines read earlier from their pages, and one kept by hand.
  await storeReadings(db, 'movistar-es', [pageReading({ lineDigits: '0012' })], T0 - 86_400_000, { pageUrl: MOVISTAR });
  await storeReadings(db, 'orange-fr', [pageReading({ lineDigits: '0090' })], T0 - 86_400_000, { pageUrl: ORANGE });
  await storeReadings(db, 'manual', [pageReading({ lineDigits: null, planName: 'Travel' })], T0 - 86_400_000, { source: 'manual' });
  const lines = await db.lines.toArray();
  const idOf = (carrierId: string) => lines.find((l) => l.carrierId === carrierId)!.id;
  return { clock, browser, store, deps, keepAlive, session, local, runner: new CheckRunner(deps), idOf };
}

const outcomes = (round: CheckRound | null, idOf: (c: string) => number) =>
  Object.fromEntries(['movistar-es', 'orange-fr', 'manual'].map((c) => [c, round?.results[String(idOf(c))]?.outcome]));

describe('a round of checks', () => {
  it('opens each page in an inactive tab, one at a time, stores the new figure, and closes only its own tabs', async () => {
    const { browser, store, runner, idOf, keepAlive } = await setup();
    browser.pages.set(MOVISTAR, { kind: 'figures', carrierId: 'movistar-es', digits: '0012', usedGb: 5 });
    browser.pages.set(ORANGE, { kind: 'figures', carrierId: 'orange-fr', digits: '0090', usedGb: 7 });
    await runner.start('manual');
    await runner.resume();
    const round = await store.round();
    expect(outcomes(round, idOf)).toEqual({ 'movistar-es': 'updated', 'orange-fr': 'updated', manual: 'skipped-manual' });
    expect(round!.finishedAt).not.toBeNull();
    expect(browser.opened).toEqual([MOVISTAR, ORANGE]);
    expect(browser.tabs.size).toBe(0);
    const latest = await db.readings.orderBy('capturedAt').reverse().limit(2).toArray();
    expect(latest.map((r) => r.usedBytes).sort()).toEqual([5 * GB, 7 * GB]);
    expect(keepAlive.mock.calls.map((c) => c[0])).toEqual([true, false]);
  });

  it('reloads the carrier tab the user has open instead of opening another, and leaves it open', async () => {
    const { browser, runner, idOf, store } = await setup();
    const mine = browser.userTab(`${MOVISTAR}?from=menu`);
    browser.pages.set(`${MOVISTAR}?from=menu`, { kind: 'figures', carrierId: 'movistar-es', digits: '0012', usedGb: 6 });
    browser.pages.set(ORANGE, { kind: 'status', status: 'not-usage-page' });
    await runner.start('manual');
    await runner.resume();
    expect(outcomes(await store.round(), idOf)).toMatchObject({ 'movistar-es': 'updated', 'orange-fr': 'unreadable' });
    expect(browser.opened).toEqual([ORANGE]);
    expect(browser.tabs.has(mine)).toBe(true);
  });

  it('finds the user’s tab by asking its reader when the browser hides tab URLs (Firefox)', async () => {
    const { browser, runner, idOf, store } = await setup(true);
    const mine = browser.userTab(`${MOVISTAR}?from=menu`);
    browser.pages.set(`${MOVISTAR}?from=menu`, { kind: 'figures', carrierId: 'movistar-es', digits: '0012', usedGb: 6 });
    browser.pages.set(ORANGE, { kind: 'figures', carrierId: 'orange-fr', digits: '0090', usedGb: 7 });
    await runner.start('manual');
    await runner.resume();
    expect(outcomes(await store.round(), idOf)).toMatchObject({ 'movistar-es': 'updated', 'orange-fr': 'updated' });
    expect(browser.opened).toEqual([ORANGE]);
    expect(browser.tabs.has(mine)).toBe(true);
  });

  it('says "sign in" for a sign-in page, stores nothing, and a scheduled round skips that line until it is read again', async () => {
    const { browser, runner, idOf, store, clock } = await setup();
    browser.pages.set(MOVISTAR, { kind: 'status', status: 'logged-out' });
    browser.pages.set(ORANGE, { kind: 'figures', carrierId: 'orange-fr', digits: '0090', usedGb: 7 });
    const before = await db.readings.where('lineId').equals(idOf('movistar-es')).count();
    await runner.start('manual');
    await runner.resume();
    expect(outcomes(await store.round(), idOf)['movistar-es']).toBe('sign-in');
    expect((await store.round())!.results[String(idOf('movistar-es'))]!.url).toBe(MOVISTAR);
    expect(await db.readings.where('lineId').equals(idOf('movistar-es')).count()).toBe(before);

    clock.now += 6 * 3_600_000;
    await runner.start('scheduled');
    await runner.resume();
    expect(outcomes(await store.round(), idOf)['movistar-es']).toBe('skipped-sign-in');

    // The user signs in and visits the page: the next scheduled round checks the line again.
    await storeReadings(db, 'movistar-es', [pageReading({ lineDigits: '0012', usedBytes: 9 * GB, remainingBytes: 11 * GB })], clock.now + 60_000, { pageUrl: MOVISTAR });
    clock.now += 6 * 3_600_000;
    browser.pages.set(MOVISTAR, { kind: 'figures', carrierId: 'movistar-es', digits: '0012', usedGb: 10 });
    await runner.start('scheduled');
    await runner.resume();
    expect(outcomes(await store.round(), idOf)['movistar-es']).toBe('updated');
  });

  it('gives up on a page after the time allowed, closing its tab', async () => {
    const { browser, runner, idOf, store } = await setup();
    browser.pages.set(MOVISTAR, { kind: 'never' });
    browser.pages.set(ORANGE, { kind: 'figures', carrierId: 'orange-fr', digits: '0090', usedGb: 7 });
    await runner.start('manual');
    await runner.resume();
    const round = await store.round();
    expect(outcomes(round, idOf)).toMatchObject({ 'movistar-es': 'timed-out', 'orange-fr': 'updated' });
    const { at } = round!.results[String(idOf('movistar-es'))]!;
    expect(at - T0).toBeGreaterThanOrEqual(CHECK_TIMEOUT_MS);
    expect(browser.tabs.size).toBe(0);
  });

  it('runs one round at a time', async () => {
    const { browser, runner } = await setup();
    browser.pages.set(MOVISTAR, { kind: 'figures', carrierId: 'movistar-es', digits: '0012', usedGb: 5 });
    browser.pages.set(ORANGE, { kind: 'figures', carrierId: 'orange-fr', digits: '0090', usedGb: 7 });
    const first = await runner.start('manual');
    const second = await runner.start('manual');
    expect(second.id).toBe(first.id);
    await runner.resume();
    expect(browser.opened).toEqual([MOVISTAR, ORANGE]);
  });

  it('carries on after a worker restart: no line lost, the tab it opened adopted and closed', async () => {
    const { browser, deps, store, idOf, session, local } = await setup();
    browser.pages.set(MOVISTAR, { kind: 'never' });
    browser.pages.set(ORANGE, { kind: 'figures', carrierId: 'orange-fr', digits: '0090', usedGb: 7 });
    // The worker saved "opening Movistar", opened the tab, and stopped before noting its id.
    const round: CheckRound = {
      id: 'r1', reason: 'manual', startedAt: T0, queue: [idOf('orange-fr')], results: {}, finishedAt: null,
      current: { lineId: idOf('movistar-es'), url: MOVISTAR, tabId: null, openedByUs: true, startedAt: T0, deadline: T0 + CHECK_TIMEOUT_MS },
    };
    await store.saveRound(round);
    await browser.api.create({ url: MOVISTAR, active: false });
    // A new worker: a fresh runner on the same storage.
    const restarted = new CheckRunner({ ...deps, store: checkStore(session, local) });
    await restarted.resume();
    const after = await store.round();
    expect(outcomes(after, idOf)).toMatchObject({ 'movistar-es': 'timed-out', 'orange-fr': 'updated' });
    expect(browser.tabs.size).toBe(0);
  });
});
