import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeLine, type AnalysisReading } from '../../lib/analysis';
import { expectWithinContract } from './contract';
import { atHours, DAY, diurnal, GB, HOUR, MB, readingsFor, T0 } from './helpers';

// A renewal that passed after the latest reading: the line's latest figures are the previous
// cycle's, so the outlook for the new cycle comes from the line's usual pace, not from a figure.

const TZ = 'Europe/Madrid';

/** A line read twice a day for `days` days, its page stating the cycle ends on day `endDay`. */
function statedEnd(daily: number, cap: number, days: number, endDay: number): AnalysisReading[] {
  return readingsFor({ days, perHour: diurnal(daily), cap, captureHours: atHours(days, [9, 21]) }).map((r) => ({ ...r, periodEnd: T0 + endDay * DAY }));
}

describe('a cycle that renewed after the latest reading', () => {
  it('is forecast from the usual pace: a light line lasts until its next renewal', () => {
    // 300 MB a day against 20 GB a month: last read on day 19, renewed on day 20 (stated), now day 22.
    const a = analyzeLine(statedEnd(300 * MB, 20 * GB, 19, 20), { now: T0 + 22 * DAY, timeZone: TZ });
    expect(a.cycle.start).toBe(T0 + 20 * DAY);
    expect(a.usedBytes).toBeNull();
    expect(a.lastReadingAt).toBeNull();
    expect(a.projection).toMatchObject({ status: 'within-cap', renewedUnread: true });
    // Spare at the next renewal: about a month of 300 MB a day less than 20 GB.
    const month = (a.cycle.end! - a.cycle.start!) / DAY;
    expect(a.projection.spareBytes! / GB).toBeCloseTo(20 - (month * 300) / 1024, 0);
  });

  it('a heavy line runs out again, on the date its pace gives from the renewal on (never before now)', () => {
    // 1 GB a day against 20 GB: the new cycle began on day 20, so about day 40 it is used up.
    const now = T0 + 24 * DAY;
    const a = analyzeLine(statedEnd(1 * GB, 20 * GB, 19, 20), { now, timeZone: TZ });
    expect(a.projection.status).toBe('runs-out');
    expect(a.projection.renewedUnread).toBe(true);
    expect(a.projection.exhaustAt!).toBeGreaterThanOrEqual(now);
    expect(Math.abs((a.projection.exhaustAt! - (T0 + 40 * DAY)) / DAY)).toBeLessThan(1);
  });

  it('a pace that would have used the new cap by now is "probably used up", not a date in the past', () => {
    // 1 GB a day against a 3 GB weekly pass stated to end on day 5: by day 12 the new one is gone too.
    const now = T0 + 12 * DAY;
    const a = analyzeLine(statedEnd(1 * GB, 3 * GB, 4, 5).map((r) => ({ ...r, usedBytes: Math.min(r.usedBytes!, 3 * GB) })), { now, timeZone: TZ });
    expect(a.projection).toMatchObject({ status: 'exhausted', likelyUsedUp: true, renewedUnread: true });
    expect(a.projection.exhaustAt!).toBeLessThan(now);
    expect(a.projection.exhaustAt!).toBeGreaterThan(T0 + 5 * DAY);
  });

  it('with too little history to show a pace, says so (and still that the cycle renewed unread)', () => {
    const r: AnalysisReading[] = [{ capturedAt: T0 + 10 * HOUR, usedBytes: 2 * GB, totalBytes: 20 * GB, periodEnd: T0 + DAY }];
    const a = analyzeLine(r, { now: T0 + 3 * DAY, timeZone: TZ });
    expect(a.projection).toMatchObject({ status: 'insufficient-data', renewedUnread: true });
  });

  it('is not claimed while the cycle has a reading, nor before the renewal', () => {
    const read = analyzeLine(statedEnd(300 * MB, 20 * GB, 19, 25), { now: T0 + 22 * DAY, timeZone: TZ });
    expect(read.projection.renewedUnread).toBeUndefined();
    expect(read.usedBytes).not.toBeNull();
  });

  it('property: any line whose renewal passed unread keeps the contract and states no figure', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 3000 }), // MB a day
        fc.constantFrom(1, 3, 10, 20, 50), // GB cap
        fc.integer({ min: 2, max: 25 }), // days read
        fc.integer({ min: 1, max: 40 }), // days from the last reading to now
        (mbDay, capGb, days, after) => {
          const cap = capGb * GB;
          const r = statedEnd(mbDay * MB, cap, days, days + 0.5).map((x) => ({ ...x, usedBytes: Math.min(x.usedBytes!, cap) }));
          const now = T0 + (days + 0.5) * DAY + after * DAY;
          const a = analyzeLine(r, { now, timeZone: TZ });
          expectWithinContract(a, now, TZ);
          expect(a.projection.renewedUnread).toBe(true);
          expect(a.usedBytes).toBeNull();
          expect(a.cycle.start!).toBeGreaterThan(r[r.length - 1]!.capturedAt);
          // More use a day never forecasts a later run-out: the pace is the line's own.
          const heavier = analyzeLine(r.map((x) => ({ ...x, usedBytes: Math.min(cap, x.usedBytes! * 2) })), { now, timeZone: TZ });
          if (a.projection.status === 'runs-out' && heavier.projection.status === 'runs-out') {
            expect(heavier.projection.exhaustAt!).toBeLessThanOrEqual(a.projection.exhaustAt! + HOUR);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
