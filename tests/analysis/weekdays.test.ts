import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGrid, type Grid } from '../../lib/analysis/grid';
import type { Slots } from '../../lib/analysis/spread';
import { coveredDays, detectionWeekdayFactors as fromDays, weekdayFactors as projectionFromDays } from '../../lib/analysis/weekdays';
import { Clock } from '../../lib/time/clock';
import { DAY } from '../../lib/time/units';
import { analyzeLine } from '../../lib/analysis';
import { atHours, diurnal, GB, hourly, HOUR, MB, readingsFor, T0 } from './helpers';

// Six weeks of fully read hours in Madrid, from Monday 2025-03-03 (00:00 local = 23:00 UTC).
const clock = new Clock('Europe/Madrid');
const from = Date.UTC(2025, 2, 2, 23);
const grid = buildGrid(clock, from, from + 42 * DAY);
const flatHours = new Float64Array(24).fill(1);
// Both kinds of factors, from the covered days of a grid (as buildBaseline computes them once).
const detectionWeekdayFactors = (g: Grid, s: Slots, hours: Float64Array) => fromDays(coveredDays(g, s, hours));
const weekdayFactors = (g: Grid, s: Slots, hours: Float64Array) => projectionFromDays(coveredDays(g, s, hours));

/** Slots whose day d (0 = the first Monday) carries useOf(d, weekday) bytes, even over its hours. */
function slots(useOf: (d: number, dow: number) => number, g = grid) {
  const bytes = new Float64Array(g.count);
  const cover = new Float64Array(g.count).fill(1);
  const firstDay = g.day[0]!;
  for (let k = 0; k < g.count; k++) bytes[k] = useOf(g.day[k]! - firstDay, g.dow[k]!) / 24;
  return { bytes, cover };
}

// Day-to-day noise that repeats for a given seed: a multiplier within +-15 %.
const noise = (seed: number) => (d: number) => 1 + 0.15 * Math.sin(seed * 12.9898 + d * 78.233);
const spread = (f: Float64Array) => Math.max(...f) / Math.min(...f);

describe('weekday factors for the leak baseline (detectionWeekdayFactors)', () => {
  it('do not learn a five-day drain as a weekday rhythm, where the projection factors do', () => {
    // Three weeks of an even line, with a drain adding twice its use from Monday to Friday of the second.
    const weeks3 = buildGrid(clock, from, from + 21 * DAY);
    const s = slots((d) => 100 * (d >= 7 && d < 12 ? 3 : 1) * noise(7)(d), weeks3);
    const det = detectionWeekdayFactors(weeks3, s, flatHours);
    const proj = weekdayFactors(weeks3, s, flatHours);
    expect(spread(det)).toBeLessThan(1.1);
    // The projection's factors, each day against all history, take the drain's weekdays as busier.
    expect(spread(proj)).toBeGreaterThan(1.15);
  });

  it('keep most of a real weekend-heavy rhythm, and keep it through a busy week', () => {
    const weekend = (dow: number) => (dow === 0 || dow === 6 ? 3 : 1);
    for (const busyWeek of [false, true]) {
      const s = slots((d, dow) => 100 * weekend(dow) * (busyWeek && d >= 14 && d < 21 ? 1.8 : 1) * noise(3)(d));
      const f = detectionWeekdayFactors(grid, s, flatHours);
      const weekendMean = (f[0]! + f[6]!) / 2;
      const weekdayMean = (f[1]! + f[2]! + f[3]! + f[4]! + f[5]!) / 5;
      expect(weekendMean / weekdayMean).toBeGreaterThan(2.3);
      expect(weekendMean / weekdayMean).toBeLessThan(3.3);
    }
  });

  it('are flat for a line with no weekly rhythm, whatever its noise and level changes, and always finite with mean 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 41 }), fc.double({ min: 0.3, max: 3, noNaN: true }), (seed, shiftDay, shift) => {
        // A level that moves once for good (a trip, a new habit), on top of day-to-day noise.
        const f = detectionWeekdayFactors(grid, slots((d) => 100 * noise(seed)(d) * (d >= shiftDay ? shift : 1)), flatHours);
        expect(f.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
        expect(f.reduce((a, b) => a + b, 0) / 7).toBeCloseTo(1, 6);
        expect(spread(f)).toBeLessThan(1.25);
      }),
      { numRuns: 60 },
    );
  });

  it('are flat under 8 covered days', () => {
    const short = buildGrid(clock, from, from + 7 * DAY);
    const bytes = new Float64Array(short.count).map((_, k) => (short.dow[k] === 6 ? 30 : 5));
    const f = detectionWeekdayFactors(short, { bytes, cover: new Float64Array(short.count).fill(1) }, flatHours);
    expect(Array.from(f)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('from 8 days, before two of every weekday, learn a weekend-heavy first weekend as the weekend, and nothing from noise alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 13 }), fc.integer({ min: 1, max: 10_000 }), (days, seed) => {
        const g = buildGrid(clock, from, from + days * DAY);
        const weekend = (dow: number) => dow === 0 || dow === 6;
        const heavy = detectionWeekdayFactors(g, slots((d, dow) => 100 * (weekend(dow) ? 3 : 1) * noise(seed)(d), g), flatHours);
        expect(heavy[6]! / heavy[3]!).toBeGreaterThan(2);
        expect(heavy[0]!).toBeCloseTo(heavy[6]!, 9);
        expect(heavy[1]!).toBeCloseTo(heavy[5]!, 9);
        const plain = detectionWeekdayFactors(g, slots((d) => 100 * noise(seed)(d), g), flatHours);
        expect(spread(plain)).toBeLessThan(1.25);
      }),
      { numRuns: 40 },
    );
  });

  it('a weekend-heavy line first read on a Friday is not warned of its weekends once a week and a day is read', () => {
    // 3x on Saturdays and Sundays, evening-heavy days; read hourly, or at 08, 13 and 22 h. Until
    // this change the weekends were "unusual use" until two of every weekday had been seen (day 14).
    const perHour = (t: number) => {
      const dow = new Date(t).getUTCDay();
      return diurnal(300 * MB)(t) * (dow === 0 || dow === 6 ? 3 : 1) * (1 + 0.2 * Math.sin(t / 7e6));
    };
    for (const captureHours of [hourly(20), atHours(20, [8, 13, 22])]) {
      const r = readingsFor({ days: 20, perHour, cap: 50 * GB, captureHours });
      for (let d = 7; d <= 16; d++) {
        const now = T0 + d * DAY + 23 * HOUR;
        expect(analyzeLine(r.filter((x) => x.capturedAt <= now), { now, timeZone: 'UTC' }).anomalies).toEqual([]);
      }
    }
  });
});
