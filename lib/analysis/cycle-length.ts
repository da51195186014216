import type { Point } from './normalize';
import type { Cycle } from './cycles';
import { Clock } from '../time/clock';
import { DAY } from '../time/units';
import { addMonths } from './calendar';
import { REACHED_SHARE } from './increments';

/**
 * How long this line's cycles run, when neither the page nor the user says when it renews:
 * calendar months (same day each month, 28-31 days), or a package of a fixed number of days
 * (7-, 15- and 30-day prepaid passes renew every N days, whatever the month).
 */
export type Rhythm =
  | { kind: 'month' }
  /** `estimated`: backed out from one partly seen cycle, not measured between two renewals. */
  | { kind: 'fixed'; ms: number; estimated: boolean };

const MONTHLY: Rhythm = { kind: 'month' };
const MONTH_MIN = 27.5 * DAY;
const MONTH_MAX = 31.5 * DAY;
// A cycle votes for a fixed length when it is that much closer to the others than to its own
// calendar month (reset times are placed between readings, so within hours on a line read often).
const VOTE_MARGIN = DAY / 2;
// The package lengths a first cycle's pace is snapped to; anything longer is taken as monthly.
// The bounds are the geometric means of neighbours: 10.2 d between 7 and 15, 21.2 d between 15
// and 30. A month-long cycle read late and busily would need its pace overstated by 40 %.
const PACKAGES = [7 * DAY, 15 * DAY];
const SNAP_BELOW = [Math.sqrt(7 * 15) * DAY, Math.sqrt(15 * 30) * DAY];

/** Lengths of closed cycles whose both ends were seen (a renewal, the page, the cycle day). */
function measured(closed: readonly Cycle[]): Array<{ start: number; length: number }> {
  return closed
    .filter((c) => c.start !== null && c.end !== null && c.startSource !== 'inferred')
    .map((c) => ({ start: c.start!, length: c.end! - c.start! }));
}

export function cycleRhythm(closed: readonly Cycle[], points: readonly Point[], clock: Clock): Rhythm {
  const seen = measured(closed);
  if (seen.length) {
    const lengths = seen.map((c) => c.length).sort((a, b) => a - b);
    const typical = lengths[Math.floor(lengths.length / 2)]!;
    if (typical <= MONTH_MIN || typical >= MONTH_MAX) return { kind: 'fixed', ms: typical, estimated: false };
    // 30 days or a month? Only a month of another length tells them apart: a cycle from 5 Jan to
    // 4 Feb is a 30-day package, one from 5 Jan to 5 Feb is monthly.
    let votes = 0;
    for (const c of seen) {
      const month = addMonths(clock, c.start, 1) - c.start;
      if (Math.abs(c.length - typical) + VOTE_MARGIN < Math.abs(c.length - month)) votes++;
      else if (Math.abs(c.length - month) + VOTE_MARGIN < Math.abs(c.length - typical)) votes--;
    }
    return votes > 0 ? { kind: 'fixed', ms: typical, estimated: false } : MONTHLY;
  }
  const first = closed[0];
  if (!first || first.start !== null || first.end === null || first.endSource !== 'reset') return MONTHLY;
  const length = firstCycleLength(points, first);
  if (!(length > 0)) return MONTHLY;
  const i = SNAP_BELOW.findIndex((bound) => length < bound);
  return i < 0 ? MONTHLY : { kind: 'fixed', ms: PACKAGES[i]!, estimated: true };
}

/**
 * The first cycle began before the line was first read. Its first figure, at the pace the
 * readings show up to the renewal (or up to the cap), dates its start: 300 MB at 100 MB a day
 * means three days in. NaN when the readings show no pace.
 */
function firstCycleLength(points: readonly Point[], c: Cycle): number {
  let first: Point | null = null;
  let top: Point | null = null;
  for (let i = c.from; i < c.to; i++) {
    const p = points[i]!;
    if (p.used === null) continue;
    if (!first) first = p;
    if (!top || p.used >= top.used!) top = p;
    // Once cut at the cap the count stops: the pace is measured up to there.
    if (p.total !== null && p.used >= p.total * REACHED_SHARE) break;
  }
  if (!first || !top || !(top.t > first.t) || !(top.used! > first.used!)) return Number.NaN;
  const pace = (top.used! - first.used!) / (top.t - first.t);
  return c.end! - (first.t - first.used! / pace);
}

/** The renewal after a cycle that started at startAt. */
export function nextEnd(clock: Clock, startAt: number, rhythm: Rhythm): number {
  return rhythm.kind === 'month' ? addMonths(clock, startAt, 1) : startAt + rhythm.ms;
}

/**
 * When a cycle outlives the end its rhythm gave, the longer rhythms still possible, shortest first:
 * a guessed 7-day package still counting on day 8 is a 15-day one or monthly. A measured length
 * has none (the cycle is simply longer than the ones before, and when it ends is not known).
 */
export function longerRhythms(rhythm: Rhythm): Rhythm[] {
  if (rhythm.kind === 'month' || !rhythm.estimated) return [];
  return [...PACKAGES.filter((ms) => ms > rhythm.ms).map((ms): Rhythm => ({ kind: 'fixed', ms, estimated: true })), MONTHLY];
}
