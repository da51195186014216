import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeLine, type AnalysisReading } from '../../lib/analysis';
import { flatExcess } from '../../lib/analysis/flat-excess';
import { buildGrid } from '../../lib/analysis/grid';
import type { Interval } from '../../lib/analysis/increments';
import { buildWindows, cumulative } from '../../lib/analysis/windows';
import { Clock } from '../../lib/time/clock';
import { atHours, DAY, diurnal, GB, HOUR, MB, readingsFor, T0 } from './helpers';

// A slow drain adds the same bytes every hour; days that were only busier scale the line's own
// rhythm. Over days, only the first is a leak.

const TZ = 'UTC';
const DAILY = 500 * MB;
const shape = diurnal(DAILY);
// Ordinary day-to-day variety, the same every run.
const VARIETY = [1, 0.85, 1.15, 0.95, 1.1, 0.9, 1.05, 1.2, 0.8, 1, 1.1, 0.9, 0.95, 1.05];
const variety = (t: number) => VARIETY[Math.floor((t - T0) / DAY) % VARIETY.length]!;
const SPELL_FROM = T0 + 18 * DAY;
const SPELL_TO = SPELL_FROM + 5 * DAY;
const inSpell = (t: number) => t >= SPELL_FROM && t < SPELL_TO;
const DAYS = 28;
const NOW = T0 + DAYS * DAY;

function lineOf(perHour: (t: number) => number, reads: number[]): AnalysisReading[] {
  return readingsFor({ days: DAYS, cap: 100 * GB, captureHours: atHours(DAYS, reads), perHour });
}
// Five days at 1.5x in the line's own rhythm (a busy spell: evenings busier, nights still quiet).
const busy = (t: number) => shape(t) * variety(t) * (inSpell(t) ? 1.5 : 1);
// The same extra bytes over the same five days, added evenly every hour (a background drain).
const drained = (t: number) => shape(t) * variety(t) + (inSpell(t) ? (0.5 * DAILY) / 24 : 0);
const alarmsInSpell = (r: AnalysisReading[]) =>
  analyzeLine(r, { now: NOW, timeZone: TZ }).anomalies.filter((a) => a.start < SPELL_TO && a.end > SPELL_FROM);
const hourlyReads = Array.from({ length: 24 }, (_, h) => h + 0.5);
// One uncut interval of the line's single chain.
const intervalOf = (start: number, end: number, bytes: number): Interval => ({ start, end, bytes, chain: 0, total: null, capped: false });

describe('a drain is flat', () => {
  // Hourly intervals over four days of the line's rhythm, and the fit of the window holding the
  // first `count` of them.
  const meanPerHour = DAILY / 24;
  const hourlyCum = () => {
    const grid = buildGrid(new Clock(TZ), T0, T0 + 4 * DAY);
    return cumulative(grid, Float64Array.from({ length: grid.count }, (_, k) => shape(T0 + k * HOUR)));
  };
  const hourlyIntervals = (perHour: (t: number) => number, hours = 1): Interval[] =>
    Array.from({ length: (4 * 24) / hours }, (_, k) => {
      const start = T0 + k * hours * HOUR;
      let bytes = 0;
      for (let h = 0; h < hours; h++) bytes += perHour(start + h * HOUR);
      return intervalOf(start, start + hours * HOUR, bytes);
    });
  const fitOf = (intervals: Interval[], count = intervals.length) => {
    const cum = hourlyCum();
    const w = buildWindows(intervals, cum);
    // The longest window from the first interval that ends within the first `count` intervals.
    let best = -1;
    for (let z = 0; z < w.n; z++) if (w.first[z] === 0 && w.last[z]! < count && (best < 0 || w.last[z]! > w.last[best]!)) best = z;
    return flatExcess(intervals, w, cum, meanPerHour).flatAt(best) / meanPerHour;
  };
  const fit = (perHour: (t: number) => number) => fitOf(hourlyIntervals(perHour));

  it('splits a window into the rhythm scaled and bytes added evenly', () => {
    expect(fit((t) => 2 * shape(t))).toBeCloseTo(0, 6);
    expect(fit((t) => shape(t) + 1.5 * meanPerHour)).toBeCloseTo(1.5, 6);
    expect(fit((t) => 0.7 * shape(t) + 0.4 * meanPerHour)).toBeCloseTo(0.4, 6);
    // Any scale of the rhythm and any even rate: the split gives back the even rate.
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 4, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (scale, even) => {
        expect(fit((t) => scale * shape(t) + even * meanPerHour)).toBeCloseTo(even, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('leaves out an interval the line was cut in', () => {
    const intervals = hourlyIntervals((t) => shape(t) + meanPerHour);
    // A cut interval shows what was left of the cap, not the user's habits: here far more than usual.
    intervals[30] = { ...intervals[30]!, bytes: 50 * meanPerHour, reachedCap: true };
    expect(fitOf(intervals)).toBeCloseTo(1, 6);
  });

  it('gives no split where the hours cannot tell a drain from the rhythm', () => {
    // Use running against the rhythm (busy nights, quiet evenings) is no drain on top of the usual.
    expect(fit((t) => 3 * meanPerHour - shape(t))).toBeNaN();
    // Two intervals fit two unknowns exactly, whatever their noise: no split before four.
    const twoHourly = hourlyIntervals((t) => shape(t) + meanPerHour, 2);
    expect(fitOf(twoHourly, 2)).toBeNaN();
    expect(fitOf(twoHourly, 4)).toBeCloseTo(1, 6);
    // An even hour profile: a flat rate and the rhythm scaled are the same thing.
    const grid = buildGrid(new Clock(TZ), T0, T0 + 4 * DAY);
    const cum = cumulative(grid, new Float64Array(grid.count).fill(DAILY / 24));
    const intervals = Array.from({ length: 8 }, (_, k) => intervalOf(T0 + k * 12 * HOUR, T0 + (k + 1) * 12 * HOUR, DAILY));
    const w = buildWindows(intervals, cum);
    const { flatAt } = flatExcess(intervals, w, cum, DAILY / 24);
    expect(Array.from({ length: w.n }, (_, z) => flatAt(z)).every(Number.isNaN)).toBe(true);
  });

  it('five busy days in the line\'s own rhythm raise no alarm on a line read hourly (they did before the split)', () => {
    expect(alarmsInSpell(lineOf(busy, hourlyReads))).toEqual([]);
  });

  it('the same bytes added evenly over the same days are a slow drain', () => {
    const alarms = alarmsInSpell(lineOf(drained, hourlyReads));
    expect(alarms.some((a) => a.slowDrain === true)).toBe(true);
  });

  it('on a line read four times a day the drain is still found and the busy spell still passes', () => {
    const reads = [8.5, 13, 18.5, 23.5];
    expect(alarmsInSpell(lineOf(drained, reads)).some((a) => a.slowDrain === true)).toBe(true);
    expect(alarmsInSpell(lineOf(busy, reads))).toEqual([]);
  });
});
