import type { browser as wxtBrowser } from 'wxt/browser';
import { decideAlerts } from '../alerts/decide';
import { ALERT_ICON_PATH } from '../alerts/icon';
import { alertIdOf, clickTarget, dueAlerts, nextRelease, notificationId } from '../alerts/release';
import { CARRIER_INFOS } from '../carriers/lookup';
import type { AlertRow, GuardDb } from '../db/schema';
import type { Translator } from '../i18n/translator';
import type { Settings } from '../settings/schema';
import type { LineStatus } from '../status/line-status';

type ExtensionBrowser = typeof wxtBrowser;

/** One-shot alarm at the end of quiet hours, so held notifications go out on time. */
export const RELEASE_ALARM = 'alerts-release';

export interface ApplyAlertsInput {
  statuses: readonly LineStatus[];
  settings: Settings;
  now: number;
  timeZone: string;
  /** The UI language's translator (loaded once per refresh by the caller). */
  i18n: Translator;
}

/**
 * Applies the alert decisions in two steps that each survive the service worker stopping:
 * 1. decide and write the rows in one IndexedDB transaction (the unique [lineId+key] index and
 *    reading the rows inside it mean two overlapping runs cannot raise the same alert twice);
 * 2. show every due row not shown yet, under an id derived from the row, and only then mark it
 *    shown. Stopped between create and mark, the next run creates the same id again, which
 *    replaces the notification rather than adding a second one.
 */
export async function applyAlerts(db: GuardDb, browser: ExtensionBrowser, input: ApplyAlertsInput): Promise<void> {
  const { settings, now, timeZone, i18n } = input;
  await db.transaction('rw', db.alerts, async () => {
    const sent = await db.alerts.toArray();
    const { add, drop } = decideAlerts(input.statuses, sent, { settings, now, timeZone, i18n });
    if (drop.length > 0) await db.alerts.bulkUpdate(drop.map((id) => ({ key: id, changes: { droppedAt: now } })));
    if (add.length > 0) await db.alerts.bulkAdd(add as AlertRow[]);
  });

  const waiting = await db.alerts.filter((r) => (r.shownAt ?? null) === null && (r.droppedAt ?? null) === null).toArray();
  for (const row of dueAlerts(waiting, now, settings.quietHours, timeZone)) {
    await browser.notifications.create(notificationId(row.id), {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ALERT_ICON_PATH),
      title: row.title,
      message: row.message,
      priority: row.urgent ? 2 : 0,
    });
    await db.alerts.update(row.id, { shownAt: Date.now() });
  }

  const release = nextRelease(waiting.filter((r) => (r.shownAt ?? null) === null), now, settings.quietHours, timeZone);
  if (release !== null) await browser.alarms.create(RELEASE_ALARM, { when: release });
}

/**
 * A click on one of our notifications: the line in the popup (opened as a tab: a notification
 * cannot open the toolbar popup), or the carrier's own page when our figure is older than 3 days.
 */
export async function openAlert(db: GuardDb, browser: ExtensionBrowser, id: string, now: number): Promise<void> {
  const alertId = alertIdOf(id);
  if (alertId === null) return;
  const row = await db.alerts.get(alertId);
  const line = row ? await db.lines.get(row.lineId) : undefined;
  const readings = line ? await db.readings.where('[lineId+capturedAt]').between([line.id, -Infinity], [line.id, Infinity]).reverse().limit(20).toArray() : [];
  const readAt = readings.length > 0 ? Math.max(...readings.map((r) => r.confirmedAt)) : null;
  const url = clickTarget({
    lineId: line?.id ?? null,
    readAt,
    usageUrl: CARRIER_INFOS.find((c) => c.id === line?.carrierId)?.usageUrl ?? null,
    popupUrl: browser.runtime.getURL('/popup.html'),
    now,
  });
  await browser.tabs.create({ url });
  await browser.notifications.clear(id);
}
