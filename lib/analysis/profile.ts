import type { Interval } from './increments';
import type { Grid } from './grid';
import { spread, type Slots } from './spread';
import { median } from './stats';
import { coveredDays, detectionWeekdayFactors, weekdayFactors } from './weekdays';

// A profile needs every hour of the day seen several times, and a week of cover overall;
// before that an even spread is the honest estimate.
const MIN_COVER_PER_HOUR = 4;
const MIN_COVER_TOTAL = 7 * 24;
const EM_ROUNDS = 5;
// No hour is ever assumed silent: a leak at 03:00 must still be able to show at 03:00.
const WEIGHT_FLOOR = 0.05;

export interface SlotEstimate extends Slots {
  /** Hour-of-day weights (mean 1), null while there is not enough history. */
  hourWeight: Float64Array | null;
  /** Hour-of-week weights (hour weight x weekday factor), null until two weeks are covered. */
  weekWeight: Float64Array | null;
}

// Two of each weekday seen before a weekday rhythm is learned; each weekday's factor is shrunk
// towards 1 by the days behind it, so one odd Tuesday does not become a rule.
const MIN_COVER_WEEK = 14 * 24;
const MIN_DAYS_PER_WEEKDAY = 1.5;

/** Weekday factors (mean 1) of the slots given the hour profile: bytes / usual use of covered hours. */
function weekdayProfile(g: Grid, s: Slots, hour: Float64Array): Float64Array | null {
  const b = new Float64Array(7);
  const e = new Float64Array(7);
  const c = new Float64Array(7);
  let covered = 0;
  for (let k = 0; k < g.count; k++) {
    const w = g.dow[k]!;
    b[w]! += s.bytes[k]!;
    e[w]! += s.cover[k]! * hour[g.hour[k]!]!;
    c[w]! += s.cover[k]!;
    covered += s.cover[k]!;
  }
  if (covered < MIN_COVER_WEEK) return null;
  let total = 0;
  let totalE = 0;
  for (let w = 0; w < 7; w++) {
    if (c[w]! / 24 < MIN_DAYS_PER_WEEKDAY) return null;
    total += b[w]!;
    totalE += e[w]!;
  }
  if (!(total > 0) || !(totalE > 0)) return null;
  const f = new Float64Array(7);
  let mean = 0;
  for (let w = 0; w < 7; w++) {
    const n = c[w]! / 24;
    const raw = b[w]! / e[w]! / (total / totalE);
    f[w] = Math.max(WEIGHT_FLOOR, 1 + (raw - 1) * (n / (n + 1)));
    mean += f[w]! / 7;
  }
  for (let w = 0; w < 7; w++) f[w] = f[w]! / mean;
  return f;
}

function weekOf(hour: Float64Array, day: Float64Array | null): Float64Array | null {
  if (!day) return null;
  const out = new Float64Array(168);
  for (let w = 0; w < 7; w++) for (let h = 0; h < 24; h++) out[w * 24 + h] = hour[h]! * day[w]!;
  return out;
}

function hourProfile(g: Grid, s: Slots): Float64Array | null {
  const b = new Float64Array(24);
  const c = new Float64Array(24);
  let covered = 0;
  for (let k = 0; k < g.count; k++) {
    const h = g.hour[k]!;
    b[h]! += s.bytes[k]!;
    c[h]! += s.cover[k]!;
    covered += s.cover[k]!;
  }
  if (covered < MIN_COVER_TOTAL) return null;
  let mean = 0;
  for (let h = 0; h < 24; h++) {
    if (c[h]! < MIN_COVER_PER_HOUR) return null;
    b[h] = b[h]! / c[h]!;
    mean += b[h]! / 24;
  }
  if (!(mean > 0)) return null;
  for (let h = 0; h < 24; h++) b[h] = Math.max(WEIGHT_FLOOR, b[h]! / mean);
  return b;
}

/**
 * Estimates use per hour slot. Long intervals are deconvolved by a few expectation-maximisation
 * rounds: spread with the current profile, re-learn the profile from the spread, repeat. Readings
 * taken at different times of day over weeks pin the profile down even when none is hourly.
 */
export function estimateSlots(intervals: readonly Interval[], g: Grid): SlotEstimate {
  let s = spread(intervals, g, null);
  let w = hourProfile(g, s);
  if (!w) return { ...s, hourWeight: null, weekWeight: null };
  let d = weekdayProfile(g, s, w);
  for (let round = 0; round < EM_ROUNDS; round++) {
    s = spread(intervals, g, weekOf(w, d) ?? w);
    w = hourProfile(g, s) ?? w;
    d = weekdayProfile(g, s, w) ?? d;
  }
  return { ...s, hourWeight: w, weekWeight: weekOf(w, d) };
}

export interface Baseline {
  /** Expected bytes in each slot on a usual day, the yardstick for unusual use (detection weekdays). */
  expected: Float64Array;
  /** Hour-of-day shape (mean 1) and weekday factors (mean ~1) used for projection. */
  hourShape: Float64Array;
  weekdayFactor: Float64Array;
  /** Typical (median) bytes on a fully covered day, null when no day was fully covered. */
  typicalDay: number | null;
}

/**
 * The line's own usual use, robust to the leaks we are looking for: per hour of day the median
 * over days, so a handful of bad nights cannot teach the baseline that 03:00 is busy.
 */
export function buildBaseline(g: Grid, s: SlotEstimate, days: ReadonlyArray<{ day: number; bytes: number; complete: boolean }>): Baseline {
  const perHour: number[][] = Array.from({ length: 24 }, () => []);
  let sumBytes = 0;
  let sumCover = 0;
  for (let k = 0; k < g.count; k++) {
    sumBytes += s.bytes[k]!;
    sumCover += s.cover[k]!;
    if (s.cover[k]! >= 0.99) perHour[g.hour[k]!]!.push(s.bytes[k]!);
  }
  const meanRate = sumCover > 0 ? sumBytes / sumCover : 0;
  const base = new Float64Array(24);
  let mean = 0;
  const robust = perHour.every((v) => v.length >= 3);
  for (let h = 0; h < 24; h++) {
    base[h] = robust ? median(perHour[h]!) : meanRate * (s.hourWeight ? s.hourWeight[h]! : 1);
    mean += base[h]! / 24;
  }
  if (!(mean > 0)) {
    for (let h = 0; h < 24; h++) base[h] = meanRate * (s.hourWeight ? s.hourWeight[h]! : 1);
    mean = meanRate;
  }
  const hourShape = new Float64Array(24).fill(1);
  if (mean > 0) {
    for (let h = 0; h < 24; h++) {
      base[h] = Math.max(base[h]!, mean * 0.02);
      hourShape[h] = base[h]! / mean;
    }
  }
  const complete = days.filter((d) => d.complete);
  const covered = coveredDays(g, s, hourShape);
  const weekdayFactor = weekdayFactors(covered);
  // Leaks are judged against weekdays learnt so that days-long events do not teach them (weekdays.ts).
  const detectionFactor = detectionWeekdayFactors(covered);
  const expected = new Float64Array(g.count);
  for (let k = 0; k < g.count; k++) expected[k] = base[g.hour[k]!]! * detectionFactor[g.dow[k]!]!;
  const typicalDay = complete.length ? median(complete.map((d) => d.bytes)) : null;
  return { expected, hourShape, weekdayFactor, typicalDay };
}
