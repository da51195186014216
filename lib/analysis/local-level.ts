import type { Interval } from './increments';
import type { Cumulative } from './windows';
import { DAY, HOUR } from '../time/units';

// Over days, use is judged against the line's level around it, not its level over all history:
// a trip or a new habit moves that level for weeks, a leak only for its own days.
const BEFORE_MS = 14 * DAY;
const AFTER_MS = 7 * DAY;
const MIN_SEEN_MS = 2 * DAY;
// A rise that has lasted this long by the latest reading is a new habit, not a leak.
const HABIT_MS = 5 * DAY;
const HABIT_RISE = 1.25;

// One leak or one big download beside a window must not become the yardstick it is judged
// against (a runaway app can add two weeks' use to the fortnight before the next leak). For alarms,
// each side's level leaves out the run of intervals carrying the most use above that side's own
// level, when that is more than a day of the side's use: a run of one interval, or of several within
// PEAK_MS (a sync or a runaway app lasts hours, rarely over a day and a half). A trip or a new habit
// lasts longer and still moves the level.
const PEAK_MS = 36 * HOUR;
const PEAK_MIN_DAYS = 1;
// A run that touches the window may be longer (a slow drain lasts days), as long as the side keeps
// enough days of its own to measure a level: the whole week after, bar MIN_SEEN_MS.
const ADJACENT_MS = AFTER_MS - MIN_SEEN_MS;

export interface LocalLevel {
  /** Use relative to the baseline around [start, end), excluding it; NaN when too little is seen. */
  around(start: number, end: number): number;
  /** As around, with the largest burst of each side left out of it (see PEAK_MS, ADJACENT_MS). */
  aroundWithoutPeak(start: number, end: number): number;
  /**
   * The lower of the levels before and after [start, end), each without its largest burst (a leak
   * beside a lasting drop must not make the drop look like a gap); NaN unless both sides are seen.
   */
  lowerSide(start: number, end: number): number;
}

export function localLevel(intervals: readonly Interval[], cum: Cumulative): LocalLevel {
  const m = intervals.length;
  const bytes = new Float64Array(m + 1);
  const expected = new Float64Array(m + 1);
  const seen = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const iv = intervals[i]!;
    bytes[i + 1] = bytes[i]! + iv.bytes;
    expected[i + 1] = expected[i]! + Math.max(0, cum.expectedAt(iv.end) - cum.expectedAt(iv.start));
    seen[i + 1] = seen[i]! + Math.max(0, iv.end - iv.start);
  }
  // Intervals are in time order: [first index with start >= a, first index with end > b).
  const lowerStart = (a: number) => {
    let lo = 0, hi = m;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (intervals[mid]!.start < a) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const upperEnd = (b: number) => {
    let lo = 0, hi = m;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (intervals[mid]!.end <= b) lo = mid + 1; else hi = mid; }
    return lo;
  };
  // Level of intervals i..j-1, and of the intervals within [a, b).
  const levelOf = (i: number, j: number): number => {
    if (j <= i || seen[j]! - seen[i]! < MIN_SEEN_MS) return Number.NaN;
    const e = expected[j]! - expected[i]!;
    return e > 0 ? (bytes[j]! - bytes[i]!) / e : Number.NaN;
  };
  const level = (a: number, b: number): number => levelOf(lowerStart(a), upperEnd(b));
  // Bytes above `rate` x expected in intervals 0..k-1: a run's excess is the difference of two.
  const excessTo = (k: number, rate: number) => bytes[k]! - rate * expected[k]!;
  // The run [from, to) of intervals i..j-1 with the most bytes above `rate` x expected: one
  // interval, or several starting within PEAK_MS of the run's end. Sliding minimum of the prefix.
  const queue = new Int32Array(m + 1);
  const largestRun = (i: number, j: number, rate: number) => {
    const x = (k: number) => excessTo(k, rate);
    let excess = 0, from = -1, to = -1;
    let head = 0, tail = 0;
    for (let r = i + 1; r <= j; r++) {
      if (x(r) - x(r - 1) > excess) { excess = x(r) - x(r - 1); from = r - 1; to = r; }
      if (r - 2 >= i) {
        const p = r - 2;
        while (tail > head && x(queue[tail - 1]!) >= x(p)) tail--;
        queue[tail++] = p;
      }
      while (tail > head && intervals[r - 1]!.end - intervals[queue[head]!]!.start > PEAK_MS) head++;
      if (tail > head && x(r) - x(queue[head]!) > excess) { excess = x(r) - x(queue[head]!); from = queue[head]!; to = r; }
    }
    return { from, to, excess };
  };
  // The run of a side that touches the window, of any length up to ADJACENT_MS: a drain longer
  // than the window runs on into the days beside it, which must not lend the window its excess.
  const adjacentRun = (i: number, j: number, rate: number, atEnd: boolean) => {
    const x = (k: number) => excessTo(k, rate);
    let excess = 0, from = -1, to = -1;
    if (atEnd) {
      for (let p = j - 1; p >= i && intervals[j - 1]!.end - intervals[p]!.start <= ADJACENT_MS; p--) if (x(j) - x(p) > excess) { excess = x(j) - x(p); from = p; to = j; }
    } else {
      for (let r = i + 1; r <= j && intervals[r - 1]!.end - intervals[i]!.start <= ADJACENT_MS; r++) if (x(r) - x(i) > excess) { excess = x(r) - x(i); from = i; to = r; }
    }
    return { from, to, excess };
  };
  const levelWithoutPeak = (a: number, b: number, atEnd: boolean): number => {
    const i = lowerStart(a);
    const j = upperEnd(b);
    const all = levelOf(i, j);
    if (Number.isNaN(all)) return all;
    const burst = largestRun(i, j, all);
    const adjacent = adjacentRun(i, j, all, atEnd);
    const run = adjacent.excess > burst.excess ? adjacent : burst;
    const perDay = (bytes[j]! - bytes[i]!) / ((seen[j]! - seen[i]!) / DAY);
    if (run.from < 0 || !(run.excess >= PEAK_MIN_DAYS * perDay)) return all;
    const s = seen[j]! - seen[i]! - (seen[run.to]! - seen[run.from]!);
    const e = expected[j]! - expected[i]! - (expected[run.to]! - expected[run.from]!);
    if (s < MIN_SEEN_MS || !(e > 0)) return all;
    return (bytes[j]! - bytes[i]! - (bytes[run.to]! - bytes[run.from]!)) / e;
  };
  const last = m ? intervals[m - 1]!.end : 0;
  // Has the line been running higher for the last few days than in the two weeks before? Asked
  // without the window itself: a leak that ended yesterday does not make the days around it a
  // new habit, and the days beside it must show the rise too.
  const r0 = lowerStart(last - HABIT_MS);
  const prior = level(last - HABIT_MS - BEFORE_MS, last - HABIT_MS);
  const risenWithout = (start: number, end: number): number => {
    const i = Math.max(r0, lowerStart(start));
    const j = Math.max(i, upperEnd(end));
    const s = seen[m]! - seen[r0]! - (seen[j]! - seen[i]!);
    const e = expected[m]! - expected[r0]! - (expected[j]! - expected[i]!);
    if (s < MIN_SEEN_MS || !(e > 0)) return Number.NaN;
    const recent = (bytes[m]! - bytes[r0]! - (bytes[j]! - bytes[i]!)) / e;
    return recent > prior * HABIT_RISE ? recent : Number.NaN;
  };
  const aroundBy = (side: (a: number, b: number, atEnd: boolean) => number, start: number, end: number): number => {
    const before = side(start - BEFORE_MS, start, true);
    let after = side(end, end + AFTER_MS, false);
    if (Number.isNaN(after) && end > last - HABIT_MS) after = risenWithout(start, end);
    if (Number.isNaN(before)) return after;
    return Number.isNaN(after) ? before : Math.max(before, after);
  };
  return {
    around: (start, end) => aroundBy(level, start, end),
    aroundWithoutPeak: (start, end) => aroundBy(levelWithoutPeak, start, end),
    lowerSide: (start, end) => Math.min(levelWithoutPeak(start - BEFORE_MS, start, true), levelWithoutPeak(end, end + AFTER_MS, false)),
  };
}
