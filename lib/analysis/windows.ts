import type { Interval } from './increments';
import { isNight, type Grid } from './grid';
import { HOUR } from '../time/units';

/**
 * Stretches of consecutive intervals (same chain) examined for unusual use. A leak spread over
 * six hourly readings is invisible reading by reading and obvious over the six hours together,
 * so every interval starts windows of several lengths.
 */
export interface Windows {
  n: number;
  first: Int32Array;
  last: Int32Array;
  start: Float64Array;
  end: Float64Array;
  bytes: Float64Array;
  /** Usual use of the line over the same hours (baseline, not yet calibrated). */
  expected: Float64Array;
  nightHours: Float64Array;
}

// Up to a week: a background drain adds little per hour and shows only over days.
const SPANS_H = [0, 1.5, 4, 8, 16, 30, 54, 96, 170];

export interface Cumulative {
  /** Baseline bytes expected between the grid start and t. */
  expectedAt(t: number): number;
  nightAt(t: number): number;
}

export function cumulative(g: Grid, expected: Float64Array): Cumulative {
  const e = new Float64Array(g.count + 1);
  const n = new Float64Array(g.count + 1);
  for (let k = 0; k < g.count; k++) {
    e[k + 1] = e[k]! + expected[k]!;
    n[k + 1] = n[k]! + (isNight(g.hour[k]!) ? 1 : 0);
  }
  const at = (arr: Float64Array, per: (k: number) => number, t: number) => {
    const x = (t - g.start) / HOUR;
    if (!(x > 0)) return 0;
    if (x >= g.count) return arr[g.count]!;
    const k = Math.floor(x);
    return arr[k]! + (x - k) * per(k);
  };
  return {
    expectedAt: (t) => at(e, (k) => expected[k]!, t),
    nightAt: (t) => at(n, (k) => (isNight(g.hour[k]!) ? 1 : 0), t),
  };
}

export function buildWindows(intervals: readonly Interval[], cum: Cumulative): Windows {
  const m = intervals.length;
  const prefix = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) prefix[i + 1] = prefix[i]! + intervals[i]!.bytes;
  const cap = m * SPANS_H.length;
  const w: Windows = {
    n: 0, first: new Int32Array(cap), last: new Int32Array(cap), start: new Float64Array(cap), end: new Float64Array(cap),
    bytes: new Float64Array(cap), expected: new Float64Array(cap), nightHours: new Float64Array(cap),
  };
  const ptr = new Int32Array(SPANS_H.length);
  for (let i = 0; i < m; i++) {
    const a = intervals[i]!;
    if (!(a.end > a.start)) continue;
    let prevJ = -1;
    for (let s = 0; s < SPANS_H.length; s++) {
      const limit = a.start + SPANS_H[s]! * HOUR;
      let j = Math.max(ptr[s]!, i);
      while (j + 1 < m && intervals[j + 1]!.chain === a.chain && intervals[j + 1]!.end <= limit) j++;
      ptr[s] = j;
      if (j === prevJ) continue;
      prevJ = j;
      const z = w.n++;
      const end = intervals[j]!.end;
      w.first[z] = i;
      w.last[z] = j;
      w.start[z] = a.start;
      w.end[z] = end;
      w.bytes[z] = prefix[j + 1]! - prefix[i]!;
      w.expected[z] = cum.expectedAt(end) - cum.expectedAt(a.start);
      w.nightHours[z] = cum.nightAt(end) - cum.nightAt(a.start);
    }
  }
  return w;
}

export const BUCKETS = 7;

/** Duration bucket of a window; each bucket has its own spread of normal variation. */
export function durationBucket(hours: number): number {
  if (hours <= 2) return 0;
  if (hours <= 5) return 1;
  if (hours <= 10) return 2;
  if (hours <= 20) return 3;
  if (hours <= 40) return 4;
  if (hours <= 80) return 5;
  return 6;
}
