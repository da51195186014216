import { Clock } from '../time/clock';
import { DAY } from '../time/units';
import { unshown, type SentAlert } from './decide';
import { inQuietHours, quietHoursEnd, type QuietHours } from './quiet-hours';

/**
 * What to show now among the rows written but not shown yet: urgent ones always, the others
 * only outside quiet hours (read from the current settings, so turning quiet hours off releases
 * held ones at the next check). Oldest first.
 */
export function dueAlerts<T extends SentAlert>(rows: readonly T[], now: number, quiet: QuietHours, timeZone: string): T[] {
  const quietNow = inQuietHours(now, quiet, new Clock(timeZone));
  return rows.filter((r) => unshown(r) && (r.urgent === true || !quietNow)).sort((a, b) => a.raisedAt - b.raisedAt || a.id - b.id);
}

/** When held rows become due (the end of quiet hours), or null when nothing is held. */
export function nextRelease(rows: readonly SentAlert[], now: number, quiet: QuietHours, timeZone: string): number | null {
  const clock = new Clock(timeZone);
  if (!inQuietHours(now, quiet, clock)) return null;
  return rows.some((r) => unshown(r) && r.urgent !== true) ? quietHoursEnd(now, quiet, clock) : null;
}

const PREFIX = 'esim-alert:';

/** The notification id carries the row id: a click after a service-worker restart still finds it. */
export function notificationId(rowId: number): string {
  return `${PREFIX}${rowId}`;
}

export function alertIdOf(notificationId: string): number | null {
  if (!notificationId.startsWith(PREFIX)) return null;
  const id = Number(notificationId.slice(PREFIX.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Older figures than this send the user to the carrier's page rather than to our stale copy. */
export const STALE_FIGURE_MS = 3 * DAY;

export interface ClickFacts {
  lineId: number | null;
  /** Latest time the line's figures were read or confirmed; null when the line has none left. */
  readAt: number | null;
  usageUrl: string | null;
  /** `browser.runtime.getURL('/popup.html')`. */
  popupUrl: string;
  now: number;
}

/** Where a click on a notification leads: the line in the popup, or the carrier's page when stale. */
export function clickTarget({ lineId, readAt, usageUrl, popupUrl, now }: ClickFacts): string {
  if (lineId === null || readAt === null) return popupUrl;
  if (now - readAt > STALE_FIGURE_MS && usageUrl) return usageUrl;
  return `${popupUrl}#line=${lineId}`;
}
