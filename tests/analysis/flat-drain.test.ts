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

describe('a drain is flat', () => {
  it('splits a window into the rhythm scaled and bytes added evenly', () => {
    const clock = new Clock(TZ);
    const grid = buildGrid(clock, T0, T0 + 4 * DAY);
    const expected = Float64Array.from({ length: grid.count }, (_, k) => shape(T0 + k * HOUR));
    const cum = cumulative(grid, expected);
    const meanPerHour = DAILY / 24;
    const fitOf = (perHour: (t: number) => number) => {
      const intervals: Interval[] = Array.from({ length: 4 * 24 }, (_, k) => ({
        start: T0 + k * HOUR, end: T0 + (k + 1) * HOUR, bytes: perHour(T0 + k * HOUR), chain: 0, total: null, capped: false,
      }));
      const w = buildWindows(intervals, cum);
      // The longest window from the first interval.
      let longest = 0;
      for (let z = 0; z < w.n; z++) if (w.first[z] === 0 && w.last[z]! > w.last[longest]!) longest = z;
      return flatExcess(intervals, w, cum, meanPerHour).flat[longest]! / meanPerHour;
    };
    expect(fitOf((t) => 2 * shape(t))).toBeCloseTo(0, 6);
    expect(fitOf((t) => shape(t) + 1.5 * meanPerHour)).toBeCloseTo(1.5, 6);
    expect(fitOf((t) => 0.7 * shape(t) + 0.4 * meanPerHour)).toBeCloseTo(0.4, 6);
    // Any scale of the rhythm and any even rate: the split gives back the even rate.
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 4, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (scale, even) => {
        expect(fitOf((t) => scale * shape(t) + even * meanPerHour)).toBeCloseTo(even, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('gives no split where the hours cannot tell a drain from the rhythm', () => {
    // An even hour profile: a flat rate and the rhythm scaled are the same thing.
    const clock = new Clock(TZ);
    const grid = buildGrid(clock, T0, T0 + 4 * DAY);
    const expected = new Float64Array(grid.count).fill(DAILY / 24);
    const cum = cumulative(grid, expected);
    const intervals: Interval[] = Array.from({ length: 8 }, (_, k) => ({
      start: T0 + k * 12 * HOUR, end: T0 + (k + 1) * 12 * HOUR, bytes: DAILY, chain: 0, total: null, capped: false,
    }));
    const w = buildWindows(intervals, cum);
    expect(Array.from(flatExcess(intervals, w, cum, DAILY / 24).flat).every(Number.isNaN)).toBe(true);
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
