import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshOverview } from '@/lib/background/refresh-overview';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { storeReadings } from '@/lib/db/store-readings';
import { SETTINGS_KEY } from '@/lib/storage/keys';
import { GB, pageReading } from '../helpers/readings';

/**
 * Firefox for Android shows only the `basic` notification type: no buttons, no
 * `requireInteraction`, no list, image or progress types (Chromium has them; there one would
 * make `notifications.create` fail or lose the option on Android). On a phone the badge sits in
 * a menu and the notification is the warning, so every notification the background raises,
 * urgent or not, in every UI language, must use nothing but the basic fields.
 */
const BASIC_FIELDS = ['type', 'iconUrl', 'title', 'message', 'priority'];
const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 20, 12);
const LANGUAGES = ['en', 'es', 'fr', 'zh-CN', 'zh-HK'] as const;

let n = 0;
beforeEach(() => {
  // The packaged message files, as the extension's own URLs would serve them.
  vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(join('public', new URL(url).pathname), 'utf8')));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** Just the extension APIs a refresh uses; notifications are recorded. */
function stubBrowser(language: string) {
  const create = vi.fn(async (id: string, _options: Record<string, unknown>) => id);
  const action = { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}), setTitle: vi.fn(async () => {}) };
  const api = {
    storage: { local: { get: vi.fn(async () => ({ [SETTINGS_KEY]: { language } })), set: vi.fn(async () => {}), remove: vi.fn(async () => {}) } },
    // Firefox builds are MV2: the toolbar button is browserAction.
    browserAction: action,
    notifications: { create, clear: vi.fn(async () => true) },
    alarms: { create: vi.fn(async () => {}) },
    runtime: { getURL: (path: string) => `moz-extension://test${path}` },
    i18n: { getUILanguage: () => 'en' },
  };
  return { create, browser: api as unknown as Parameters<typeof refreshOverview>[1] };
}

/**
 * Fast use over three hours, past the 80 % threshold and with the cap projected to run out before
 * renewal, then one refresh: what the background shows, and the alert rows behind it.
 */
async function raise(language: string) {
  const db: GuardDb = openGuardDb(`notification-fields-test-${++n}`);
  await db.open();
  try {
    const { create, browser } = stubBrowser(language);
    const periodEnd = NOW + 20 * 24 * H;
    for (const [usedGb, at] of [[3.5, NOW - 3 * H], [11, NOW - 2 * H], [15, NOW - H], [17, NOW]] as const) {
      await storeReadings(db, 'movistar-es', [pageReading({ usedBytes: usedGb * GB, remainingBytes: (20 - usedGb) * GB, periodEnd })], at);
    }
    await refreshOverview(db, browser, NOW);
    return { rows: await db.alerts.toArray(), shown: create.mock.calls.map(([, options]) => options) };
  } finally {
    await db.delete();
  }
}

describe('notifications use the basic fields only (Firefox for Android)', () => {
  it.each(LANGUAGES)('a threshold and an urgent run-out alert, in %s', async (language) => {
    const { rows, shown } = await raise(language);
    expect(rows.map((r) => r.kind).sort()).toEqual(['overrun', 'threshold']);
    expect(rows.filter((r) => r.urgent).map((r) => r.kind)).toEqual(['overrun']);
    expect(shown).toHaveLength(rows.length);
    for (const options of shown) {
      expect(options.type).toBe('basic');
      expect(Object.keys(options).filter((key) => !BASIC_FIELDS.includes(key))).toEqual([]);
      expect(options).toMatchObject({ title: expect.any(String), message: expect.any(String), iconUrl: expect.any(String) });
    }
    // Worded in the UI language (its messages really were loaded), not in English.
    if (language !== 'en') {
      const english = await raise('en');
      expect(shown.map((o) => o.title)).not.toEqual(english.shown.map((o) => o.title));
    }
  });
});
