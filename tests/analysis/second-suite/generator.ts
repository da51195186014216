// Second, independent generator of synthetic eSIM lines. Construction, in order:
//   1. plan, zone, cycles (monthly at local midnight, or 7/15/30-day packages at the activation hour);
//   2. capture schedule (hourly / while awake / every few days / irregular), in real time;
//   3. the family's events, placed against the schedule where they need to be (leak + top-up);
//   4. hour-by-hour demand = level x persistent regime x day draw (gamma mixture) x weekday weight
//      x hour shape (von Mises bumps) x bursty hour draw (gamma) + ordinary bursts, then event terms;
//   5. a carrier counter per cycle that is cut at the cap (top-ups, corrections and drops act on it);
//   6. page figures: the counter at capture - lag, rounded, as used or as remaining, maybe stale,
//      maybe stamped by a skewed clock.
// Everything a scorer needs is recorded as truth: cycles, leaks, other events, use per hour and a
// counterfactual outlook ("no new event after t") at any instant.

import type { AnalysisReading } from '../../../lib/analysis';
import { Clock, weekday } from '../../../lib/time/clock';
import { addDays, zonedParts, zonedTime } from '../../../lib/time/calendar';
import { DAY, HOUR, MINUTE } from '../../../lib/time/units';
import { Rng } from './rng';

export const FAMILIES = [
  'clean',
  'overnight-leak',
  'daytime-spike',
  'runaway-app',
  'slow-drain',
  'leak-topup',
  'early-leak',
  'weekly-rhythm',
  'habit-change',
  'travel',
  'big-download',
  'small-plan',
  'stale',
  'corrections-skew',
  'mid-cycle-drop',
  'lapsed',
  'dst',
] as const;
export type Family = (typeof FAMILIES)[number];

/** Families whose run-out verdicts count as hard cases whatever the naive pace says. */
export const HARD_FAMILIES: ReadonlySet<Family> = new Set<Family>(['weekly-rhythm', 'habit-change', 'travel', 'big-download', 'small-plan', 'lapsed']);

export const ZONES = ['America/Santiago', 'America/Mexico_City', 'Europe/Madrid', 'Europe/Paris', 'Asia/Hong_Kong'] as const;
const DST_ZONES = ['America/Santiago', 'Europe/Madrid', 'Europe/Paris'] as const;

export type Cadence = 'hourly' | 'awake' | 'every-few-days' | 'irregular';
export type LeakKind = 'overnight' | 'spike' | 'runaway' | 'drain';
export type EventKind = 'trip' | 'habit' | 'download' | 'stale' | 'drop' | 'correction' | 'skew' | 'topup' | 'weekly' | 'lapse';

export interface TruthLeak {
  kind: LeakKind;
  start: number;
  end: number;
  /** Bytes the leak really moved (less than planned when the line was cut). */
  bytes: number;
  plannedBytes: number;
  capAtStart: number;
}

export interface TruthEvent {
  kind: EventKind;
  start: number;
  end: number;
  bytes?: number;
  factor?: number;
  shiftHours?: number;
  note?: string;
}

export interface TruthCycle {
  start: number;
  end: number;
  /** Cap when the cycle starts; top-ups raise it later. */
  cap: number;
}

export type Plan = { kind: 'monthly'; day: number } | { kind: 'prepaid'; days: 7 | 15 | 30 };

export interface Capture {
  /** When the page was really read. */
  realAt: number;
  /** The instant whose counter the figure shows (capture - lag, or older when stale). */
  figureAt: number;
  stale: boolean;
  skewed: boolean;
  reading: AnalysisReading;
}

export interface Outlook {
  cycleIndex: number;
  cycleStart: number;
  renewal: number;
  counter: number;
  cap: number;
  runsOut: boolean;
  /** When the counter reaches the cap (in the past when already cut), null when it does not. */
  exhaustAt: number | null;
  /** A carrier drop earlier in this cycle: use after it is unknown, the verdict is not scored. */
  afterDrop: boolean;
  /** Counter plus uncut future demand at renewal, as a share of the cap (Infinity when already cut). */
  demandAtRenewal: number;
}

export interface Line {
  seed: number;
  family: Family;
  zone: string;
  plan: Plan;
  cadence: Cadence;
  lagHours: number;
  remainingOnly: boolean;
  statesPeriodEnd: boolean;
  statesCountedAt: boolean;
  cycleDayOption: number | null;
  unitBytes: number;
  capBytes: number;
  meanDailyBytes: number;
  /** Start of the simulated hours (start of the first cycle). */
  origin: number;
  /** First instant the extension could read the line. */
  observedFrom: number;
  /** The analysis time at the end of the line. */
  endAt: number;
  newLine: boolean;
  cycles: TruthCycle[];
  leaks: TruthLeak[];
  events: TruthEvent[];
  dstChanges: number[];
  /** True use per hour from `origin`. */
  usedPerHour: Float64Array;
  captures: Capture[];
  /** Bytes really used in [a, b). */
  usedBetween(a: number, b: number): number;
  /** Counter and cap as the carrier holds them at instant t. */
  counterAt(t: number): { counter: number; cap: number; cycleIndex: number };
  /** Counterfactual: the true future from t with no event starting after t. */
  outlook(t: number): Outlook;
  describe(): string;
}

export interface LineOverrides {
  family?: Family;
  cadence?: Cadence;
  zone?: string;
  plan?: Plan;
  capGB?: number;
  useFraction?: number;
  remainingOnly?: boolean;
  lagHours?: number;
  /** Hour-draw shape (larger = smoother hours). */
  hourShapeK?: number;
  /** Day-draw shape (larger = smoother days). */
  dayShapeK?: number;
  bursts?: boolean;
  newLine?: boolean;
  spanDays?: number;
  /** No persistent regimes and no quiet or heavy days: only the smooth gamma day draw. */
  calm?: boolean;
  /** Size of burst leaks in typical days of use (default 1-4). */
  leakDays?: number;
}

interface Mult {
  startH: number;
  endH: number;
  factor: number;
  shift: number;
}

interface Add {
  startH: number;
  endH: number;
  rate: number;
  leak: number; // index into leaks or -1
}

interface CounterEvent {
  h: number;
  kind: 'topup' | 'correction' | 'drop';
  value: number;
}

const GB_BIN = 2 ** 30;

// ---------------------------------------------------------------------------------------------
// Hour shapes: a floor plus von Mises bumps on the 24 h circle.

function bump(hourMid: number, centre: number, widthH: number): number {
  const kappa = 1 / Math.pow((2 * Math.PI * widthH) / 24, 2);
  return Math.exp(kappa * (Math.cos((2 * Math.PI * (hourMid - centre)) / 24) - 1));
}

function hourShape(rng: Rng): Float64Array {
  const type = rng.pick(['evening', 'commuter', 'office', 'night-owl', 'flat-ish'] as const);
  const bumps: Array<[number, number, number]> = [];
  switch (type) {
    case 'evening':
      bumps.push([rng.uniform(19.5, 22.5), rng.uniform(1.8, 3.2), 1]);
      bumps.push([rng.uniform(12, 14), rng.uniform(1, 2), rng.uniform(0.25, 0.6)]);
      break;
    case 'commuter':
      bumps.push([rng.uniform(7, 9), rng.uniform(0.8, 1.5), rng.uniform(0.6, 1)]);
      bumps.push([rng.uniform(17.5, 19.5), rng.uniform(0.8, 1.6), rng.uniform(0.7, 1)]);
      bumps.push([rng.uniform(12, 13.5), rng.uniform(0.8, 1.4), rng.uniform(0.2, 0.45)]);
      bumps.push([rng.uniform(21, 23), rng.uniform(1, 2), rng.uniform(0.3, 0.6)]);
      break;
    case 'office':
      bumps.push([rng.uniform(12, 14.5), rng.uniform(3, 4.5), 1]);
      bumps.push([rng.uniform(20.5, 22.5), rng.uniform(1, 2), rng.uniform(0.3, 0.6)]);
      break;
    case 'night-owl':
      bumps.push([rng.uniform(23, 25.5), rng.uniform(1.8, 3), 1]);
      bumps.push([rng.uniform(14, 17), rng.uniform(1.5, 3), rng.uniform(0.3, 0.6)]);
      break;
    case 'flat-ish':
      bumps.push([rng.uniform(10, 20), rng.uniform(5, 7), 1]);
      break;
  }
  const floor = rng.uniform(0.03, 0.12);
  const shape = new Float64Array(24);
  let sum = 0;
  for (let h = 0; h < 24; h++) {
    let v = floor;
    for (const [c, w, a] of bumps) v += a * bump(h + 0.5, c, w);
    shape[h] = v;
    sum += v;
  }
  for (let h = 0; h < 24; h++) shape[h] = (shape[h]! * 24) / sum;
  return shape;
}

/** Weekday weights (index 0 = Sunday), mean 1. */
function weekdayWeights(rng: Rng, family: Family): { w: number[]; note: string | null } {
  let w = [1, 1, 1, 1, 1, 1, 1];
  let note: string | null = null;
  if (family === 'weekly-rhythm') {
    const ratio = rng.uniform(1.8, 3);
    const weekendHeavy = rng.chance(0.5);
    const heavy = weekendHeavy ? (rng.chance(0.5) ? [0, 6] : [5, 6, 0]) : [1, 2, 3, 4, 5];
    w = w.map((_, i) => (heavy.includes(i) ? ratio : 1));
    note = `${weekendHeavy ? 'weekend' : 'weekday'}-heavy x${ratio.toFixed(2)}`;
  } else if (rng.chance(0.4)) {
    if (rng.chance(0.5)) w = w.map((_, i) => (i === 0 || i === 6 ? rng.uniform(1.1, 1.35) : 1));
    else w = w.map(() => 1 + rng.uniform(-0.15, 0.15));
  }
  const mean = w.reduce((s, x) => s + x, 0) / 7;
  return { w: w.map((x) => x / mean), note };
}

// ---------------------------------------------------------------------------------------------
// Cycles.

function monthlyBoundary(year: number, month: number, day: number, zone: string): number {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return zonedTime(year, month, Math.min(day, last), 0, 0, zone);
}

function buildCycles(plan: Plan, zone: string, anchor: number, until: number, rng: Rng): TruthCycle[] {
  const out: TruthCycle[] = [];
  if (plan.kind === 'monthly') {
    const p = zonedParts(anchor, zone);
    let y = p.year;
    let m = p.month - 1;
    if (m < 1) {
      m += 12;
      y -= 1;
    }
    const bounds: number[] = [];
    for (let i = 0; i < 8; i++) {
      const mm = ((m - 1 + i) % 12) + 1;
      const yy = y + Math.floor((m - 1 + i) / 12);
      bounds.push(monthlyBoundary(yy, mm, plan.day, zone));
    }
    for (let i = 0; i + 1 < bounds.length; i++) {
      if (bounds[i + 1]! <= anchor) continue;
      out.push({ start: bounds[i]!, end: bounds[i + 1]!, cap: 0 });
      if (bounds[i + 1]! > until) break;
    }
  } else {
    // The package was bought at a whole local hour a little before the anchor; packages renew
    // back to back at the same wall-clock hour.
    const p = zonedParts(anchor - rng.uniform(0, plan.days) * DAY, zone);
    let start = zonedTime(p.year, p.month, p.day, p.hour, 0, zone);
    let guard = 0;
    while (guard++ < 100) {
      const s = zonedParts(start, zone);
      const d = addDays(s.year, s.month, s.day, plan.days);
      const end = zonedTime(d.year, d.month, d.day, s.hour, 0, zone);
      if (end > anchor) out.push({ start, end, cap: 0 });
      if (end > until) break;
      start = end;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Capture schedules.

function isAwake(localHour: number, wake: number, sleep: number): boolean {
  if (sleep <= 24) return localHour >= wake && localHour < sleep;
  return localHour >= wake || localHour < sleep - 24;
}

function localHourFloat(clock: Clock, t: number): number {
  return (((clock.local(t) % DAY) + DAY) % DAY) / HOUR;
}

function schedule(rng: Rng, cadence: Cadence, from: number, to: number, clock: Clock, wake: number, sleep: number): number[] {
  const out: number[] = [];
  if (cadence === 'hourly') {
    const m0 = rng.int(0, 59) * MINUTE;
    let t = Math.floor(from / HOUR) * HOUR + m0;
    if (t < from) t += HOUR;
    let offUntil = -Infinity;
    for (; t < to; t += HOUR) {
      if (t < offUntil) continue;
      if (rng.chance(0.006)) offUntil = t + rng.uniform(3, 10) * HOUR; // laptop closed
      if (rng.chance(0.03)) continue;
      out.push(t + Math.round(rng.uniform(-3, 3) * MINUTE));
    }
  } else if (cadence === 'awake') {
    const k = rng.int(1, 4);
    const d0 = clock.dayOf(from);
    const d1 = clock.dayOf(to);
    for (let d = d0; d <= d1; d++) {
      if (rng.chance(0.08)) continue;
      for (let i = 0; i < k; i++) {
        let h = wake + ((i + 0.5) * (sleep - wake)) / k + rng.normal() * 0.7;
        h = Math.min(sleep - 0.1, Math.max(wake, h));
        const t = clock.fromLocal(d * DAY + Math.round(h * 60) * MINUTE);
        if (t >= from && t < to) out.push(t);
      }
    }
  } else if (cadence === 'every-few-days') {
    let d = clock.dayOf(from) + rng.int(0, 1);
    const d1 = clock.dayOf(to);
    for (; d <= d1; d += rng.int(2, 4)) {
      const h = rng.uniform(wake, Math.min(sleep, 23.9));
      const t = clock.fromLocal(d * DAY + Math.round(h * 60) * MINUTE);
      if (t >= from && t < to) out.push(t);
    }
  } else {
    let t = from + rng.uniform(0, 6) * HOUR;
    while (t < to) {
      if (isAwake(localHourFloat(clock, t), wake, sleep) || rng.chance(0.15)) out.push(t);
      const g = rng.weighted([
        [rng.exponential(4) + 0.2, 55],
        [rng.uniform(10, 30), 30],
        [rng.uniform(48, 120), 15],
      ] as const);
      t += g * HOUR;
    }
  }
  out.sort((a, b) => a - b);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The line.

export function generateLine(seed: number, over: LineOverrides = {}): Line {
  const rng = new Rng(seed);
  const family: Family = over.family ?? FAMILIES[((seed % FAMILIES.length) + FAMILIES.length) % FAMILIES.length]!;
  const zone = over.zone ?? (family === 'dst' ? rng.pick(DST_ZONES) : rng.pick(ZONES));
  const clock = new Clock(zone);

  // Plan and cap.
  let plan: Plan;
  if (over.plan) plan = over.plan;
  else if (family === 'weekly-rhythm') plan = { kind: 'prepaid', days: rng.pick([7, 15, 30] as const) };
  else if (family === 'small-plan') plan = { kind: 'prepaid', days: rng.chance(0.6) ? 7 : 15 };
  else {
    plan = rng.weighted<Plan>([
      [{ kind: 'monthly', day: rng.chance(0.1) ? rng.int(29, 31) : rng.int(1, 28) }, 45],
      [{ kind: 'prepaid', days: 7 }, 15],
      [{ kind: 'prepaid', days: 15 }, 15],
      [{ kind: 'prepaid', days: 30 }, 25],
    ]);
  }
  const cycleDays = plan.kind === 'monthly' ? 30.44 : plan.days;
  const unitBytes = rng.chance(0.6) ? GB_BIN : 1e9;
  let capGB: number;
  if (over.capGB !== undefined) capGB = over.capGB;
  else if (family === 'small-plan') capGB = plan.kind === 'prepaid' && plan.days === 7 ? 1 : rng.pick([1, 2]);
  else if (plan.kind === 'monthly') capGB = rng.pick([2, 3, 5, 8, 10, 12, 15, 20, 25, 30, 40]);
  else if (plan.days === 7) capGB = rng.pick([1, 2, 3, 5]);
  else if (plan.days === 15) capGB = rng.pick([2, 3, 5, 8, 10]);
  else capGB = rng.pick([3, 5, 10, 15, 20, 30, 40]);
  const capBytes = capGB * unitBytes;

  let useFraction = over.useFraction ?? rng.uniform(0.5, 1.3);
  if (family === 'small-plan' && over.useFraction === undefined) useFraction = rng.uniform(1.45, 2.4);
  const meanDailyBytes = (useFraction * capBytes) / cycleDays;
  const hourlyMean = meanDailyBytes / 24;

  // Period observed.
  let anchor: number;
  if (family === 'dst') {
    const transitions: Record<string, string[]> = {
      'America/Santiago': ['2024-04-07', '2024-09-08', '2025-04-06', '2025-09-07'],
      'Europe/Madrid': ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26'],
      'Europe/Paris': ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26'],
    };
    const list = transitions[zone] ?? transitions['Europe/Paris']!;
    anchor = Date.parse(`${rng.pick(list)}T12:00:00Z`) - rng.uniform(4, 20) * DAY;
  } else {
    anchor = Date.UTC(2024, 0, 5) + rng.uniform(0, 600) * DAY;
  }
  let spanDays = over.spanDays ?? (plan.kind === 'prepaid' && plan.days === 7 ? rng.uniform(16, 35) : plan.kind === 'prepaid' && plan.days === 15 ? rng.uniform(25, 55) : rng.uniform(38, 75));
  const cadence: Cadence =
    over.cadence ??
    (family === 'stale'
      ? 'hourly'
      : family === 'dst'
        ? rng.pick(['hourly', 'awake'] as const)
        : rng.weighted<Cadence>([
            ['hourly', 30],
            ['awake', 35],
            ['every-few-days', 15],
            ['irregular', 20],
          ]));
  if (cadence === 'hourly' && over.spanDays === undefined) spanDays = Math.min(spanDays, 55);
  const cycles = buildCycles(plan, zone, anchor, anchor + (spanDays + 40) * DAY, rng);
  for (const c of cycles) c.cap = capBytes;
  const origin = cycles[0]!.start;
  const newLine = over.newLine ?? ((family === 'early-leak' && rng.chance(0.5)) || (family === 'small-plan' && rng.chance(0.4)) || rng.chance(0.1));
  const firstLen = cycles[0]!.end - cycles[0]!.start;
  const observedFrom = newLine ? origin : origin + rng.uniform(0.15, 0.85) * firstLen;
  let simEnd = observedFrom + spanDays * DAY;
  // Keep only the cycles the period touches.
  while (cycles.length > 1 && cycles[cycles.length - 1]!.start >= simEnd) cycles.pop();

  const wake = rng.uniform(6.5, 9.5);
  const sleep = rng.uniform(22, 25);
  const lagHours = over.lagHours ?? rng.weighted<number>([
    [0, 30],
    [rng.uniform(0.2, 1), 30],
    [rng.uniform(1, 3), 40],
  ]);
  const remainingOnly = over.remainingOnly ?? rng.chance(family === 'leak-topup' ? 0.5 : 0.2);
  const statesPeriodEnd = rng.chance(0.35);
  const statesCountedAt = family !== 'stale' && rng.chance(0.25);
  const cycleDayOption = plan.kind === 'monthly' && rng.chance(0.5) ? plan.day : null;
  const gran = rng.weighted<number>([
    [unitBytes / 1000, 35],
    [(unitBytes / 1000) * 10, 25],
    [unitBytes / 100, 25],
    [capGB >= 10 ? unitBytes / 10 : unitBytes / 100, 15],
  ]);
  const roundMode = rng.pick(['nearest', 'floor', 'ceil'] as const);

  // Hour grid.
  const n = Math.ceil((simEnd - origin) / HOUR) + 2;
  const localHour = new Uint8Array(n);
  const dayIdx = new Int32Array(n);
  const firstDay = clock.dayOf(origin);
  const dstChanges: number[] = [];
  let prevOffset = clock.offset(origin);
  for (let h = 0; h < n; h++) {
    const t = origin + h * HOUR;
    localHour[h] = clock.hourOf(t);
    dayIdx[h] = clock.dayOf(t) - firstDay;
    const o = clock.offset(t);
    if (o !== prevOffset) dstChanges.push(t);
    prevOffset = o;
  }
  const nDays = dayIdx[n - 1]! + 2;

  // Base rhythm.
  const shape = hourShape(rng);
  const { w: wdw, note: weeklyNote } = weekdayWeights(rng, family);
  const dayK = over.dayShapeK ?? rng.uniform(5, 14);
  const hourK = over.hourShapeK ?? rng.uniform(1.6, 5);
  const dayFactor = new Float64Array(nDays);
  let regime = rng.unitGamma(25);
  for (let d = 0; d < nDays; d++) {
    if (rng.chance(1 / 5)) regime = rng.unitGamma(25);
    const smooth = rng.unitGamma(dayK);
    const mix = rng.weighted<number>([
      [rng.uniform(0.15, 0.5), 6],
      [rng.uniform(1.6, 2.6), 4],
      [smooth, 90],
    ]);
    dayFactor[d] = over.calm ? smooth * wdw[weekday(firstDay + d)]! : regime * mix * wdw[weekday(firstDay + d)]!;
  }
  const hourNoise = new Float64Array(n);
  for (let h = 0; h < n; h++) hourNoise[h] = rng.unitGamma(hourK);
  const burst = new Float64Array(n);
  if (over.bursts ?? true) {
    for (let d = 0; d < nDays; d++) {
      if (!rng.chance(0.25)) continue;
      const lh = Math.floor(rng.uniform(wake, Math.min(sleep, 23.9)));
      const t = clock.fromLocal((firstDay + d) * DAY + lh * HOUR);
      const h = Math.floor((t - origin) / HOUR);
      if (h >= 0 && h < n) burst[h]! += rng.uniform(0.08, 0.25) * meanDailyBytes;
    }
  }

  // Capture schedule (real instants).
  let realTimes = schedule(rng, cadence, observedFrom, simEnd, clock, wake, sleep);

  // Events.
  const leaks: TruthLeak[] = [];
  const events: TruthEvent[] = [];
  const mults: Mult[] = [];
  const adds: Add[] = [];
  const counterEvents: CounterEvent[] = [];
  const hourOf = (t: number) => Math.floor((t - origin) / HOUR);
  const atHour = (h: number) => origin + h * HOUR;
  const cycleAt = (t: number) => cycles.findIndex((c) => t >= c.start && t < c.end);
  const leakWindowFrom = observedFrom + 4 * DAY;
  const leakWindowTo = simEnd - 3 * DAY;
  const randomLocalDayIn = (a: number, b: number) => clock.dayOf(a + rng.uniform(0, Math.max(0, b - a)));
  const localHourInstant = (day: number, hour: number) => clock.fromLocal(day * DAY + hour * HOUR);

  const addLeak = (kind: LeakKind, start: number, hours: number, bytes: number) => {
    const sh = hourOf(start);
    leaks.push({ kind, start: atHour(sh), end: atHour(sh + hours), bytes: 0, plannedBytes: bytes, capAtStart: capBytes });
    adds.push({ startH: sh, endH: sh + hours, rate: bytes / hours, leak: leaks.length - 1 });
  };
  /** A burst placed at local hours inside [from, to] (tries a few days; last try wins). */
  const burstLeak = (kind: 'overnight' | 'spike', from: number, to: number) => {
    const hours = kind === 'overnight' ? rng.int(1, 5) : rng.int(1, 3);
    let start = from;
    for (let i = 0; i < 20; i++) {
      const day = randomLocalDayIn(from, to);
      const startHour = kind === 'overnight' ? rng.int(0, 6 - hours) : rng.int(8, 20 - hours);
      start = localHourInstant(day, startHour);
      if (start >= from && start + hours * HOUR <= to) break;
    }
    const days = rng.uniform(1, 4);
    addLeak(kind, start, hours, (over.leakDays ?? days) * meanDailyBytes);
  };
  const runaway = (from: number, to: number, maxHours = 36) => {
    const hours = rng.int(6, maxHours);
    const start = Math.floor((from + rng.uniform(0, Math.max(0, to - from))) / HOUR) * HOUR;
    addLeak('runaway', start, hours, rng.uniform(4, 10) * hourlyMean * hours);
  };

  switch (family) {
    case 'overnight-leak':
      burstLeak('overnight', leakWindowFrom, leakWindowTo);
      if (rng.chance(0.3)) burstLeak('overnight', leakWindowFrom, leakWindowTo);
      break;
    case 'daytime-spike':
      burstLeak('spike', leakWindowFrom, leakWindowTo);
      break;
    case 'runaway-app':
      runaway(leakWindowFrom, leakWindowTo);
      break;
    case 'slow-drain': {
      const days = rng.uniform(3, 7);
      const hours = Math.round(days * 24);
      const start = Math.floor((leakWindowFrom + rng.uniform(0, Math.max(0, leakWindowTo - leakWindowFrom - days * DAY))) / HOUR) * HOUR;
      addLeak('drain', start, hours, rng.uniform(1, 2) * meanDailyBytes * days);
      break;
    }
    case 'leak-topup': {
      const kind = rng.chance(0.6) ? 'overnight' : 'spike';
      const hours = kind === 'overnight' ? rng.int(1, 5) : rng.int(1, 3);
      const day = randomLocalDayIn(leakWindowFrom, leakWindowTo);
      const startHour = kind === 'overnight' ? rng.int(0, 6 - hours) : rng.int(8, 20 - hours);
      const start = localHourInstant(day, startHour);
      const ci = cycleAt(start);
      // Big enough to matter: often enough to drain the rest of the cap.
      const bytes = Math.max(rng.uniform(1.5, 4) * meanDailyBytes, 0.05 * capBytes, rng.chance(0.5) ? 0.5 * capBytes : 0);
      addLeak(kind, start, hours, bytes);
      const leak = leaks[leaks.length - 1]!;
      const topH = hourOf(leak.end) + rng.int(1, 3);
      const cycleEnd = ci >= 0 ? cycles[ci]!.end : Infinity;
      if (atHour(topH) < cycleEnd - HOUR) {
        const topup = Math.max(1, Math.round(capGB * rng.uniform(0.5, 1))) * unitBytes;
        counterEvents.push({ h: topH, kind: 'topup', value: topup });
        events.push({ kind: 'topup', start: atHour(topH), end: atHour(topH), bytes: topup });
        // No capture between the leak and the top-up: one interval holds both.
        const lo = leak.start - 0.5 * HOUR;
        const hi = atHour(topH) + (lagHours + 1) * HOUR;
        realTimes = realTimes.filter((t) => t < lo || t > hi);
      }
      break;
    }
    case 'early-leak': {
      let base: number;
      if (newLine) base = origin;
      else {
        const later = cycles.filter((c) => c.start > observedFrom + 2 * DAY && c.start < simEnd - 4 * DAY);
        base = later.length > 0 ? rng.pick(later).start : origin;
      }
      const from = Math.max(base + 6 * HOUR, observedFrom + 6 * HOUR);
      const to = base + 72 * HOUR;
      const k = rng.pick(['overnight', 'spike', 'runaway'] as const);
      if (k === 'runaway') runaway(from, Math.max(from, to - 12 * HOUR), 12);
      else burstLeak(k, from, to);
      break;
    }
    case 'weekly-rhythm':
      events.push({ kind: 'weekly', start: observedFrom, end: simEnd, note: weeklyNote ?? '' });
      break;
    case 'habit-change': {
      const t = Math.floor((observedFrom + rng.uniform(0.3, 0.7) * (simEnd - observedFrom)) / HOUR) * HOUR;
      const factor = rng.chance(0.5) ? 1 + rng.uniform(0.25, 0.6) : 1 - rng.uniform(0.25, 0.6);
      mults.push({ startH: hourOf(t), endH: n, factor, shift: 0 });
      events.push({ kind: 'habit', start: t, end: simEnd, factor });
      break;
    }
    case 'travel': {
      const days = rng.uniform(4, 16);
      const from = observedFrom + 5 * DAY;
      const to = Math.max(from, simEnd - days * DAY - 2 * DAY);
      const t = Math.floor((from + rng.uniform(0, to - from)) / HOUR) * HOUR;
      const factor = rng.uniform(0.4, 1.6);
      const shift = rng.pick([-12, -9, -8, -7, -6, -5, -4, -3, 3, 4, 5, 6, 7, 8, 9, 12]);
      mults.push({ startH: hourOf(t), endH: hourOf(t + days * DAY), factor, shift });
      events.push({ kind: 'trip', start: t, end: t + Math.round(days * 24) * HOUR, factor, shiftHours: shift });
      break;
    }
    case 'big-download': {
      const options = cycles.filter((c) => c.start + 5 * DAY > observedFrom + DAY && c.start < simEnd - 3 * DAY);
      const c = options.length > 0 ? rng.pick(options) : cycles[0]!;
      const from = Math.max(c.start + 12 * HOUR, observedFrom + DAY);
      const to = Math.max(from, Math.min(c.start + 5 * DAY, simEnd - 2 * DAY));
      const hours = rng.int(1, 4);
      const day = randomLocalDayIn(from, to);
      const start = localHourInstant(day, rng.int(Math.ceil(wake), Math.min(22, Math.floor(sleep)) - hours));
      const bytes = rng.uniform(0.1, 0.3) * capBytes;
      const sh = hourOf(start);
      adds.push({ startH: sh, endH: sh + hours, rate: bytes / hours, leak: -1 });
      events.push({ kind: 'download', start: atHour(sh), end: atHour(sh + hours), bytes });
      break;
    }
    case 'corrections-skew': {
      const k = rng.int(1, 3);
      for (let i = 0; i < k; i++) {
        const h = hourOf(observedFrom + rng.uniform(0.1, 0.95) * (simEnd - observedFrom));
        const frac = rng.uniform(0.01, 0.05);
        counterEvents.push({ h, kind: 'correction', value: frac });
        events.push({ kind: 'correction', start: atHour(h), end: atHour(h), factor: frac });
      }
      break;
    }
    case 'mid-cycle-drop': {
      const options = cycles.filter((c) => c.start + 0.3 * (c.end - c.start) > observedFrom + DAY && c.start + 0.7 * (c.end - c.start) < simEnd - DAY);
      const c = options.length > 0 ? rng.pick(options) : cycles[cycles.length - 1]!;
      const h = hourOf(c.start + rng.uniform(0.3, 0.7) * (c.end - c.start));
      const frac = rng.uniform(0.3, 0.6);
      counterEvents.push({ h, kind: 'drop', value: frac });
      events.push({ kind: 'drop', start: atHour(h), end: atHour(h), factor: frac });
      break;
    }
    default:
      break;
  }
  counterEvents.sort((a, b) => a.h - b.h);

  // Lapse: no capture over the last part of a cycle.
  if (family === 'lapsed') {
    const lenOf = (c: TruthCycle) => c.end - c.start;
    const options = cycles.filter((c) => c.start + 0.4 * lenOf(c) > observedFrom + DAY && c.end <= simEnd + 0.3 * lenOf(c));
    const c = options.length > 0 ? rng.pick(options) : cycles[0]!;
    const len = lenOf(c);
    const from = Math.max(observedFrom + DAY, c.end - rng.uniform(0.25, 0.6) * len);
    const final = rng.chance(0.5) || c.end > simEnd - 3 * DAY;
    if (final) {
      simEnd = c.end - rng.uniform(1, Math.max(1.5, (0.1 * len) / HOUR)) * HOUR;
      realTimes = realTimes.filter((t) => t < from && t < simEnd);
      events.push({ kind: 'lapse', start: from, end: simEnd, note: 'final' });
    } else {
      const resume = c.end + rng.uniform(0, 2) * DAY;
      realTimes = realTimes.filter((t) => t < from || t >= resume);
      events.push({ kind: 'lapse', start: from, end: resume });
    }
  }

  // Demand and the carrier counter.
  const baseAt = (h: number, cutoffH: number): number => {
    let f = 1;
    let shift = 0;
    for (const m of mults) {
      if (m.startH <= cutoffH && h >= m.startH && h < m.endH) {
        f *= m.factor;
        shift += m.shift;
      }
    }
    const lh = (((localHour[h]! + shift) % 24) + 24) % 24;
    return (hourlyMean * dayFactor[dayIdx[h]!]! * shape[lh]! * hourNoise[h]! + burst[h]!) * f;
  };
  const demandAt = (h: number, cutoffH: number): number => {
    let d = baseAt(h, cutoffH);
    for (const a of adds) if (a.startH <= cutoffH && h >= a.startH && h < a.endH) d += a.rate;
    return d;
  };

  const used = new Float64Array(n);
  const demand = new Float64Array(n);
  const counterStart = new Float64Array(n);
  const capAt = new Float64Array(n);
  const cycleOf = new Int16Array(n).fill(-1);
  const leakUsed = new Float64Array(leaks.length);
  let ce = 0;
  for (let ci = 0; ci < cycles.length; ci++) {
    const c = cycles[ci]!;
    let counter = 0;
    let cap = c.cap;
    const h0 = Math.max(0, hourOf(c.start));
    const h1 = Math.min(n, hourOf(c.end));
    for (let h = h0; h < h1; h++) {
      while (ce < counterEvents.length && counterEvents[ce]!.h <= h) {
        const e = counterEvents[ce++]!;
        if (e.kind === 'topup') cap += e.value;
        else counter -= counter * e.value;
      }
      counterStart[h] = counter;
      capAt[h] = cap;
      cycleOf[h] = ci;
      const d = demandAt(h, Infinity);
      demand[h] = d;
      const u = counter >= cap ? 0 : Math.min(d, cap - counter);
      used[h] = u;
      counter += u;
      if (d > 0 && u > 0) {
        for (const a of adds) if (a.leak >= 0 && h >= a.startH && h < a.endH) leakUsed[a.leak]! += (u * a.rate) / d;
      }
    }
  }
  leaks.forEach((l, i) => {
    l.bytes = leakUsed[i]!;
    const h = hourOf(l.start);
    if (h >= 0 && h < n) l.capAtStart = capAt[h]!;
  });
  const prefix = new Float64Array(n + 1);
  for (let h = 0; h < n; h++) prefix[h + 1] = prefix[h]! + used[h]!;

  const clampH = (t: number) => Math.min(n - 1, Math.max(0, hourOf(t)));
  const counterAt = (t: number) => {
    const h = clampH(t);
    const frac = Math.min(1, Math.max(0, (t - atHour(h)) / HOUR));
    return { counter: counterStart[h]! + Math.min(used[h]!, frac * demand[h]!), cap: capAt[h]!, cycleIndex: cycleOf[h]! };
  };
  const cumAt = (t: number) => {
    const h = clampH(t);
    const frac = Math.min(1, Math.max(0, (t - atHour(h)) / HOUR));
    return prefix[h]! + Math.min(used[h]!, frac * demand[h]!);
  };
  const usedBetween = (a: number, b: number) => Math.max(0, cumAt(b) - cumAt(a));

  const outlook = (t: number): Outlook => {
    const h = clampH(t);
    const ci = cycleOf[h]!;
    const c = cycles[Math.max(0, ci)]!;
    const { counter, cap } = counterAt(t);
    const afterDrop = events.some((e) => e.kind === 'drop' && e.start <= t && e.start >= c.start);
    const base = { cycleIndex: ci, cycleStart: c.start, renewal: c.end, counter, cap, afterDrop };
    if (counter >= cap - 1) {
      // Already cut: when did it reach the cap last?
      let at: number | null = null;
      for (let k = Math.max(0, hourOf(c.start)); k <= h; k++) {
        if (counterStart[k]! < capAt[k]! - 1 && counterStart[k]! + used[k]! >= capAt[k]! - 1) {
          at = atHour(k) + (demand[k]! > 0 ? ((capAt[k]! - counterStart[k]!) / demand[k]!) * HOUR : 0);
        }
      }
      return { ...base, runsOut: true, exhaustAt: Math.min(at ?? t, t), demandAtRenewal: Infinity };
    }
    const cutoff = h;
    let cnt = counter;
    let exhaustAt: number | null = null;
    const step = (from: number, d: number, part: number) => {
      const dd = d * part;
      if (exhaustAt === null && cnt + dd >= cap) exhaustAt = from + (d > 0 ? ((cap - cnt) / d) * HOUR : 0);
      cnt += dd;
    };
    const hEnd = Math.min(n, hourOf(c.end));
    for (let k = h; k < hEnd; k++) {
      if (k === h) step(t, demandAt(k, cutoff), (atHour(k + 1) - t) / HOUR);
      else step(atHour(k), demandAt(k, cutoff), 1);
    }
    // Beyond the simulated hours (renewal after the line's end): the same hours a week earlier.
    for (let k = Math.max(hEnd, h + 1), at = atHour(k); at < c.end; k++, at += HOUR) {
      const src = k - 168 * Math.ceil((k - (n - 1)) / 168);
      step(at, demandAt(Math.max(0, src), cutoff), 1);
    }
    return { ...base, runsOut: exhaustAt !== null, exhaustAt, demandAtRenewal: cnt / cap };
  };

  // Page figures.
  const roundTo = (x: number) => {
    const q = x / gran;
    const r = roundMode === 'nearest' ? Math.round(q) : roundMode === 'floor' ? Math.floor(q) : Math.ceil(q);
    return Math.max(0, Math.round(r * gran));
  };
  realTimes = realTimes.filter((t) => t >= observedFrom && t <= simEnd);
  const captures: Capture[] = realTimes.map((realAt) => {
    const lag = Math.max(0, lagHours + (lagHours > 0 ? rng.uniform(-0.25, 0.25) * Math.min(1, lagHours) : 0));
    const figureAt = Math.max(origin, realAt - lag * HOUR);
    return { realAt, figureAt, stale: false, skewed: false, reading: { capturedAt: realAt, usedBytes: null, totalBytes: null } };
  });
  const figureFor = (c: Capture): AnalysisReading => {
    const { counter, cap, cycleIndex } = counterAt(c.figureAt);
    const usedR = Math.min(cap, roundTo(counter));
    const r: AnalysisReading = { capturedAt: c.realAt, usedBytes: usedR, totalBytes: cap };
    if (remainingOnly) {
      r.usedBytes = null;
      r.remainingBytes = Math.max(0, Math.min(cap, roundTo(cap - counter)));
    }
    if (statesPeriodEnd && cycleIndex >= 0) r.periodEnd = cycles[cycleIndex]!.end;
    if (statesCountedAt) r.countedAt = Math.round(c.figureAt / MINUTE) * MINUTE;
    return r;
  };
  for (const c of captures) c.reading = figureFor(c);

  if (family === 'stale' && captures.length > 30) {
    const episodes = rng.int(2, 5);
    for (let e = 0; e < episodes; e++) {
      const i = rng.int(5, captures.length - 15);
      const k = rng.int(3, 12);
      const src = captures[i]!;
      for (let j = i + 1; j <= i + k && j < captures.length; j++) {
        const c = captures[j]!;
        c.stale = true;
        c.figureAt = src.figureAt;
        c.reading = { ...src.reading, capturedAt: c.realAt };
      }
      events.push({ kind: 'stale', start: src.realAt, end: captures[Math.min(captures.length - 1, i + k + 1)]!.realAt });
    }
  }
  if (family === 'corrections-skew' && captures.length > 10) {
    const singles = rng.int(1, 4);
    for (let s = 0; s < singles; s++) {
      const c = rng.pick(captures);
      const skew = rng.uniform(1, 72) * HOUR;
      c.skewed = true;
      c.reading = { ...c.reading, capturedAt: c.realAt + Math.round(skew) };
      events.push({ kind: 'skew', start: c.realAt, end: c.realAt, bytes: 0, factor: skew / HOUR });
    }
    if (rng.chance(0.5)) {
      const i = rng.int(0, captures.length - 6);
      const skew = rng.uniform(2, 72) * HOUR;
      const k = rng.int(2, 5);
      for (let j = i; j < i + k; j++) {
        const c = captures[j]!;
        c.skewed = true;
        c.reading = { ...c.reading, capturedAt: c.realAt + Math.round(skew) };
      }
      events.push({ kind: 'skew', start: captures[i]!.realAt, end: captures[i + k - 1]!.realAt, factor: skew / HOUR });
    }
  }

  const lastReal = captures.length > 0 ? captures[captures.length - 1]!.realAt : observedFrom;
  const lapsedFinal = events.some((e) => e.kind === 'lapse' && e.note === 'final');
  const endAt = lapsedFinal ? simEnd : Math.min(simEnd, lastReal + rng.uniform(0, 2) * HOUR);
  const finalCycles = cycles.filter((c) => c.start <= endAt);

  const line: Line = {
    seed,
    family,
    zone,
    plan,
    cadence,
    lagHours,
    remainingOnly,
    statesPeriodEnd,
    statesCountedAt,
    cycleDayOption,
    unitBytes,
    capBytes,
    meanDailyBytes,
    origin,
    observedFrom,
    endAt,
    newLine,
    cycles: finalCycles,
    leaks,
    events,
    dstChanges,
    usedPerHour: used,
    captures,
    usedBetween,
    counterAt,
    outlook,
    describe() {
      const p = plan.kind === 'monthly' ? `monthly@${plan.day}` : `${plan.days}d`;
      return `seed ${seed} ${family} ${zone} ${p} cap ${capGB}GB ${cadence} lag ${lagHours.toFixed(1)}h${remainingOnly ? ' remaining-only' : ''} ${captures.length} reads, ${((endAt - observedFrom) / DAY).toFixed(1)} d`;
    },
  };
  return line;
}

/** Readings the extension holds at `now`: those really captured by then (stamps may be skewed). */
export function readingsAt(line: Line, now: number): AnalysisReading[] {
  const out: AnalysisReading[] = [];
  for (const c of line.captures) {
    if (c.realAt > now) break;
    out.push(c.reading);
  }
  return out;
}
