import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyAlerts, openAlert, RELEASE_ALARM } from '@/lib/background/apply-alerts';
import { loadLineStates } from '@/lib/background/line-states';
import { lineStatuses } from '@/lib/status/line-status';
import { refreshOverview } from '@/lib/background/refresh-overview';
import { carrierLabel } from '@/lib/carriers/lookup';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { storeReadings } from '@/lib/db/store-readings';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';
import { SETTINGS_KEY } from '@/lib/storage/keys';
import { translator } from '../helpers/i18n';
import { GB, pageReading } from '../helpers/readings';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12);

/** Just the extension APIs the background uses, recording what it did. */
function stubBrowser(stored: Record<string, unknown> = {}) {
  const shown = new Map<string, { title: string; message: string }>();
  const api = {
    storage: { local: { get: vi.fn(async () => stored), set: vi.fn(async () => {}) } },
    action: { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}), setTitle: vi.fn(async () => {}) },
    notifications: {
      create: vi.fn(async (id: string, options: { title: string; message: string }) => {
        shown.set(id, options);
        return id;
      }),
      clear: vi.fn(async () => true),
    },
    alarms: { create: vi.fn(async () => {}) },
    tabs: { create: vi.fn(async () => ({})) },
    runtime: { getURL: (path: string) => `chrome-extension://test${path}` },
  };
  return { api, shown, browser: api as unknown as Parameters<typeof applyAlerts>[1] };
}

let db: GuardDb;
let n = 0;
beforeEach(async () => {
  db = openGuardDb(`apply-alerts-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

async function read(usedGb: number, now: number, overrides = {}) {
  await storeReadings(db, 'movistar-es', [pageReading({ usedBytes: usedGb * GB, remainingBytes: (20 - usedGb) * GB, ...overrides })], now);
}

async function apply(browser: Parameters<typeof applyAlerts>[1], now: number, settings: Settings = DEFAULT_SETTINGS) {
  const states = await loadLineStates(db, { now, timeZone: 'UTC', settings });
  const statuses = lineStatuses(states, { thresholds: settings.thresholds, now, carrierLabel });
  await applyAlerts(db, browser, { statuses, settings, now, timeZone: 'UTC', i18n: translator('en') });
}

describe('applyAlerts', () => {
  it('writes one row per alert and shows it under an id derived from the row, once', async () => {
    const { api, shown, browser } = stubBrowser();
    await read(17, NOW);
    await apply(browser, NOW);
    await apply(browser, NOW + 60_000);
    const rows = await db.alerts.toArray();
    expect(rows).toEqual([expect.objectContaining({ kind: 'threshold', key: expect.stringMatching(/^threshold:80:/), shownAt: expect.any(Number) })]);
    expect(api.notifications.create).toHaveBeenCalledTimes(1);
    expect([...shown.keys()]).toEqual([`esim-alert:${rows[0]!.id}`]);
    expect(shown.get(`esim-alert:${rows[0]!.id}`)).toMatchObject({ title: 'Movistar ••12: 80% of data used' });
  });

  it('shows a decided row after a restart when the worker stopped before showing it, without a second row', async () => {
    const { api, browser } = stubBrowser();
    api.notifications.create.mockRejectedValueOnce(new Error('worker stopped'));
    await read(17, NOW);
    await expect(apply(browser, NOW)).rejects.toThrow('worker stopped');
    expect(await db.alerts.toArray()).toEqual([expect.objectContaining({ shownAt: null })]);

    await apply(browser, NOW + 60_000);
    const rows = await db.alerts.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.shownAt).toEqual(expect.any(Number));
    expect(api.notifications.create.mock.calls.map((c) => c[0])).toEqual([`esim-alert:${rows[0]!.id}`, `esim-alert:${rows[0]!.id}`]);
  });

  it('never writes the same alert twice from overlapping runs', async () => {
    const { browser } = stubBrowser();
    await read(17, NOW);
    await Promise.all([apply(browser, NOW), apply(browser, NOW), apply(browser, NOW)]);
    expect(await db.alerts.count()).toBe(1);
  });

  it('holds a non-urgent alert in quiet hours, sets a release alarm, and shows it after', async () => {
    const { api, browser } = stubBrowser();
    const settings = { ...DEFAULT_SETTINGS, quietHours: { enabled: true, start: '22:00', end: '08:00' } };
    const night = Date.UTC(2026, 10, 20, 23);
    await read(17, night);
    await apply(browser, night, settings);
    expect(api.notifications.create).not.toHaveBeenCalled();
    expect(api.alarms.create).toHaveBeenCalledWith(RELEASE_ALARM, { when: Date.UTC(2026, 10, 21, 8) });
    expect(await db.alerts.toArray()).toEqual([expect.objectContaining({ heldUntil: Date.UTC(2026, 10, 21, 8), shownAt: null })]);

    await apply(browser, Date.UTC(2026, 10, 21, 8), settings);
    expect(api.notifications.create).toHaveBeenCalledTimes(1);
    expect((await db.alerts.toArray())[0]!.shownAt).toEqual(expect.any(Number));
  });

  it('runs from refreshOverview with the stored settings and sets the badge', async () => {
    const { api, browser } = stubBrowser({ [SETTINGS_KEY]: { thresholds: [60, 70] } });
    await read(15, NOW);
    await refreshOverview(db, browser, NOW);
    expect(api.action.setBadgeText).toHaveBeenCalledWith({ text: '75%' });
    expect((await db.alerts.toArray()).map((r) => r.detail?.threshold)).toEqual([70]);
  });
});

describe('openAlert', () => {
  it('opens the line in the popup while its figure is fresh, the carrier page when stale, and clears the notification', async () => {
    const { api, browser } = stubBrowser();
    await read(17, NOW);
    await apply(browser, NOW);
    const row = (await db.alerts.toArray())[0]!;
    await openAlert(db, browser, `esim-alert:${row.id}`, NOW + DAY);
    await openAlert(db, browser, `esim-alert:${row.id}`, NOW + 4 * DAY);
    await openAlert(db, browser, 'someone-else:1', NOW);
    expect(api.tabs.create.mock.calls).toEqual([
      [{ url: `chrome-extension://test/popup.html#line=${row.lineId}` }],
      [{ url: 'https://appweb.movistar.es/' }],
    ]);
    expect(api.notifications.clear).toHaveBeenCalledWith(`esim-alert:${row.id}`);
  });

  it('opens the popup for an alert whose line is gone', async () => {
    const { api, browser } = stubBrowser();
    const id = await db.alerts.add({ lineId: 99, kind: 'threshold', key: 'k', raisedAt: NOW, heldUntil: null, title: 't', message: 'm' } as never);
    await openAlert(db, browser, `esim-alert:${id}`, NOW);
    expect(api.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://test/popup.html' });
  });
});
