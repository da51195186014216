import type { Projection } from './types';
import type { Grid } from './grid';
import type { Slots } from './spread';
import type { Baseline } from './profile';
import { Clock, mod, weekday } from '../time/clock';
import { DAY, HOUR } from '../time/units';
import { mad, median, weightedMedian } from './stats';

const RECENT_MS = 28 * DAY;
// Recent days count more: a line that got busier last week will keep being busier.
const HALF_LIFE_MS = 14 * DAY;
// A single heavy day (a leak, a trip) moves the level by at most this many typical days.
const DAY_CLIP = 3;
export const OPEN_HORIZON_MS = 31 * DAY;
// A look at the page this recent is the one the user has in front of them.
const JUST_LOOKED_MS = HOUR;
// No plan runs longer than a year; walking further is only ever a bad date.
const MAX_HORIZON_MS = 370 * DAY;

export interface Level {
  /** Bytes per hour at shape 1 (an average hour of an average weekday). */
  perHour: number;
  /** Relative uncertainty of the level, for the exhaustion range. */
  spread: number;
}

/**
 * The line's recent pace, measured against its own hour and weekday rhythm: bytes in covered
 * hours divided by how much use those hours usually carry. Two quiet weekdays and a busy
 * Saturday then give the same level as a typical week would.
 */
export function recentLevel(g: Grid, s: Slots, b: Baseline, tLast: number): Level | null {
  const k1 = Math.min(g.count - 1, Math.floor((tLast - g.start) / HOUR));
  const k0 = Math.max(0, Math.floor((tLast - RECENT_MS - g.start) / HOUR));
  const days = new Map<number, { bytes: number; shape: number; t: number }>();
  for (let k = k0; k <= k1; k++) {
    const c = s.cover[k]!;
    if (!(c > 0)) continue;
    const d = g.day[k]!;
    let e = days.get(d);
    if (!e) days.set(d, (e = { bytes: 0, shape: 0, t: g.start + k * HOUR }));
    e.bytes += s.bytes[k]!;
    e.shape += c * b.hourShape[g.hour[k]!]! * b.weekdayFactor[g.dow[k]!]!;
  }
  const entries = [...days.values()].filter((e) => e.shape > 0).sort((a, b) => a.t - b.t);
  if (!entries.length) return null;
  const ratios = entries.map((e) => e.bytes / e.shape);
  // After a lasting change (a trip, a new habit) only the days since it describe the pace ahead.
  const from = changePoint(entries, ratios);
  const recent = entries.slice(from);
  const r = ratios.slice(from);
  const weights = recent.map((e) => e.shape * (from > 0 ? 1 : Math.pow(0.5, (tLast - e.t) / HALF_LIFE_MS)));
  const typical = weightedMedian(r, weights);
  let num = 0;
  let den = 0;
  recent.forEach((_, i) => {
    num += weights[i]! * Math.min(r[i]!, DAY_CLIP * typical);
    den += weights[i]!;
  });
  const perHour = den > 0 ? num / den : 0;
  const m = median(r);
  const rel = m > 0 ? mad(r, m) / m : 0.5;
  return { perHour: Number.isFinite(perHour) ? perHour : 0, spread: Math.min(0.5, Math.max(0.1, rel / 2)) };
}

// A change is adopted when it has lasted a few days and stands well clear of day-to-day noise.
const MIN_SEGMENT_MS = 3 * DAY;
const CHANGE_T = 3.5;
const MIN_CHANGE = Math.log(1.2);

/**
 * Index of the first day of the latest lasting level, or 0 when the recent days show none: the
 * split of log day-ratios into "before" and "since" with the largest t statistic.
 */
function changePoint(entries: ReadonlyArray<{ t: number; shape: number }>, ratios: readonly number[]): number {
  const n = entries.length;
  if (n < 6) return 0;
  const floor = Math.max(1e-9, median(ratios) * 0.05);
  const x = ratios.map((v) => Math.log(Math.max(v, floor)));
  const w = entries.map((e) => Math.min(1, e.shape / Math.max(1e-9, maxShape(entries))));
  const sw = new Float64Array(n + 1);
  const sx = new Float64Array(n + 1);
  const sxx = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    sw[i + 1] = sw[i]! + w[i]!;
    sx[i + 1] = sx[i]! + w[i]! * x[i]!;
    sxx[i + 1] = sxx[i]! + w[i]! * x[i]! * x[i]!;
  }
  const last = entries[n - 1]!.t;
  let best = 0;
  let bestT = CHANGE_T;
  for (let s = 2; s <= n - 2; s++) {
    if (entries[s]!.t - entries[0]!.t < MIN_SEGMENT_MS || last - entries[s]!.t < MIN_SEGMENT_MS) continue;
    const w1 = sw[s]!;
    const w2 = sw[n]! - w1;
    if (w1 < 2 || w2 < 2) continue;
    const m1 = sx[s]! / w1;
    const m2 = (sx[n]! - sx[s]!) / w2;
    const ss = sxx[n]! - w1 * m1 * m1 - w2 * m2 * m2;
    const sd = Math.sqrt(Math.max(ss, 0) / Math.max(1, sw[n]! - 2)) + 0.05;
    const t = Math.abs(m2 - m1) / (sd * Math.sqrt(1 / w1 + 1 / w2));
    if (Math.abs(m2 - m1) >= MIN_CHANGE && t > bestT) {
      bestT = t;
      best = s;
    }
  }
  return best;
}

function maxShape(entries: ReadonlyArray<{ shape: number }>): number {
  let m = 0;
  for (const e of entries) if (e.shape > m) m = e.shape;
  return m;
}

/** Walks forward hour by hour from the latest reading; returns when `remaining` is used up. */
export function walk(clock: Clock, b: Baseline, perHour: number, from: number, horizon: number, remaining: number): { at: number | null; used: number } {
  let t = from;
  let used = 0;
  if (remaining <= 0) return { at: from, used: 0 };
  while (t < horizon) {
    const l = clock.local(t);
    const next = Math.min(horizon, t + HOUR - mod(l, HOUR));
    const rate = perHour * b.hourShape[Math.floor(mod(l, DAY) / HOUR)]! * b.weekdayFactor[weekday(Math.floor(l / DAY))]!;
    const add = (rate * (next - t)) / HOUR;
    if (used + add >= remaining && add > 0) return { at: t + ((remaining - used) / add) * (next - t), used: remaining };
    used += add;
    t = next > t ? next : t + HOUR;
  }
  return { at: null, used };
}

export interface ProjectionInput {
  clock: Clock;
  baseline: Baseline;
  level: Level;
  used: number;
  total: number;
  tLast: number;
  /** The latest look at the page: after tLast when the page said its figure was counted earlier. */
  lastLook: number;
  cycleEnd: number | null;
  now: number;
}

export function project(p: ProjectionInput): Projection {
  const horizon = Math.min(Math.max(p.tLast, p.cycleEnd ?? p.now + OPEN_HORIZON_MS), Math.max(p.tLast, p.now) + MAX_HORIZON_MS);
  const remaining = p.total - p.used;
  const mid = walk(p.clock, p.baseline, p.level.perHour, p.tLast, horizon, remaining);
  const fast = walk(p.clock, p.baseline, p.level.perHour * (1 + p.level.spread), p.tLast, horizon, remaining);
  const slow = walk(p.clock, p.baseline, p.level.perHour * (1 - p.level.spread), p.tLast, horizon, remaining);
  const expectedDailyBytes = Math.max(0, p.level.perHour * 24);
  if (mid.at !== null && mid.at < p.now) {
    if (mid.at < p.lastLook && p.now - p.lastLook <= JUST_LOOKED_MS) {
      // The page was looked at just now, after that date, but the figure it showed was counted
      // before it: the cap is running out about now, not known to be used up ("open the page to
      // check" would ask for the look just taken).
      const latest = slow.at === null ? null : Math.max(p.now, slow.at);
      return { status: 'runs-out', exhaustAt: p.now, exhaustRange: { earliest: p.now, latest }, spareBytes: p.cycleEnd !== null ? 0 : null, expectedDailyBytes };
    }
    // The line has not been read since the date the forecast gave: the cap is probably used up
    // by now, which only a fresh look at the page can confirm. Never a date in the past.
    return { status: 'exhausted', exhaustAt: mid.at, exhaustRange: null, spareBytes: 0, expectedDailyBytes, likelyUsedUp: true };
  }
  const exhaustRange = fast.at !== null ? { earliest: Math.max(p.now, fast.at), latest: slow.at } : null;
  if (mid.at !== null) {
    return { status: 'runs-out', exhaustAt: mid.at, exhaustRange, spareBytes: p.cycleEnd !== null ? 0 : null, expectedDailyBytes };
  }
  const spareBytes = p.cycleEnd !== null ? Math.max(0, remaining - mid.used) : null;
  return { status: 'within-cap', exhaustAt: null, exhaustRange, spareBytes, expectedDailyBytes };
}
