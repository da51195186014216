import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyAlerts } from '@/lib/background/apply-alerts';
import { loadLineStates } from '@/lib/background/line-states';
import { carrierLabel } from '@/lib/carriers/lookup';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { storeReadings } from '@/lib/db/store-readings';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { translator } from '../helpers/i18n';
import { GB, pageReading } from '../helpers/readings';

/**
 * Firefox for Android shows only the `basic` notification type: no buttons, no
 * `requireInteraction`, no list, image or progress types (Chromium has them; using one there
 * would make `notifications.create` fail or drop the option on Android). Every notification the
 * background raises, urgent or not, in every UI language, uses nothing but the basic fields, so
 * the warning that replaces the badge on a phone always goes out.
 */
const BASIC_FIELDS = ['type', 'iconUrl', 'title', 'message', 'priority'];
const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 20, 12);

let db: GuardDb;
let n = 0;
beforeEach(async () => {
  db = openGuardDb(`notification-fields-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function stubBrowser() {
  const create = vi.fn(async (id: string, _options: Record<string, unknown>) => id);
  const api = { notifications: { create, clear: vi.fn(async () => true) }, alarms: { create: vi.fn(async () => {}) } };
  return { create, browser: api as unknown as Parameters<typeof applyAlerts>[1] };
}

describe('notifications use the basic type only (Firefox for Android)', () => {
  it.each(['en', 'es', 'fr', 'zh-CN', 'zh-HK'] as const)('threshold and urgent run-out alerts in %s', async (language) => {
    const { create, browser } = stubBrowser();
    // Fast use over three hours: the 80 % threshold, and a cap projected to run out before renewal.
    const periodEnd = NOW + 20 * 24 * H;
    for (const [usedGb, at] of [[3.5, NOW - 3 * H], [11, NOW - 2 * H], [15, NOW - H], [17, NOW]] as const) {
      await storeReadings(db, 'movistar-es', [pageReading({ usedBytes: usedGb * GB, remainingBytes: (20 - usedGb) * GB, periodEnd })], at);
    }
    const settings = { ...DEFAULT_SETTINGS, language };
    const states = await loadLineStates(db, { now: NOW, timeZone: 'UTC', settings });
    await applyAlerts(db, browser, { states, settings, now: NOW, timeZone: 'UTC', carrierLabel, i18n: translator(language) });

    const rows = await db.alerts.toArray();
    expect(rows.map((r) => r.kind).sort()).toEqual(['overrun', 'threshold']);
    expect(rows.some((r) => r.urgent)).toBe(true);
    expect(create).toHaveBeenCalledTimes(rows.length);
    for (const [, options] of create.mock.calls) {
      expect(options.type).toBe('basic');
      expect(Object.keys(options).filter((key) => !BASIC_FIELDS.includes(key))).toEqual([]);
      expect(options).toMatchObject({ title: expect.any(String), message: expect.any(String), iconUrl: expect.any(String) });
    }
  });
});
