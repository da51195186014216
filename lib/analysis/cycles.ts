import type { CycleSource } from './types';
import type { Point } from './normalize';
import { Clock } from '../time/clock';
import { DAY } from '../time/units';
import { addMonths, renewalAfter, renewalAtOrBefore } from './calendar';
import { cycleRhythm, longerRhythms, nextEnd, type Rhythm } from './cycle-length';

export interface Cycle {
  start: number | null;
  end: number | null;
  startSource: CycleSource;
  endSource: CycleSource;
  /** Points [from, to) belong to this cycle. */
  from: number;
  to: number;
  /**
   * The count fell when no renewal was due (a correction, a new package): when it restarted is
   * not known, so the first figure of the cycle says nothing about when it was used.
   */
  unexplainedStart?: boolean;
  /** A start placed between two readings (a reset): the latest it can be, the first reading after. */
  startLatest?: number;
}

// A fall below half of the cycle's high-water mark is a reset; anything smaller is the carrier
// correcting its own figure, which is absorbed rather than read as negative use.
const RESET_RATIO = 0.5;
// Below 1 % of the cap the counter is too small for a halving to mean anything.
const MEANINGFUL_OF_CAP = 0.01;
const CORRECTION_RATIO = 0.9;
// A fall to a quarter of the high-water mark or less, with nothing saying the cycle goes on, is
// the renewal: a rebased counter or a correction keeps most of the count.
const FRESH_START = 0.25;
const RENEWAL_SLACK_MS = 3 * DAY;
// How long after a stated renewal a count that has not dropped is still taken as lagging.
const PENDING_MS = 36 * 3_600_000;

interface Boundary { at: number; source: CycleSource; unexplained?: boolean; latest?: number }

function meaningful(hwm: number, total: number | null): boolean {
  return total === null ? hwm > 0 : hwm >= total * MEANINGFUL_OF_CAP;
}

/** The next point with a figure, to tell a one-off glitch (a 0 on a half-loaded page) from a reset. */
function nextUsed(points: readonly Point[], i: number): Point | null {
  for (let j = i + 1; j < points.length; j++) if (points[j]!.used !== null) return points[j]!;
  return null;
}

/**
 * Splits the readings into cycles. Boundaries come from the page's stated period end, the
 * user's cycle day, or a reset seen in the data, in that order of trust for the boundary time.
 * The last cycle returned is the one containing `now` (possibly with no readings yet).
 */
export function splitCycles(points: Point[], clock: Clock, cycleDay: number | null, now: number): Cycle[] {
  const cycles: Cycle[] = [];
  let from = 0;
  let start: Boundary = { at: Number.NaN, source: null };
  let hwm = -1;
  let hwmT = Number.NaN;
  let firstT = Number.NaN;
  let firstUsed = 0;
  let statedEnd: number | null = null;
  let pending: Boundary | null = null;

  const close = (i: number, b: Boundary) => {
    cycles.push({ start: Number.isNaN(start.at) ? null : start.at, end: b.at, startSource: start.source, endSource: b.source, from, to: i, ...startFlags(start) });
    from = i;
    start = b;
    hwm = -1;
    hwmT = Number.NaN;
    firstT = Number.NaN;
    firstUsed = 0;
    statedEnd = null;
    pending = null;
  };

  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const prev = i > 0 ? points[i - 1]! : null;
    if (prev) {
      let b: Boundary | null = null;
      const dropped = p.used !== null && hwm >= 0 && p.used < hwm;
      if (!pending && statedEnd !== null && prev.t < statedEnd && statedEnd <= p.t) pending = { at: statedEnd, source: 'page' };
      if (!pending && cycleDay !== null) {
        const r = renewalAfter(clock, prev.t, cycleDay);
        if (r <= p.t) pending = { at: r, source: 'cycle-day' };
      }
      if (pending) {
        // Carrier figures lag: just after the renewal the page may still show last cycle's
        // count. Wait for the drop (or a moved end date), but not forever.
        const moved = pending.source === 'page' && p.periodEnd !== null && p.periodEnd > pending.at + DAY / 2;
        // A drop of a few % is the carrier correcting itself, not the renewal showing up; nor is
        // a fall that keeps most of the count (a figure taken before the renewal, stamped late):
        // the new count holds only the use since the renewal. The page stating the next end,
        // or the wait running out, closes the cycle all the same.
        const renewed = dropped && p.used! < hwm * CORRECTION_RATIO && p.used! <= hwm * FRESH_START;
        if (renewed || moved || p.t - pending.at > PENDING_MS) b = pending;
      } else if (dropped && meaningful(hwm, p.total ?? prev.total) && p.used! < hwm * CORRECTION_RATIO) {
        const due = renewalDue(clock, start.at, cycleRhythm(cycles, points, clock), p.t);
        const after = nextUsed(points, i);
        const pace = Number.isNaN(start.at) ? (hwm - firstUsed) / (hwmT - firstT) : hwm / (hwmT - start.at);
        if (after && cameStraightBack(p, after, hwm, pace)) {
          p.used = null; // a glitch, not a reset: the counter came straight back
        } else if (p.used! < hwm * RESET_RATIO || due) {
          // With nothing to say when the renewal is due (no stated end, no cycle day, no earlier
          // renewal seen), a fall by half is most likely the renewal itself, if the new count
          // fits the old pace since some time after the last reading; a count too big for that
          // (17.9 GB, then 7.2 GB the next morning) is a new package or a rebased counter.
          // A count back near zero is a fresh start whatever it was compared with, unless the page
          // or the user says the cycle goes on: a busy first day (or a leak just after the
          // renewal) is then use to be measured, not a reason to forget the interval.
          const stated = (statedEnd !== null && statedEnd > p.t + DAY) || cycleDay !== null;
          const fresh = p.used! <= hwm * FRESH_START;
          const known = stated || !Number.isNaN(start.at);
          const paced = Number.isNaN(start.at) ? resetByPace(p, hwm - firstUsed, hwmT, firstT) : resetByPace(p, hwm, hwmT, start.at);
          const at = Number.isNaN(paced) ? (prev.t + p.t) / 2 : Math.min(p.t, Math.max(prev.t, paced));
          // Near a due renewal too, a count too big for the old pace since the last reading
          // (and not back near zero) started at an unknown time: its first figure is no spike.
          const fits = paced >= prev.t;
          const unexplained = due ? !fresh && !fits : stated || (!fresh && (known || !fits));
          b = { at, source: 'reset', unexplained, latest: p.t };
        }
      }
      if (b) close(i, b);
      else if (!pending && dropped && p.used !== null && p.used < hwm * CORRECTION_RATIO) {
        // The count fell and no renewal explains it (a refund, a new package counted from a
        // lower figure): the carrier counts on from here, and a renewal is a fall below this.
        hwm = p.used;
        hwmT = p.t;
        firstT = p.t;
        firstUsed = p.used;
      }
    }
    if (p.used !== null && p.used > hwm) {
      hwm = p.used;
      hwmT = p.t;
    }
    if (Number.isNaN(firstT) && p.used !== null) {
      firstT = p.t;
      firstUsed = p.used;
    }
    if (p.periodEnd !== null && p.periodEnd > p.t - DAY) statedEnd = p.periodEnd;
  }

  const last: Cycle = { start: Number.isNaN(start.at) ? null : start.at, end: null, startSource: start.source, endSource: null, from, to: points.length, ...startFlags(start) };
  completeCurrent(last, points, cycleRhythm(cycles, points, clock), clock, cycleDay, statedEnd);
  cycles.push(last);
  return rollForward(cycles, clock, cycleDay, now, points, cycleRhythm(cycles, points, clock));
}

function startFlags(b: Boundary): Pick<Cycle, 'unexplainedStart' | 'startLatest'> {
  return { ...(b.unexplained ? { unexplainedStart: true } : {}), ...(b.latest !== undefined ? { startLatest: b.latest } : {}) };
}

// A climb back this many times faster than the cycle's own pace is no use: the page was half loaded.
const GLITCH_PACE = 3;

/**
 * The figure after a fall is back near the high-water mark: a half-loaded page, unless the
 * line's own pace explains the climb (a heavy user's new cycle is back at the old count in days).
 */
function cameStraightBack(p: Point, after: Point, hwm: number, pace: number): boolean {
  if (after.used! < hwm * 0.9) return false;
  if (!(pace > 0) || !Number.isFinite(pace) || !(after.t > p.t)) return true;
  return (after.used! - p.used!) / (after.t - p.t) > GLITCH_PACE * pace;
}

/**
 * Near the date the previous resets predict, a drop of more than a few % is the renewal even
 * if the new cycle started so busily that the count is already past half the old one.
 */
function renewalDue(clock: Clock, startAt: number, rhythm: Rhythm, t: number): boolean {
  if (Number.isNaN(startAt)) return false;
  return t >= nextEnd(clock, startAt, rhythm) - RENEWAL_SLACK_MS;
}

/** When the new count started, backed out from the old cycle's average pace (NaN if unknown). */
function resetByPace(p: Point, hwm: number, hwmT: number, cycleStart: number): number {
  const span = hwmT - cycleStart;
  if (span > 0 && hwm > 0 && p.used !== null) return p.t - (p.used / hwm) * span;
  return Number.NaN;
}

function completeCurrent(c: Cycle, points: readonly Point[], rhythm: Rhythm, clock: Clock, cycleDay: number | null, statedEnd: number | null): void {
  const lastT = c.to > c.from ? points[c.to - 1]!.t : null;
  if (statedEnd !== null && (c.start === null || statedEnd > c.start)) {
    c.end = statedEnd;
    c.endSource = 'page';
  } else if (cycleDay !== null) {
    c.end = renewalAfter(clock, lastT ?? c.start ?? 0, cycleDay);
    c.endSource = 'cycle-day';
  } else if (c.start !== null) {
    // An end inferred from earlier cycles that the readings have already outlived (no fall was
    // seen by then) was wrong: this cycle is longer than those, or than the length guessed for it
    // (a 7-day guess outlived is a 15-day package or a month); with no longer one left to try,
    // when it ends is not known.
    for (const r of [rhythm, ...longerRhythms(rhythm)]) {
      const end = nextEnd(clock, c.start, r);
      if (lastT === null || end > lastT) {
        c.end = end;
        c.endSource = 'inferred';
        break;
      }
    }
    // A start placed between two readings may have been as late as the second: a renewal the
    // latest reading has just outlived is then still due, before the latest end that start allows.
    const latestEnd = c.startLatest !== undefined ? nextEnd(clock, c.startLatest, rhythm) : Number.NaN;
    if (c.end === null && lastT !== null && latestEnd > lastT) {
      c.end = (lastT + latestEnd) / 2;
      c.endSource = 'inferred';
    }
  }
  if (c.start === null && c.end !== null) {
    if (cycleDay !== null) {
      c.start = renewalAtOrBefore(clock, c.end - 1, cycleDay);
      c.startSource = 'cycle-day';
    } else {
      c.start = addMonths(clock, c.end, -1);
      c.startSource = 'inferred';
    }
  }
}

function rollForward(cycles: Cycle[], clock: Clock, cycleDay: number | null, now: number, points: readonly Point[], rhythm: Rhythm): Cycle[] {
  // The stated end has passed with no reading since: the live cycle has not been seen yet. It
  // runs as long as the one before, when both its ends were seen, else as the line's cycles do.
  const n = points.length;
  for (let guard = 0; guard < 24; guard++) {
    const cur = cycles[cycles.length - 1]!;
    if (cur.end === null || !(cur.end <= now)) break;
    const startAt = cur.end;
    // A cycle whose both ends were stated or seen gives its own length; one whose end was itself
    // inferred measures nothing (its length is the guess), so the line's rhythm goes on.
    const measured = cur.start !== null && cur.startSource !== 'inferred' && cur.endSource !== 'inferred';
    const own = measured ? cycleRhythm([cur], points, clock) : rhythm;
    const end = cycleDay !== null ? renewalAfter(clock, startAt, cycleDay) : nextEnd(clock, startAt, own);
    cycles.push({ start: startAt, end, startSource: cur.endSource, endSource: cycleDay !== null ? 'cycle-day' : 'inferred', from: n, to: n });
  }
  return cycles;
}
