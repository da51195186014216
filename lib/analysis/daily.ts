import type { Grid } from './grid';
import type { Slots } from './spread';
import type { Interval } from './increments';
import { dayKey } from '../time/clock';
import { HOUR } from '../time/units';

export interface DayTotal {
  day: number;
  bytes: number;
  /** Hours of the day covered by readings. */
  cover: number;
  complete: boolean;
}

/** Sums hour slots into local days; days no interval touches are left out, not reported as 0. */
export function dayTotals(g: Grid, s: Slots): DayTotal[] {
  const out: DayTotal[] = [];
  let cur: DayTotal | null = null;
  let slots = 0;
  for (let k = 0; k < g.count; k++) {
    const d = g.day[k]!;
    if (!cur || cur.day !== d) {
      if (cur) finish(cur, slots, out);
      cur = { day: d, bytes: 0, cover: 0, complete: false };
      slots = 0;
    }
    cur.bytes += s.bytes[k]!;
    cur.cover += s.cover[k]!;
    slots++;
  }
  if (cur) finish(cur, slots, out);
  return out;
}

function finish(d: DayTotal, slots: number, out: DayTotal[]): void {
  // 23 and 25-hour days exist; a day is complete when (almost) every hour of it was covered.
  d.complete = slots >= 23 && d.cover >= slots - 0.05;
  if (d.cover > 0 || d.bytes > 0) out.push(d);
}

export function dailyOutput(days: readonly DayTotal[]): Array<{ day: string; bytes: number }> {
  return days.map((d) => ({ day: dayKey(d.day), bytes: Math.max(0, Math.round(d.bytes)) }));
}

// The hour-of-day chart is only drawn from readings at most two hours apart: with sparser
// readings the hourly shape is a model's guess, and the chart would present it as measured.
const DENSE_SPAN = 2 * HOUR;
const DENSE_MIN_PER_HOUR = 3;

export function hourlyProfile(g: Grid, s: Slots, intervals: readonly Interval[]): number[] | null {
  const seen = new Float64Array(24);
  for (const iv of intervals) {
    if (iv.end - iv.start > DENSE_SPAN || !(iv.end > iv.start)) continue;
    const k = Math.floor((iv.start - g.start) / HOUR);
    const h = g.hour[Math.min(g.count - 1, Math.max(0, k))]!;
    seen[h]! += 1;
  }
  for (let h = 0; h < 24; h++) if (seen[h]! < DENSE_MIN_PER_HOUR) return null;
  const b = new Float64Array(24);
  const c = new Float64Array(24);
  for (let k = 0; k < g.count; k++) {
    if (s.cover[k]! < 0.99) continue;
    b[g.hour[k]!]! += s.bytes[k]!;
    c[g.hour[k]!]! += 1;
  }
  return Array.from(b, (v, h) => (c[h]! > 0 ? Math.max(0, Math.round(v / c[h]!)) : 0));
}
