import { describe, expect, it } from 'vitest';
import type { SentAlert } from '@/lib/alerts/decide';
import { inQuietHours, quietHoursEnd } from '@/lib/alerts/quiet-hours';
import { alertIdOf, clickTarget, dueAlerts, nextRelease, notificationId } from '@/lib/alerts/release';
import { Clock } from '@/lib/time/clock';
import { DAY, NOW } from './states';

const QUIET = { enabled: true, start: '22:00', end: '08:00' };
const at = (h: number, m = 0) => Date.UTC(2026, 10, 20, h, m);
const row = (id: number, overrides: Partial<SentAlert> = {}): SentAlert => ({
  id, lineId: 1, kind: 'threshold', key: `k${id}`, raisedAt: at(22, id), heldUntil: null, shownAt: null, droppedAt: null, urgent: false, ...overrides,
});

describe('quiet hours', () => {
  const utc = new Clock('UTC');
  it.each([
    [at(21, 59), false],
    [at(22), true],
    [at(23, 59), true],
    [at(0), true],
    [at(7, 59), true],
    [at(8), false],
  ])('22:00-08:00 crosses midnight (%s → %s)', (now, quiet) => {
    expect(inQuietHours(now, QUIET, utc)).toBe(quiet);
  });

  it('are off when disabled or empty', () => {
    expect(inQuietHours(at(23), { ...QUIET, enabled: false }, utc)).toBe(false);
    expect(inQuietHours(at(23), { enabled: true, start: '08:00', end: '08:00' }, utc)).toBe(false);
  });

  it('end at the next local end time, across a DST change', () => {
    expect(quietHoursEnd(at(23), QUIET, utc)).toBe(Date.UTC(2026, 10, 21, 8));
    expect(quietHoursEnd(at(3), QUIET, utc)).toBe(at(8));
    // Night of 24-25 Oct 2026 in Madrid: clocks go back at 03:00 CEST; 08:00 CET is 07:00 UTC.
    expect(quietHoursEnd(Date.UTC(2026, 9, 24, 21), QUIET, new Clock('Europe/Madrid'))).toBe(Date.UTC(2026, 9, 25, 7));
  });
});

describe('dueAlerts and nextRelease', () => {
  const rows = [row(1, { heldUntil: at(8) + DAY }), row(2, { urgent: true }), row(3, { shownAt: NOW }), row(4, { droppedAt: NOW })];

  it('show urgent rows at once and hold the rest during quiet hours', () => {
    expect(dueAlerts(rows, at(23), QUIET, 'UTC').map((r) => r.id)).toEqual([2]);
    expect(nextRelease(rows, at(23), QUIET, 'UTC')).toBe(at(8) + DAY);
  });

  it('release held rows once quiet hours end, oldest first; never shown or dropped ones again', () => {
    expect(dueAlerts(rows, at(8) + DAY, QUIET, 'UTC').map((r) => r.id)).toEqual([1, 2]);
    expect(nextRelease(rows, at(8) + DAY, QUIET, 'UTC')).toBeNull();
  });

  it('release held rows when the user turns quiet hours off', () => {
    expect(dueAlerts(rows, at(23), { ...QUIET, enabled: false }, 'UTC').map((r) => r.id)).toEqual([1, 2]);
  });

  it('show a row written but not shown before a restart (rows from before shownAt existed too)', () => {
    const legacy = { id: 9, lineId: 1, kind: 'threshold', key: 'k', raisedAt: 1, heldUntil: null } as SentAlert;
    expect(dueAlerts([legacy], at(12), QUIET, 'UTC')).toEqual([legacy]);
  });

  it('schedule nothing when only urgent rows wait', () => {
    expect(nextRelease([row(2, { urgent: true })], at(23), QUIET, 'UTC')).toBeNull();
  });
});

describe('notification ids and clicks', () => {
  it('carry the alert row id', () => {
    expect(notificationId(42)).toBe('esim-alert:42');
    expect(alertIdOf('esim-alert:42')).toBe(42);
    expect(alertIdOf('other:42')).toBeNull();
    expect(alertIdOf('esim-alert:x')).toBeNull();
    expect(alertIdOf('esim-alert:-1')).toBeNull();
  });

  const popupUrl = 'chrome-extension://id/popup.html';
  const usageUrl = 'https://appweb.movistar.es/';
  it('open the line in the popup while the figure is fresh', () => {
    expect(clickTarget({ lineId: 3, readAt: NOW - 2 * DAY, usageUrl, popupUrl, now: NOW })).toBe(`${popupUrl}#line=3`);
  });
  it('open the carrier’s usage page when the figure is older than 3 days', () => {
    expect(clickTarget({ lineId: 3, readAt: NOW - 3 * DAY - 1, usageUrl, popupUrl, now: NOW })).toBe(usageUrl);
    expect(clickTarget({ lineId: 3, readAt: NOW - 4 * DAY, usageUrl: null, popupUrl, now: NOW })).toBe(`${popupUrl}#line=3`);
  });
  it('open the popup when the line is gone', () => {
    expect(clickTarget({ lineId: null, readAt: null, usageUrl: null, popupUrl, now: NOW })).toBe(popupUrl);
  });
});
