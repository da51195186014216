import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeLine, type AnalysisReading } from '../../lib/analysis';
import { DAY, GB, HOUR, MB, T0, atHours, diurnal, readingsFor } from './helpers';

// When neither the page nor the user says when the line renews, the renewal is placed from the
// readings. Until two renewals have been seen, a cycle's length was taken to be a month, so a
// 7-day package was told it "probably renews" three weeks late and "runs out" on a day its
// allowance had long been renewed.

const utc = (readings: AnalysisReading[], now: number) => analyzeLine(readings, { now, timeZone: 'UTC' });

/** A line whose counter started at `start` and restarts at each of `resets` (hours from start). */
function line(o: { start: number; days: number; daily: number; resets: number[]; firstRead: number; cap?: number }) {
  return readingsFor({
    start: o.start, days: o.days, perHour: diurnal(o.daily), cap: o.cap ?? 5 * GB, resetsAt: o.resets,
    captureHours: atHours(o.days, [9, 14, 21]).filter((h) => h >= o.firstRead),
  });
}

describe('how long a cycle runs when nothing states it', () => {
  it('a 7-day package first read on its third day: after its first renewal the next is due 7 days on, and it lasts', () => {
    const readings = line({ start: T0, days: 11, daily: 150 * MB, resets: [7 * 24], firstRead: 48, cap: 2 * GB });
    const a = utc(readings, T0 + 10 * DAY + 22 * HOUR);
    expect(a.cycle.startSource).toBe('reset');
    expect(a.cycle.endSource).toBe('inferred');
    expect(Math.abs(a.cycle.end! - (T0 + 14 * DAY))).toBeLessThan(12 * HOUR);
    // 150 MB a day for the week of a 2 GB package: within the cap, not "runs out" in week three.
    expect(a.projection.status).toBe('within-cap');
  });

  it('a 15-day package first read on its sixth day is placed at 15 days', () => {
    const readings = line({ start: T0, days: 19, daily: 200 * MB, resets: [15 * 24], firstRead: 5 * 24 });
    const a = utc(readings, T0 + 18 * DAY + 22 * HOUR);
    expect(Math.abs(a.cycle.end! - (T0 + 30 * DAY))).toBeLessThan(12 * HOUR);
  });

  it('a monthly line first read on day 12 keeps renewing on the same day each month', () => {
    // 1 March to 1 April, then to 1 May (UTC).
    const readings = line({ start: T0, days: 40, daily: 200 * MB, resets: [31 * 24], firstRead: 11 * 24, cap: 20 * GB });
    const a = utc(readings, T0 + 39 * DAY + 22 * HOUR);
    expect(Math.abs(a.cycle.start! - Date.UTC(2024, 3, 1))).toBeLessThan(12 * HOUR);
    expect(Math.abs(a.cycle.end! - Date.UTC(2024, 4, 1))).toBeLessThan(12 * HOUR);
  });

  it('a guess of 7 days that the count outlives becomes 15 days, then a month', () => {
    // Almost nothing used in the first eight days of a 15-day package: the first figure looks
    // like a package bought the day before, so the first guess is 7 days.
    const quiet = 8 * 24;
    const perHour = (t: number) => ((t - T0) / HOUR < quiet ? 0.2 * MB : diurnal(300 * MB)(t));
    const readings = readingsFor({ start: T0, days: 34, perHour, cap: 10 * GB, resetsAt: [15 * 24], captureHours: atHours(34, [9, 14, 21]).filter((h) => h >= quiet) });
    const renewal = T0 + 15 * DAY;
    const at = (days: number) => utc(readings.filter((r) => r.capturedAt <= renewal + days * DAY), renewal + days * DAY);
    expect(Math.abs(at(5).cycle.end! - (renewal + 7 * DAY))).toBeLessThan(12 * HOUR);
    expect(Math.abs(at(9).cycle.end! - (renewal + 15 * DAY))).toBeLessThan(12 * HOUR);
    expect(at(9).cycle.endSource).toBe('inferred');
  });

  it('30-day packages renew every 30 days: one from 5 January to 4 February is no monthly plan', () => {
    const start = Date.UTC(2024, 0, 1);
    const jan5 = 4 * 24;
    const readings = line({ start, days: 70, daily: 300 * MB, resets: [jan5, jan5 + 30 * 24, jan5 + 60 * 24], firstRead: 0, cap: 20 * GB });
    const a = utc(readings, start + 69 * DAY + 22 * HOUR);
    // Renewed 4 Feb and 5 Mar (2024 is a leap year); next 4 April, not 5 April.
    expect(Math.abs(a.cycle.start! - Date.UTC(2024, 2, 5))).toBeLessThan(12 * HOUR);
    expect(Math.abs(a.cycle.end! - Date.UTC(2024, 3, 4))).toBeLessThan(12 * HOUR);
  });

  it('30-day packages renewing unread stay 30 days apart, also after a cycle in a 30-day month', () => {
    // Renewed 4 Feb, 5 Mar, 4 Apr (read up to 20 Apr); 4 Apr to 4 May is both 30 days and a month.
    const start = Date.UTC(2024, 0, 1);
    const jan5 = 4 * 24;
    const readings = line({ start, days: 110, daily: 300 * MB, resets: [jan5, jan5 + 30 * 24, jan5 + 60 * 24, jan5 + 90 * 24], firstRead: 0, cap: 20 * GB })
      .filter((r) => r.capturedAt <= Date.UTC(2024, 3, 20));
    // Read again only on 10 May: the package renewed on 4 May and renews next on 3 June, not 4 June.
    const a = utc(readings, Date.UTC(2024, 4, 10));
    expect(a.projection.renewedUnread).toBe(true);
    expect(Math.abs(a.cycle.start! - Date.UTC(2024, 4, 4))).toBeLessThan(12 * HOUR);
    expect(Math.abs(a.cycle.end! - Date.UTC(2024, 5, 3))).toBeLessThan(12 * HOUR);
  });

  it('a renewal placed a little early between sparse readings is still due when the latest reading outlives it', () => {
    // 1 GB weekly packages at 150 MB a day, cut at the cap. The fourth one's first day was busy, so
    // its start, placed by pace between the readings either side, sits at the earlier of them. The
    // reading at the cap an hour before the true renewal outlives the end that start gives.
    const cap = 1e9;
    const perHour = (t: number) => diurnal(150 * MB)(t) + ((t - T0) / HOUR >= 504 && (t - T0) / HOUR < 520 ? 25 * MB : 0);
    const readings = readingsFor({ start: T0, days: 30, perHour, cap, resetsAt: [168, 336, 504, 672], captureHours: [...atHours(21, [9, 21]), 526, 580, 640, 671] })
      .map((r) => ({ ...r, usedBytes: Math.min(cap, r.usedBytes!) }));
    const renewal = T0 + 28 * DAY;
    const before = utc(readings.filter((r) => r.capturedAt < renewal), renewal - 0.5 * HOUR);
    // The renewal is still expected (after the latest reading), not forgotten ("used up" for good).
    expect(before.cycle.end!).toBeGreaterThan(readings[readings.length - 1]!.capturedAt);
    expect(Math.abs(before.cycle.end! - renewal)).toBeLessThan(DAY);
    // A day later, unread: the line has renewed, and the next one is a week on.
    const after = utc(readings, renewal + DAY);
    expect(after.projection.renewedUnread).toBe(true);
    expect(after.projection.status).not.toBe('exhausted');
    expect(Math.abs(after.cycle.end! - (renewal + 7 * DAY))).toBeLessThan(DAY);
  });

  it('a monthly plan renewing on the 5th stays on the 5th through February', () => {
    const start = Date.UTC(2024, 0, 1);
    const on5th = [Date.UTC(2024, 0, 5), Date.UTC(2024, 1, 5), Date.UTC(2024, 2, 5)].map((t) => (t - start) / HOUR);
    const readings = line({ start, days: 70, daily: 300 * MB, resets: on5th, firstRead: 0, cap: 20 * GB });
    const a = utc(readings, start + 69 * DAY + 22 * HOUR);
    expect(Math.abs(a.cycle.end! - Date.UTC(2024, 3, 5))).toBeLessThan(12 * HOUR);
  });

  it('after a first renewal, a 7- or 15-day package or a monthly plan is placed within 12 h, however far into its first cycle it was first read', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(7, 15, 0),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 50, max: 800, noNaN: true }),
        fc.array(fc.double({ min: 0.8, max: 1.25, noNaN: true }), { minLength: 80, maxLength: 80 }),
        (days, readFrom, dailyMb, dayFactors) => {
          const start = Date.UTC(2024, 4, 3);
          const firstEnd = days ? start + days * DAY : Date.UTC(2024, 5, 3);
          const length = (firstEnd - start) / HOUR;
          const perHour = (t: number) => diurnal(dailyMb * MB)(t) * dayFactors[Math.floor((t - start) / DAY)]!;
          const total = Math.ceil(length / 24) + 4;
          const readings = readingsFor({ start, days: total, perHour, cap: Math.round(dailyMb * 45 * MB), resetsAt: [length], captureHours: atHours(total, [9, 14, 21]).filter((h) => h >= readFrom * length) });
          const now = firstEnd + 3 * DAY + 22 * HOUR;
          const a = utc(readings, now);
          const expected = days ? firstEnd + days * DAY : Date.UTC(2024, 6, 3);
          expect(a.cycle.startSource).toBe('reset');
          expect(Math.abs(a.cycle.end! - expected)).toBeLessThan(12 * HOUR);
        },
      ),
      { numRuns: 40 },
    );
  });
});
