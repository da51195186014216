import type { Interval } from './increments';
import type { Cumulative, Windows } from './windows';
import { HOUR } from '../time/units';

/**
 * How each window's use splits into "the line's usual rhythm, scaled" and "the same bytes every
 * hour": bytes_i ~ scale x expected_i + flat x hours_i over the window's intervals, by weighted
 * least squares. A busy spell, a weekend or a new habit scales the rhythm, so the quiet hours stay
 * quiet; a background drain adds the same bytes every hour, so it lifts the night as much as the
 * evening. The split is what tells a slow drain from days that were only busier.
 *
 * `flat` is the even part of the window's whole use, not of its excess over the usual: ordinary
 * windows have some too (hour noise), which is why the alarm bars on it sit well above zero.
 */
export interface FlatExcess {
  /**
   * Bytes per hour used evenly over window z's hours; NaN when the window cannot tell (below).
   * Fitted on demand: only windows of days are asked.
   */
  flatAt(z: number): number;
}

// The fit needs hours that usually carry little and hours that usually carry a lot, read apart:
// below this share of the two columns' information left once either explains the other (a line
// with an even hour profile, or a window of long intervals each mixing day and night, where a
// burst and a flat rate give the same totals) no split is given. Measured on both suites
// (DETECTION.md, "A drain is flat"): from 0.05 down the fit began to silence 2-hour spikes on lines
// read every few days.
const MIN_SEPARATION = 0.1;
// Two intervals fit two unknowns exactly, so all their noise would land in the even part: a split
// needs a few more than the unknowns.
const MIN_INTERVALS = 4;
// An interval's variance grows with the use it usually carries, and a little with its length (an
// hour that usually carries nothing still varies): each interval is weighted by its inverse.
const VARIANCE_PER_HOUR = 0.25;

export function flatExcess(intervals: readonly Interval[], w: Windows, cum: Cumulative, meanExpectedPerHour: number): FlatExcess {
  const m = intervals.length;
  // Prefix sums of the weighted normal equations' terms: each window's fit costs O(1).
  const ee = new Float64Array(m + 1), eh = new Float64Array(m + 1), hh = new Float64Array(m + 1);
  const ye = new Float64Array(m + 1), yh = new Float64Array(m + 1);
  const used = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) {
    const iv = intervals[i]!;
    const h = Math.max(0, (iv.end - iv.start) / HOUR);
    const e = Math.max(0, cum.expectedAt(iv.end) - cum.expectedAt(iv.start));
    // An interval the line was cut in shows less than the user would have used: left out, as is
    // one of no length (it carries no hours to split).
    const variance = e + VARIANCE_PER_HOUR * meanExpectedPerHour * h;
    const wt = iv.reachedCap || !(variance > 0) ? 0 : 1 / variance;
    ee[i + 1] = ee[i]! + wt * e * e;
    eh[i + 1] = eh[i]! + wt * e * h;
    hh[i + 1] = hh[i]! + wt * h * h;
    ye[i + 1] = ye[i]! + wt * iv.bytes * e;
    yh[i + 1] = yh[i]! + wt * iv.bytes * h;
    used[i + 1] = used[i]! + (wt > 0 ? 1 : 0);
  }
  const flatAt = (z: number): number => {
    const i = w.first[z]!;
    const j = w.last[z]! + 1;
    if (used[j]! - used[i]! < MIN_INTERVALS) return Number.NaN;
    const see = ee[j]! - ee[i]!, seh = eh[j]! - eh[i]!, shh = hh[j]! - hh[i]!;
    const sye = ye[j]! - ye[i]!, syh = yh[j]! - yh[i]!;
    const det = see * shh - seh * seh;
    if (!(see > 0 && shh > 0) || det < MIN_SEPARATION * see * shh) return Number.NaN;
    // Use running against the line's rhythm (a trip across the world, night shifts) fits with a
    // negative scale and a large even part: that is no drain on top of the usual, so no split.
    const scale = (shh * sye - seh * syh) / det;
    if (!(scale >= 0)) return Number.NaN;
    return (see * syh - seh * sye) / det;
  };
  return { flatAt };
}
