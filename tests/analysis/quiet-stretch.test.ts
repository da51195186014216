import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeLine, type AnalysisReading } from '../../lib/analysis';
import { detectAnomalies } from '../../lib/analysis/anomalies';
import { buildGrid } from '../../lib/analysis/grid';
import type { Interval } from '../../lib/analysis/increments';
import { Clock } from '../../lib/time/clock';
import { expectWithinContract } from './contract';
import { atHours, DAY, diurnal, GB, HOUR, MB, readingsFor, T0 } from './helpers';

// Days with the phone off are the quiet mirror of a leak: the pace ahead is the line's habits, so
// they are lifted to the usual as a leak's excess is set aside.

const TZ = 'UTC';
// Ordinary day-to-day variety, the same every run: no day is unusual on its own.
const VARIETY = [1, 0.85, 1.15, 0.95, 1.1, 0.9, 1.05, 1.2, 0.8, 1, 1.1, 0.9, 0.95, 1.05];

function line(daily: number, days: number, dayFactor: (d: number) => number, reads: number[]): AnalysisReading[] {
  const shape = diurnal(daily);
  return readingsFor({
    days, cap: 100 * GB, captureHours: atHours(days, reads),
    perHour: (t) => shape(t) * dayFactor(Math.floor((t - T0) / DAY)) * VARIETY[Math.floor((t - T0) / DAY) % VARIETY.length]!,
  });
}

const hourlyReads = () => Array.from({ length: 24 }, (_, h) => h + 0.5);
const paceOf = (r: AnalysisReading[], now: number) => analyzeLine(r, { now, timeZone: TZ }).projection.expectedDailyBytes!;

describe('a quiet stretch in the history', () => {
  it('three days with the phone off do not lower the pace ahead', () => {
    const now = T0 + 24 * DAY + 22 * HOUR;
    const off = (d: number) => (d >= 15 && d <= 17 ? 0.02 : 1);
    const usual = paceOf(line(500 * MB, 24, () => 1, [9, 21]), now);
    const withOff = paceOf(line(500 * MB, 24, off, [9, 21]), now);
    expect(usual / MB).toBeGreaterThan(450);
    expect(withOff / usual).toBeGreaterThan(0.95);
  });

  it('a lasting drop is the new pace, not lifted back to the old one', () => {
    // 500 MB a day for two weeks, then 150 MB a day for ten days: the pace ahead is the new one.
    const now = T0 + 24 * DAY + 22 * HOUR;
    const pace = paceOf(line(500 * MB, 24, (d) => (d >= 14 ? 0.3 : 1), [9, 21]), now);
    expect(pace / MB).toBeGreaterThan(120);
    expect(pace / MB).toBeLessThan(190);
  });

  it('a lasting drop with a leak beside it is still the new pace: the leak does not make the drop a gap', () => {
    // As above, with a 1 GB sync one night in the low days: it is set aside, and judged apart.
    const now = T0 + 24 * DAY + 22 * HOUR;
    const base = line(500 * MB, 24, (d) => (d >= 14 ? 0.3 : 1), hourlyReads());
    const leakFrom = T0 + 20 * DAY + 2 * HOUR;
    const withLeak = base.map((r) => (r.capturedAt > leakFrom ? { ...r, usedBytes: r.usedBytes! + Math.min(1, (r.capturedAt - leakFrom) / (3 * HOUR)) * GB } : r));
    const pace = paceOf(withLeak, now);
    expect(pace / MB).toBeLessThan(220);
    expect(pace / paceOf(base, now)).toBeLessThan(1.15);
  });

  it('a stretch holding the interval in which the line was cut at its cap is never quiet', () => {
    // Daily intervals of 600 MB; on day 10 the cap was reached an hour in (50 MB), then a renewal.
    const clock = new Clock(TZ);
    const day = (d: number, bytes: number, chain: number, reachedCap = false): Interval => ({
      start: T0 + d * DAY, end: T0 + (d + 1) * DAY, bytes, chain, total: 20 * GB, capped: false, ...(reachedCap ? { reachedCap } : {}),
    });
    const intervals = (cut: boolean) => [
      ...Array.from({ length: 10 }, (_, d) => day(d, 600 * MB, 0)),
      day(10, 50 * MB, 0, cut),
      ...Array.from({ length: 10 }, (_, d) => day(11 + d, 600 * MB, 1)),
    ];
    const grid = buildGrid(clock, T0, T0 + 21 * DAY);
    const expected = new Float64Array(grid.count).fill(25 * MB);
    const quietOn = (cut: boolean) => detectAnomalies({ intervals: intervals(cut), grid, expected, clock, typicalDay: 600 * MB, sensitivity: 'normal' })
      .quiet.some((q) => q.start < T0 + 11 * DAY && q.end > T0 + 10 * DAY);
    // The same 50 MB day read as ordinary use is quiet (the phone was off); cut at the cap, it is not.
    expect(quietOn(false)).toBe(true);
    expect(quietOn(true)).toBe(false);
  });

  it('a weekly pass cut at its cap every week keeps the pace it is used at', () => {
    // A weekly 3 GB pass used at 600 MB a day: each week it is cut on day 5, read twice a day.
    const shape = diurnal(600 * MB);
    const r = readingsFor({ days: 28, cap: 3 * GB, captureHours: atHours(28, [9, 21]), perHour: shape, resetsAt: [7 * 24, 14 * 24, 21 * 24] })
      .map((x) => ({ ...x, usedBytes: Math.min(x.usedBytes!, 3 * GB) }));
    const pace = paceOf(r, T0 + 27 * DAY + 22 * HOUR);
    expect(pace / MB).toBeGreaterThan(500);
    expect(pace / MB).toBeLessThan(700);
  });

  it('property: a few days off anywhere in the last three weeks lower the pace by little, and the contract holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 3000 }),
        fc.integer({ min: 5, max: 19 }),
        fc.integer({ min: 2, max: 4 }),
        fc.constantFrom<number[]>([9, 21], [8, 13, 22], [7, 12, 17, 22]),
        (dailyMb, offFrom, offDays, reads) => {
          const now = T0 + 26 * DAY + 23 * HOUR;
          const off = (d: number) => (d >= offFrom && d < offFrom + offDays ? 0.02 : 1);
          const r = line(dailyMb * MB, 26, off, reads);
          const a = analyzeLine(r, { now, timeZone: TZ });
          expectWithinContract(a, now, TZ);
          const usual = paceOf(line(dailyMb * MB, 26, () => 1, reads), now);
          expect(a.projection.expectedDailyBytes! / usual).toBeGreaterThan(0.93);
          expect(a.projection.expectedDailyBytes! / usual).toBeLessThan(1.05);
        },
      ),
      { numRuns: 60 },
    );
  });
});
