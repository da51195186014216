// Synthetic eSIM lines for the detection report. Each line is drawn from one *family* (the
// phenomenon it exercises) on top of a randomly varied base: rhythm, weekly pattern, reading
// cadence, plan size and length, time zone (DST included), carrier artefacts, used-based or
// remaining-only figures. Use is built per hour from stored noise plus a list of events, so the
// same line can be replayed "as if" events after a given moment never happened.
import type { AnalysisReading } from '../../lib/analysis';
import { Clock } from '../../lib/time/clock';
import { DAY, HOUR, MINUTE } from '../../lib/time/units';
import { captureReadings, type Cadence } from './synthetic-capture';
import { makeEvents } from './synthetic-events';
import { between, capAt, gauss, localMidnight, pick, rng, type Family, type SynthEvent, type TrueCycle } from './synthetic-base';

export * from './synthetic-base';

export { DAY, HOUR, MINUTE };
export const GB = 2 ** 30;
export const MB = 2 ** 20;

export interface SyntheticLine {
  seed: number;
  family: Family;
  timeZone: string;
  cadence: Cadence;
  remainingOnly: boolean;
  lagMs: number;
  /** The page states when its figure was counted (`countedAt` on every reading): no lag in the figures' times. */
  statesCount: boolean;
  cycleDay: number | null;
  cycles: TrueCycle[];
  events: SynthEvent[];
  /** Readings as stored; `trueAt` says when each was really taken (stamps may be skewed). */
  readings: AnalysisReading[];
  trueAt: number[];
  t0: number;
  /** When observation of the line begins and ends. */
  from: number;
  end: number;
  dailyMean: number;
  /**
   * Hourly use with the given events applied (throttled at the cap). From `expectedFrom` on, each
   * hour carries its expected use instead (no day or hour noise; the level the line had then): what
   * a forecaster told the line's true rhythm could know at that moment (the forecast ceiling).
   */
  useWith(events: readonly SynthEvent[], expectedFrom?: number): Float64Array;
}

// The share of lines whose page states when its figure was counted.
const STATES_COUNT_SHARE = 0.4;

const ZONES = ['UTC', 'Europe/Madrid', 'America/New_York', 'Asia/Shanghai', 'Europe/Paris', 'America/Santiago', 'America/Mexico_City', 'Asia/Hong_Kong', 'Australia/Sydney', 'Asia/Kolkata'];

// Hour-of-day archetypes: evening streamer, office worker, night owl, flat (a router / IoT).
const SHAPES = [
  [0.6, 0.25, 0.15, 0.12, 0.12, 0.15, 0.4, 0.8, 1, 0.9, 0.8, 0.9, 1.2, 1, 0.9, 0.9, 1, 1.3, 1.8, 2.6, 3, 3, 2.4, 1.3],
  [0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 2, 1.6, 1.3, 1.4, 2, 1.5, 1.3, 1.3, 1.4, 1.8, 1.6, 1.5, 1.4, 1.2, 0.9, 0.5],
  [2, 1.4, 0.5, 0.25, 0.15, 0.1, 0.1, 0.2, 0.4, 0.7, 0.9, 1, 1.1, 1.1, 1, 1, 1.1, 1.2, 1.5, 1.9, 2.2, 2.5, 2.6, 2.4],
  [0.7, 0.6, 0.6, 0.6, 0.6, 0.7, 0.8, 1, 1.1, 1.1, 1.1, 1.1, 1.2, 1.1, 1.1, 1.1, 1.1, 1.2, 1.3, 1.4, 1.4, 1.3, 1.1, 0.9],
];

const FAMILY_WEIGHTS: Array<[Family, number]> = [
  ['clean', 3], ['overnight', 3], ['spike', 2], ['runaway', 2], ['drain', 3], ['topup-leak', 2], ['early-leak', 2],
  ['weekly', 3], ['habit', 2], ['travel', 2], ['download', 2], ['heavy-small', 1], ['stale', 2], ['messy', 2], ['lapsed', 1],
];

// Families added later are drawn from a stream of their own, so every other seed keeps the line
// it had: figures before and after stay comparable line by line.
const LATER_FAMILIES: Array<[Family, number]> = [['rebased', 1 / 30]];

export function familyOf(seed: number): Family {
  const extra = rng(Math.imul(seed + 11, 0x165667b1) ^ 0x5bd1e995)();
  let acc = 0;
  for (const [f, p] of LATER_FAMILIES) if (extra < (acc += p)) return f;
  const r = rng(Math.imul(seed + 7, 0x27d4eb2d));
  let x = r() * FAMILY_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  for (const [f, w] of FAMILY_WEIGHTS) if ((x -= w) < 0) return f;
  return 'clean';
}

function weekdayFactors(r: () => number, strong: boolean): number[] {
  const f = Array.from({ length: 7 }, () => between(r, 0.85, 1.15));
  const style = strong ? pick(r, ['weekend', 'weekday'] as const) : r() < 0.3 ? pick(r, ['weekend', 'weekday'] as const) : 'flat';
  const k = strong ? between(r, 1.8, 3) : between(r, 1.2, 1.6);
  if (style === 'weekend') { f[0]! *= k; f[6]! *= k; }
  if (style === 'weekday') { f[0]! /= k; f[6]! /= k; }
  const mean = f.reduce((a, b) => a + b, 0) / 7;
  return f.map((v) => v / mean);
}

export function generateLine(seed: number, family: Family = familyOf(seed)): SyntheticLine {
  const r = rng(Math.imul(seed + 1, 0x9e3779b1) ^ 0x85ebca6b);
  const timeZone = pick(r, ZONES);
  const clock = new Clock(timeZone);
  const plan = family === 'heavy-small' ? 7 : family === 'weekly' ? pick(r, [7, 15, 15, 30]) : pick(r, [0, 0, 0, 30, 15, 7]);
  const cadence: Cadence = family === 'stale' ? 'hourly' : family === 'overnight' && r() < 0.6 ? 'daily'
    : pick(r, ['hourly', 'hourly-awake', 'daily', 'daily', 'daily', 'rare', 'irregular'] as const);
  const remainingOnly = family === 'topup-leak' ? r() < 0.6 : r() < 0.25;
  const lagMs = Math.floor(r() * 3 * HOUR);

  // Cycles: monthly at local midnight of a day, or fixed 7/15/30-day packages from activation.
  const startDay = Date.UTC(2024, Math.floor(r() * 12), 1 + Math.floor(r() * 28));
  let cs = localMidnight(clock, startDay);
  const dayDay = clock.dayOf(cs + HOUR);
  const cycleDay = new Date(dayDay * DAY).getUTCDate();
  const cycleLen = plan === 0 ? 30 : plan;
  const total = plan === 0 || plan === 30 ? between(r, 80, 110) : plan === 15 ? between(r, 60, 80) : between(r, 42, 63);
  const bigCap = pick(r, [2, 5, 10, 20, 30, 50]) * GB;
  const cap = family === 'heavy-small' ? pick(r, [0.5, 1, 2]) * GB : plan === 7 ? pick(r, [1, 2, 3, 5]) * GB : plan === 15 ? pick(r, [2, 3, 5, 10]) * GB : bigCap;
  const dailyMean = family === 'heavy-small' ? cap / between(r, 3.5, 6) : (cap / cycleLen) * (family === 'weekly' ? between(r, 0.75, 1.3) : between(r, 0.45, 1.35));
  const cycles: TrueCycle[] = [];
  const until = cs + total * DAY;
  while (cycles.length === 0 || cycles[cycles.length - 1]!.end < until) {
    const end = plan === 0 ? clock.fromLocal(addMonth(clock.dayOf(cs + HOUR), cycleDay) * DAY) : cs + cycleLen * DAY;
    cycles.push({ start: cs, end, cap });
    cs = end;
  }
  const t0 = cycles[0]!.start;
  const lineEnd = cycles[cycles.length - 1]!.end;
  const hours = Math.round((lineEnd - t0) / HOUR);
  // A new line is first read part-way into its first cycle.
  const from = r() < 0.3 ? t0 + Math.floor(r() * 0.6 * cycleLen * 24) * HOUR : t0;

  const shape = pick(r, SHAPES).map((v) => v * between(r, 0.8, 1.2));
  const shapeSum = shape.reduce((a, b) => a + b, 0);
  const wf = weekdayFactors(r, family === 'weekly');
  const sd = between(r, 0.2, 0.4);
  const sh = between(r, 0.35, 0.6);
  const dayNoise = new Float64Array(Math.ceil(hours / 24) + 3);
  const dayLevel = new Float64Array(dayNoise.length);
  let drift = 0;
  for (let d = 0; d < dayNoise.length; d++) {
    drift = Math.max(-0.25, Math.min(0.25, drift + 0.02 * gauss(r)));
    dayLevel[d] = Math.exp(drift);
    dayNoise[d] = Math.exp(drift + sd * gauss(r) - (sd * sd) / 2);
  }
  const hourNoise = new Float64Array(hours);
  for (let k = 0; k < hours; k++) hourNoise[k] = Math.exp(sh * gauss(r) - (sh * sh) / 2);
  const localHour = new Uint8Array(hours);
  const localDay = new Int32Array(hours);
  const dow = new Uint8Array(hours);
  for (let k = 0; k < hours; k++) {
    const t = t0 + k * HOUR + HOUR / 2;
    localHour[k] = clock.hourOf(t);
    localDay[k] = clock.dayOf(t);
    dow[k] = ((localDay[k]! + 4) % 7 + 7) % 7;
  }
  const day0 = localDay[0]!;

  const events = makeEvents(r, family, { clock, cycles, from, lineEnd, dailyMean, cap, extra: rng(Math.imul(seed + 3, 0x2545f491) ^ 0x68e31da4) });
  const useWith = (evs: readonly SynthEvent[], expectedFrom = Infinity): Float64Array => {
    const use = new Float64Array(hours);
    const kExpected = Math.max(0, Math.ceil((expectedFrom - t0) / HOUR));
    const levelThen = dayLevel[localDay[Math.min(kExpected, hours - 1)]! - day0]!;
    for (let k = 0; k < hours; k++) {
      const t = t0 + k * HOUR;
      let level = 1;
      let shift = 0;
      for (const e of evs) {
        if (e.kind === 'habit' && t >= e.start) level *= e.factor!;
        if (e.kind === 'trip' && t >= e.start && t < e.end) { level *= e.factor!; shift = e.shiftHours!; }
      }
      const h = (((localHour[k]! + shift) % 24) + 24) % 24;
      // (Multiplied in this order so every line stays bit for bit the one drawn before.)
      use[k] = k < kExpected
        ? dailyMean * level * wf[dow[k]!]! * dayNoise[localDay[k]! - day0]! * (shape[h]! / shapeSum) * hourNoise[k]!
        : dailyMean * level * wf[dow[k]!]! * levelThen * (shape[h]! / shapeSum);
    }
    for (const e of evs) if (e.kind === 'leak' || e.kind === 'download') addSpread(use, t0, e.start, e.end, e.bytes);
    throttle(use, t0, cycles, evs);
    return use;
  };
  const use = useWith(events);
  const { readings, trueAt, countedAt } = captureReadings(r, { use, t0, clock, cycles, events, from, end: lineEnd, cadence, lagMs, remainingOnly, family, cycleDayShown: cycleDay });
  // Some pages say when their figure was counted ("actualizado a las 14:05", to the minute). Drawn
  // from a stream of its own, so every line is otherwise the one drawn before.
  const statesCount = rng(Math.imul(seed + 5, 0x3c6ef372) ^ 0x1b873593)() < STATES_COUNT_SHARE;
  if (statesCount) {
    readings.forEach((x, i) => { x.countedAt = Math.floor(countedAt[i]! / MINUTE) * MINUTE; });
  }
  const statesEnd = plan !== 0 ? r() < 0.7 : r() < 0.45;
  if (statesEnd) {
    readings.forEach((x, i) => {
      x.periodEnd = cycles.find((c) => trueAt[i]! - lagMs >= c.start && trueAt[i]! - lagMs < c.end)?.end ?? null;
    });
  }
  const knowsDay = plan === 0 && !statesEnd && r() < 0.5;
  return {
    seed, family, timeZone, cadence, remainingOnly, lagMs, statesCount, cycleDay: knowsDay ? cycleDay : null, cycles, events, readings, trueAt,
    t0, from, end: lineEnd, dailyMean, useWith,
  };
}

function addMonth(localDay: number, dayOfMonth: number): number {
  const d = new Date(localDay * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(dayOfMonth, last)) / DAY;
}

export function addSpread(use: Float64Array, t0: number, start: number, end: number, bytes: number): void {
  for (let t = Math.floor((start - t0) / HOUR) * HOUR + t0; t < end; t += HOUR) {
    const k = Math.round((t - t0) / HOUR);
    if (k < 0 || k >= use.length) continue;
    const ov = Math.min(end, t + HOUR) - Math.max(start, t);
    if (ov > 0) use[k]! += (bytes * ov) / (end - start);
  }
}

/** Once the cap (plus any top-up or rebase) is reached the carrier cuts data: no more use that cycle. */
function throttle(use: Float64Array, t0: number, cycles: readonly TrueCycle[], evs: readonly SynthEvent[]): void {
  for (const c of cycles) {
    let cum = 0;
    for (let k = Math.max(0, Math.round((c.start - t0) / HOUR)); k < Math.min(use.length, Math.round((c.end - t0) / HOUR)); k++) {
      const cap = capAt(c, evs, t0 + k * HOUR);
      if (cum + use[k]! > cap) use[k] = Math.max(0, cap - cum);
      cum += use[k]!;
    }
  }
}

/** How far after the use the analysis places it: the carrier's lag, unless the page states its count's time. */
export function shownLag(line: SyntheticLine): number {
  return line.statesCount ? 0 : line.lagMs;
}

/** When hourly `use` reaches `cap` within cycle c (interpolated within the hour), or null. */
export function capReachedAt(line: SyntheticLine, use: Float64Array, c: TrueCycle, cap: number): number | null {
  const cum = cycleCumulative(line, use);
  const k0 = Math.round((c.start - line.t0) / HOUR);
  const k1 = Math.min(use.length, Math.round((c.end - line.t0) / HOUR));
  for (let k = k0; k < k1; k++) {
    if (cum[k + 1]! >= cap * 0.9999) {
      const f = use[k]! > 0 ? Math.min(1, Math.max(0, (cap - cum[k]!) / use[k]!)) : 0;
      return line.t0 + (k + f) * HOUR;
    }
  }
  return null;
}

/** Cumulative use within its cycle at each hour boundary (index k = start of hour k). */
export function cycleCumulative(line: SyntheticLine, use: Float64Array): Float64Array {
  const cum = new Float64Array(use.length + 1);
  const starts = new Set(line.cycles.map((c) => Math.round((c.start - line.t0) / HOUR)));
  for (let k = 0; k < use.length; k++) cum[k + 1] = (starts.has(k) ? 0 : cum[k]!) + use[k]!;
  return cum;
}
