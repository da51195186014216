import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeLine, type AnalysisReading } from '../../lib/analysis';
import { expectWithinContract } from './contract';
import { atHours, DAY, diurnal, GB, HOUR, MB, readingsFor, T0 } from './helpers';

// Days with the phone off (or a page that showed no new use) are the quiet mirror of a leak: the
// pace ahead is the line's habits, so they are lifted to the usual as a leak's excess is set aside.

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

  it('the stretch in which the line was cut at its cap is not counted as quiet', () => {
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
