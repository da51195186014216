import type { AnalysisReading } from './types';
import { mod, type Clock } from '../time/clock';
import { DAY } from '../time/units';
import { weightedMedian } from './stats';

/** A reading cleaned up: finite numbers only, used derived where possible, one per instant. */
export interface Point {
  /** When the figure was counted (the page's stated time, else the capture). */
  t: number;
  /** When the page was looked at (the capture, never after `now`). */
  seenAt: number;
  used: number | null;
  total: number | null;
  unlimited: boolean;
  periodEnd: number | null;
}

// Analysing more than ~13 months buys nothing for a monthly plan and bounds the work when a
// stray timestamp (a clock set to 1970) slips into storage.
export const HISTORY_LIMIT_MS = 400 * DAY;

// A reading stamped further ahead than this is a bad parse, not a skewed clock: dropped.
const FUTURE_LIMIT_MS = 7 * DAY;

function finite(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

// A page stating that its figure was counted longer ago than this is misread, not cached.
const COUNTED_LIMIT_MS = 3 * DAY;

/**
 * The instant a figure belongs to: when the page says it was counted, if that is before the
 * capture and not long before, and not a bare date (read as local midnight: when in the day the
 * count was taken is not known), else the capture.
 */
function figureTime(r: AnalysisReading, clock: Clock): number {
  const c = r.countedAt;
  if (!finite(c) || c > r.capturedAt || r.capturedAt - c > COUNTED_LIMIT_MS) return r.capturedAt;
  return mod(clock.local(c), DAY) === 0 ? r.capturedAt : c;
}

function clean(r: AnalysisReading, clock: Clock): Point | null {
  if (!r || !finite(r.capturedAt)) return null;
  const total = finite(r.totalBytes) && r.totalBytes > 0 ? r.totalBytes : null;
  let used: number | null = null;
  if (finite(r.usedBytes) && r.usedBytes >= 0) used = r.usedBytes;
  else if (total !== null && finite(r.remainingBytes) && r.remainingBytes >= 0) used = Math.max(0, total - r.remainingBytes);
  return {
    t: figureTime(r, clock),
    seenAt: r.capturedAt,
    used,
    total,
    unlimited: r.unlimited === true,
    // A stated end more than a plan's length away is a parse error (seconds read as ms...).
    periodEnd: finite(r.periodEnd) && Math.abs(r.periodEnd - r.capturedAt) <= HISTORY_LIMIT_MS ? r.periodEnd : null,
  };
}

/**
 * Places each figure at the instant it was counted, sorts, drops unusable readings and merges
 * readings of the same instant (the page was read twice, or stored twice, or a cached page was).
 * Same-instant figures keep the highest used: a cumulative counter read twice at once can only
 * disagree through a stale cache. Figures stamped ahead of `now` keep the latest-stamped one.
 */
export function normalizeReadings(readings: readonly AnalysisReading[], now: number, clock: Clock): Point[] {
  const pts: Point[] = [];
  // The stamps of figures counted as read now because they were stamped ahead (rare: a Map).
  const ahead = new Map<Point, number>();
  const stampOf = (p: Point) => ahead.get(p) ?? p.t;
  const hasNow = Number.isFinite(now);
  for (const r of readings) {
    const p = clean(r, clock);
    if (!p) continue;
    if (hasNow && p.t > now) {
      // A stamp from the future is a clock running ahead: the figure was read by now, so it
      // counts as read now. Nothing is ever dated after `now`.
      if (p.t > now + FUTURE_LIMIT_MS) continue;
      ahead.set(p, p.t);
      p.t = now;
    }
    if (hasNow && p.seenAt > now) p.seenAt = now;
    pts.push(p);
  }
  // Ties are rare (the same instant read twice), so the stamps are looked up only for them.
  pts.sort((a, b) => a.t - b.t || stampOf(a) - stampOf(b));
  const out: Point[] = [];
  let prev: Point | null = null;
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && prev && last.t === p.t) {
      // Figures stamped ahead all count as read now; in the order they were stamped (storage
      // stamps each new figure after the one before), the later is the newer: after a renewal it
      // is the lower one. Otherwise figures of one instant disagree only through a stale cache.
      const newer = stampOf(p) > stampOf(prev);
      if (p.used !== null) last.used = last.used === null || newer ? p.used : Math.max(last.used, p.used);
      if (p.total !== null) last.total = last.total === null ? p.total : Math.max(last.total, p.total);
      last.unlimited = last.unlimited || p.unlimited;
      last.seenAt = Math.max(last.seenAt, p.seenAt);
      if (p.periodEnd !== null) last.periodEnd = p.periodEnd;
    } else {
      out.push({ ...p });
    }
    prev = p;
  }
  const latest = out.length ? out[out.length - 1]!.t : now;
  const from = Math.max(latest, hasNow ? Math.min(now, latest) : latest) - HISTORY_LIMIT_MS;
  const firstKept = out.findIndex((p) => p.t >= from);
  const kept = dropOutOfPlace(firstKept <= 0 ? out : out.slice(firstKept));
  dropOutliers(kept);
  return dropRepeats(kept);
}

// A stated end this much earlier than one stated before is another period's, not a correction.
const END_SLACK_MS = DAY / 2;

/**
 * The page's stated period end never goes back. A reading stating an earlier end than readings
 * stamped before it, while the next reading states the later end again, was taken before them
 * (a stamp hours late, a page restored from cache): its figure and instant are both out of place,
 * and left as they are they would make the new cycle's figures look like dips. So was the latest
 * reading, when the end it states had passed by its own stamp: its figure is not the count now.
 */
function dropOutOfPlace(pts: Point[]): Point[] {
  let latestEnd = -Infinity;
  const out: Point[] = [];
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    if (p.periodEnd === null) {
      out.push(p);
      continue;
    }
    if (p.periodEnd < latestEnd - END_SLACK_MS) {
      let next: number | null = null;
      for (let j = i + 1; j < pts.length && next === null; j++) next = pts[j]!.periodEnd;
      if (next !== null && next >= latestEnd - END_SLACK_MS) continue;
      // The latest reading, stating a period that by its own stamp is over, after the renewal was
      // seen: an old figure (a clock running ahead, a page restored from cache), not the count now.
      if (next === null && p.periodEnd < p.t) continue;
    }
    latestEnd = Math.max(latestEnd, p.periodEnd);
    out.push(p);
  }
  return out;
}

/**
 * A counter only goes down at a renewal, a top-up of a remaining-only line, or a correction.
 * A figure that dips below its neighbours while they agree (a stale cache, a reading stamped by
 * a skewed clock, a half-loaded page) or pokes above both (an over-count the carrier took back)
 * says nothing about use: its figure is set aside, the instant kept for the cap and dates.
 */
function dropOutliers(pts: Point[]): void {
  let prev = -1;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    if (p.used === null) continue;
    if (prev >= 0 && p.used < pts[prev]!.used!) {
      const back = comesBack(pts, i, pts[prev]!.used!, pts[prev]!.t);
      if (back > i) {
        // A dip (or a few): the counter came straight back to where it was.
        for (let j = i; j < back; j++) pts[j]!.used = null;
        i = back - 1;
        continue;
      }
      const beforeAt = prevIndex(pts, prev);
      const before = beforeAt >= 0 ? pts[beforeAt]!.used : null;
      const high = pts[prev]!.used!;
      // A fall far below the peak that the line's own pace explains on both sides (the climb to
      // the peak, and the new count since it) is the renewal, however close the new count is to
      // the figure before the peak: a line read every few days on a 7-day plan is back there in
      // two days. Only a climb or a new count too fast for the line makes the peak an old figure.
      if (high >= FAR * p.used && beforeAt >= 0 && renewalFits(pts[beforeAt]!, pts[prev]!, p, ordinaryPace(pts, beforeAt, i))) {
        prev = i;
        continue;
      }
      // Back in line with the figure before it (give or take a small correction of its own):
      // the previous figure over-counted by a few %, or was a figure far off its two agreeing
      // neighbours (read from another cycle). Otherwise the count really fell.
      const inLine = before !== null && before > 0 && p.used >= before * (1 - OVERCOUNT_SLACK);
      if (inLine && (high <= p.used * (1 + OVERCOUNT_SLACK) || p.used <= before! * AGREE || high >= FAR * p.used)) pts[prev]!.used = null;
      else if (before !== null && before > 0 && high >= FAR * Math.max(before, p.used) && p.used * FAR >= before) {
        // An isolated peak, far above the figures on both sides, with the count back near the
        // figure before it (a renewal would start it near zero): a figure from elsewhere (an old
        // cycle's count stamped late). Set aside, then this figure is judged again against the
        // one before the peak.
        pts[prev]!.used = null;
        prev = prevIndex(pts, prev);
        i--;
        continue;
      }
    }
    prev = i;
  }
}

// Figures below the latest good one are set aside when the count is back within a few readings
// and a couple of days: a renewal never climbs back to the old cycle's figure that fast.
const DIP_READINGS = 4;
const OVERCOUNT_SLACK = 0.05;
const AGREE = 1.1;
// A figure more than twice the one after it, which is back in line with the one before, is off.
const FAR = 2;
const DIP_MS = 2 * DAY;

// A climb, or a new count after a renewal, up to this many times the line's ordinary pace is use.
const PLAUSIBLE_PACE = 4;

/** Could a renewal between `peak` and `after` explain the fall, at the line's own pace? */
function renewalFits(before: Point, peak: Point, after: Point, pace: number): boolean {
  // The page stating the same period before the peak and after the fall: nothing renewed.
  if (before.periodEnd !== null && before.periodEnd === after.periodEnd) return false;
  if (!(pace > 0) || !(peak.t > before.t) || !(after.t > peak.t)) return false;
  const climb = (peak.used! - before.used!) / (peak.t - before.t);
  const fresh = after.used! / (after.t - peak.t);
  return climb <= PLAUSIBLE_PACE * pace && fresh <= PLAUSIBLE_PACE * pace;
}

// The pace before a peak is measured over at least this many rising steps and this much time.
const PACE_STEPS = 10;
const PACE_SPAN_MS = 3 * DAY;
const PACE_MAX_STEPS = 200;

/**
 * The line's ordinary pace around a fall: the time-weighted median rate between consecutive rising
 * figures before `before` (and after `after`, when the line has too little history before it), over
 * a few days at least: hours alone would be a night's or an evening's pace.
 */
function ordinaryPace(pts: readonly Point[], before: number, after: number): number {
  const rates: number[] = [];
  const spans: number[] = [];
  let span = 0;
  const enough = () => rates.length >= PACE_MAX_STEPS || (rates.length >= PACE_STEPS && span >= PACE_SPAN_MS);
  const step = (a: Point, b: Point) => {
    if (!(b.t > a.t) || b.used! < a.used!) return;
    rates.push((b.used! - a.used!) / (b.t - a.t));
    spans.push(b.t - a.t);
    span += b.t - a.t;
  };
  for (let later = before, j = prevIndex(pts, before); j >= 0 && !enough(); later = j, j = prevIndex(pts, j)) step(pts[j]!, pts[later]!);
  for (let earlier = after, j = nextIndex(pts, after); j >= 0 && !enough(); earlier = j, j = nextIndex(pts, j)) step(pts[earlier]!, pts[j]!);
  return rates.length ? weightedMedian(rates, spans) : 0;
}

function nextIndex(pts: readonly Point[], i: number): number {
  for (let j = i + 1; j < pts.length; j++) if (pts[j]!.used !== null) return j;
  return -1;
}

function comesBack(pts: readonly Point[], i: number, level: number, since: number): number {
  let seen = 0;
  for (let j = i + 1; j < pts.length && seen < DIP_READINGS; j++) {
    const q = pts[j]!;
    if (q.t - since > DIP_MS) return -1;
    if (q.used === null) continue;
    seen++;
    if (q.used < level) continue;
    // Back at the level only for one figure, with the count after it down again: that figure is
    // the odd one (an old cycle's count arriving after the renewal), not the ones before it.
    const after = nextIndex(pts, j);
    return after >= 0 && pts[after]!.used! < level * (1 - OVERCOUNT_SLACK) ? -1 : j;
  }
  return -1;
}

function prevIndex(pts: readonly Point[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (pts[j]!.used !== null) return j;
  return -1;
}

/**
 * A figure that repeats the previous one only confirms it: the page may be serving a cached
 * figure while use goes on (then a catch-up jump), so the repeat is not evidence of zero use at
 * its time. Storage keeps only distinct figures for the same reason. The very last reading stays,
 * so the time of the latest look is kept, and so do repeats at the cap: nothing more can be used
 * there, and the latest of them bounds when the next cycle began.
 */
function dropRepeats(pts: Point[]): Point[] {
  const out: Point[] = [];
  let ref: Point | null = null;
  pts.forEach((p, i) => {
    const repeat = ref !== null && p.used !== null && p.used === ref.used && p.total === ref.total && p.unlimited === ref.unlimited
      && p.periodEnd === ref.periodEnd && i < pts.length - 1 && !(p.total !== null && p.used >= p.total);
    if (p.used !== null) ref = p;
    if (!repeat) out.push(p);
  });
  return out;
}
