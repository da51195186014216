// How a synthetic line's use becomes stored readings: when the user (or a left-open tab) reads
// the carrier page, what the page shows (lagging, rounded, sometimes stale or over-counted), and
// what storage makes of it (duplicates, skewed clock stamps, remaining-only figures).
import type { AnalysisReading } from '../../lib/analysis';
import type { Clock } from '../../lib/time/clock';
import { DAY, HOUR, MINUTE } from '../../lib/time/units';
import type { Family, SynthEvent, TrueCycle } from './synthetic-base';

export type Cadence = 'hourly' | 'hourly-awake' | 'daily' | 'rare' | 'irregular';

export interface CaptureInput {
  use: Float64Array;
  t0: number;
  clock: Clock;
  cycles: readonly TrueCycle[];
  events: readonly SynthEvent[];
  from: number;
  end: number;
  cadence: Cadence;
  lagMs: number;
  remainingOnly: boolean;
  family: Family;
  cycleDayShown: number;
}

function captureTimes(r: () => number, x: CaptureInput): number[] {
  const out: number[] = [];
  const awake = (t: number) => {
    const h = x.clock.hourOf(t);
    return h >= 7 && h < 24;
  };
  if (x.cadence === 'hourly' || x.cadence === 'hourly-awake') {
    for (let t = x.from + HOUR; t < x.end; t += HOUR) {
      if (x.cadence === 'hourly-awake' && !awake(t)) continue;
      if (r() < 0.04) continue;
      out.push(t + Math.floor(r() * 6) * MINUTE);
    }
  } else if (x.cadence === 'daily') {
    const perDay = 1 + Math.floor(r() * 4);
    const skip = 0.1 + 0.2 * r();
    for (let d = x.from; d < x.end; d += DAY) {
      if (r() < skip) continue;
      const n = 1 + Math.floor(r() * perDay);
      const mid = x.clock.fromLocal(x.clock.dayOf(d) * DAY);
      for (let i = 0; i < n; i++) out.push(Math.round(mid + (7.5 + r() * 16) * HOUR));
    }
  } else if (x.cadence === 'rare') {
    for (let t = x.from + (0.5 + r()) * DAY; t < x.end; t += (2 + 2 * r()) * DAY) {
      const mid = x.clock.fromLocal(x.clock.dayOf(t) * DAY);
      out.push(Math.round(mid + (8 + r() * 14) * HOUR));
    }
  } else {
    // Bursts of interest (several reads in an evening) between quiet stretches of days.
    let t = x.from + r() * DAY;
    while (t < x.end) {
      const n = 1 + Math.floor(r() * 5);
      for (let i = 0; i < n; i++) out.push(Math.round(t + i * (10 + r() * 80) * MINUTE));
      t += (0.2 + -Math.log(r() + 1e-9) * 1.5) * DAY;
    }
  }
  let times = out.filter((t) => t > x.from && t < x.end).sort((a, b) => a - b);
  // A top-up bought before the page was read again: leak and top-up land in one interval.
  for (const e of x.events) {
    if (e.kind !== 'topup') continue;
    const leak = x.events.find((l) => l.kind === 'leak' && l.end <= e.start && l.end > e.start - 3 * HOUR);
    if (leak) times = times.filter((t) => t < leak.start + x.lagMs || t > e.start + x.lagMs + HOUR);
  }
  // A lapsed line: the page is not read for the last days of some cycles.
  if (x.family === 'lapsed') {
    for (const c of x.cycles) if (r() < 0.7) times = times.filter((t) => t < c.end - (3 + 5 * r()) * DAY || t >= c.end);
  }
  return times;
}

/** What the page shows of cycle c at `seen`: its cap with the top-ups so far, and how far rebases lowered its count. */
export function pageTerms(c: TrueCycle, events: readonly SynthEvent[], seen: number): { cap: number; rebased: number } {
  let cap = c.cap;
  let rebased = 0;
  for (const e of events) {
    if (e.start > seen || e.start < c.start || e.start >= c.end) continue;
    if (e.kind === 'topup') cap += e.bytes;
    if (e.kind === 'rebase') rebased += e.bytes;
  }
  return { cap, rebased };
}

/**
 * The readings, when each was really taken, and when the carrier counted the figure each shows
 * (the lag before the reading; a cached page's figure is as old as the page).
 */
export function captureReadings(r: () => number, x: CaptureInput): { readings: AnalysisReading[]; trueAt: number[]; countedAt: number[] } {
  const cum = new Float64Array(x.use.length + 1);
  const starts = new Set(x.cycles.map((c) => Math.round((c.start - x.t0) / HOUR)));
  for (let k = 0; k < x.use.length; k++) cum[k + 1] = (starts.has(k) ? 0 : cum[k]!) + x.use[k]!;
  const unit = r() < 0.6 ? 2 ** 20 : r() < 0.6 ? 10 * 2 ** 20 : x.cycles[0]!.cap / 1000;
  const messy = x.family === 'messy';
  const stale = x.family === 'stale' || (x.cadence === 'hourly' && r() < 0.1);
  const skewFrom = messy && r() < 0.5 ? x.end - (2 + 10 * r()) * DAY : Infinity;
  const skew = (0.2 + r() * 2.8) * DAY;

  const readings: AnalysisReading[] = [];
  const trueAt: number[] = [];
  const countedAt: number[] = [];
  let staleLeft = 0;
  let staleFigure: { used: number; cycle: TrueCycle; seen: number } | null = null;
  for (const t of captureTimes(r, x)) {
    const seen = t - x.lagMs;
    const c = x.cycles.find((y) => seen >= y.start && seen < y.end);
    if (!c) continue;
    const f = (seen - x.t0) / HOUR;
    const k = Math.min(x.use.length - 1, Math.floor(f));
    const base = starts.has(k) ? 0 : cum[k]!;
    let used = base + (f - k) * (cum[k + 1]! - base);
    const { cap, rebased } = pageTerms(c, x.events, seen);
    // After a rebase the page counts from a lower figure; the cap it shows is unchanged.
    used = Math.max(0, used - rebased);
    // A cached page shows an old figure for a while, then the carrier catches up.
    let counted = seen;
    if (stale && staleLeft === 0 && r() < 0.012) { staleLeft = 3 + Math.floor(r() * 28); staleFigure = { used, cycle: c, seen }; }
    if (staleLeft > 0) {
      staleLeft--;
      if (staleFigure && staleFigure.cycle === c) { used = staleFigure.used; counted = staleFigure.seen; }
    }
    if ((messy && r() < 0.05) || r() < 0.01) used *= 1 + 0.01 + 0.04 * r(); // over-count, corrected at the next read
    const figure = Math.round(Math.min(used, cap) / unit) * unit;
    let stamp = t;
    if (t >= skewFrom) stamp = t + skew; // the computer's clock ran ahead lately
    else if (messy && r() < 0.03) stamp = t + (1 + r() * 71) * HOUR;
    const reading: AnalysisReading = x.remainingOnly
      ? { capturedAt: stamp, usedBytes: null, remainingBytes: Math.max(0, cap - figure), totalBytes: cap }
      : { capturedAt: stamp, usedBytes: figure, totalBytes: cap };
    if (messy && r() < 0.01) reading.usedBytes = x.remainingOnly ? null : 0; // a half-loaded page
    readings.push(reading);
    trueAt.push(t);
    countedAt.push(counted);
    if (messy && r() < 0.04) { readings.push({ ...reading }); trueAt.push(t); countedAt.push(counted); }
  }
  if (messy) {
    // Stored out of order (imports, two devices): the analysis must not care.
    for (let i = readings.length - 1; i > 0; i--) {
      if (r() < 0.1) {
        const j = Math.floor(r() * (i + 1));
        [readings[i], readings[j]] = [readings[j]!, readings[i]!];
        [trueAt[i], trueAt[j]] = [trueAt[j]!, trueAt[i]!];
        [countedAt[i], countedAt[j]] = [countedAt[j]!, countedAt[i]!];
      }
    }
  }
  return { readings, trueAt, countedAt };
}
