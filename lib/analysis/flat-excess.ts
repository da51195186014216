import type { Interval } from './increments';
import type { Cumulative, Windows } from './windows';
import { HOUR } from '../time/units';

/**
 * How each window's use splits into "the line's usual rhythm, scaled" and "the same bytes every
 * hour": bytes_i ~ scale x expected_i + flat x hours_i over the window's intervals, by weighted
 * least squares. A busy spell, a weekend or a new habit scales the rhythm, so the quiet hours stay
 * quiet; a background drain adds the same bytes every hour, so it lifts the night as much as the
 * evening. The split is what tells a slow drain from days that were only busier.
 */
export interface FlatExcess {
  /** Bytes per hour added evenly over the window's hours; NaN when the window cannot tell (below). */
  flat: Float64Array;
}

// The fit needs hours that usually carry little and hours that usually carry a lot, read apart:
// below this share of the two columns' information left once either explains the other (a line
// with an even hour profile, or a window of one or two long intervals, where a burst and a flat
// rate give the same totals) no split is given. Measured on both suites (DETECTION.md, "A drain is
// flat"): from 0.05 down the fit began to silence 2-hour spikes on lines read every few days.
const MIN_SEPARATION = 0.1;
// An interval's noise grows with the use it usually carries, and a little with its length (an
// hour that usually carries nothing still varies).
const NOISE_PER_HOUR = 0.25;

export function flatExcess(intervals: readonly Interval[], w: Windows, cum: Cumulative, meanPerHour: number): FlatExcess {
  const m = intervals.length;
  // Prefix sums of the weighted normal equations' terms: each window's fit costs O(1).
  const ee = new Float64Array(m + 1), eh = new Float64Array(m + 1), hh = new Float64Array(m + 1);
  const ye = new Float64Array(m + 1), yh = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const iv = intervals[i]!;
    const h = Math.max(0, (iv.end - iv.start) / HOUR);
    const e = Math.max(0, cum.expectedAt(iv.end) - cum.expectedAt(iv.start));
    // An interval the line was cut in shows less than the user would have used: left out, as is
    // one of no length (it carries no hours to split).
    const noise = e + NOISE_PER_HOUR * meanPerHour * h;
    const wt = iv.reachedCap || !(noise > 0) ? 0 : 1 / noise;
    ee[i + 1] = ee[i]! + wt * e * e;
    eh[i + 1] = eh[i]! + wt * e * h;
    hh[i + 1] = hh[i]! + wt * h * h;
    ye[i + 1] = ye[i]! + wt * iv.bytes * e;
    yh[i + 1] = yh[i]! + wt * iv.bytes * h;
  }
  const flat = new Float64Array(w.n).fill(Number.NaN);
  for (let z = 0; z < w.n; z++) {
    const i = w.first[z]!;
    const j = w.last[z]! + 1;
    const see = ee[j]! - ee[i]!, seh = eh[j]! - eh[i]!, shh = hh[j]! - hh[i]!;
    const det = see * shh - seh * seh;
    if (!(see > 0 && shh > 0) || det < MIN_SEPARATION * see * shh) continue;
    flat[z] = (see * (yh[j]! - yh[i]!) - seh * (ye[j]! - ye[i]!)) / det;
  }
  return { flat };
}
