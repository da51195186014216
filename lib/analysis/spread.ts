import type { Interval } from './increments';
import { slotsTouched, type Grid } from './grid';
import { HOUR } from '../time/units';

export interface Slots {
  bytes: Float64Array;
  /** Fraction of each hour covered by some interval (0-1). */
  cover: Float64Array;
}

/** Weight of slot k: by hour of day (24 weights) or by hour of the week (168, Sunday 00 h first). */
export function slotWeight(weight: Float64Array, g: Grid, k: number): number {
  return weight.length === 168 ? weight[g.dow[k]! * 24 + g.hour[k]!]! : weight[g.hour[k]!]!;
}

/**
 * Spreads each increment over the hours it covers, in proportion to the line's own hour-of-day
 * (or hour-of-week) profile, or evenly when no profile is known yet. A reading taken at 09:00
 * after one at 22:00 then credits most of its bytes to the evening, not to 03:00, and one taken
 * on Monday after one on Friday credits the weekend with the line's usual weekend share.
 */
export function spread(intervals: readonly Interval[], g: Grid, hourWeight: Float64Array | null): Slots {
  const bytes = new Float64Array(g.count);
  const cover = new Float64Array(g.count);
  for (const iv of intervals) {
    const { first: k0, last: k1 } = slotsTouched(g, iv.start, iv.end);
    if (!(iv.end > iv.start) || k1 < k0) {
      const k = Math.min(g.count - 1, Math.max(0, Math.floor((iv.end - g.start) / HOUR)));
      bytes[k]! += iv.bytes;
      continue;
    }
    let sum = 0;
    for (let k = k0; k <= k1; k++) {
      const ov = overlap(g, k, iv.start, iv.end);
      sum += ov * (hourWeight ? slotWeight(hourWeight, g, k) : 1);
      cover[k]! += ov / HOUR;
    }
    if (iv.bytes === 0) continue;
    const even = !(sum > 0);
    const total = even ? iv.end - iv.start : sum;
    for (let k = k0; k <= k1; k++) {
      const ov = overlap(g, k, iv.start, iv.end);
      const w = even || !hourWeight ? 1 : slotWeight(hourWeight, g, k);
      bytes[k]! += (iv.bytes * ov * w) / total;
    }
  }
  for (let k = 0; k < g.count; k++) if (cover[k]! > 1) cover[k] = 1;
  return { bytes, cover };
}

function overlap(g: Grid, k: number, s: number, e: number): number {
  const a = g.start + k * HOUR;
  return Math.max(0, Math.min(e, a + HOUR) - Math.max(s, a));
}
