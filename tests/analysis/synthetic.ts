// Synthetic eSIM lines for the detection report: realistic daily and weekly rhythm, carrier
// counters that reset each cycle and lag behind real use, sparse captures (only when the user
// opens the carrier page), and injected leaks whose true times and sizes are known.
import type { AnalysisReading } from '../../lib/analysis';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const GB = 2 ** 30;
export const MB = 2 ** 20;

export type LeakKind = 'overnight' | 'hotspot' | 'runaway';

export interface Leak {
  kind: LeakKind;
  start: number;
  end: number;
  /** Bytes the leak actually used (after the cap throttled the line, if it did). */
  bytes: number;
  /** Bytes it would have used without the cap. */
  planned: number;
  cap: number;
}

export interface TrueCycle {
  start: number;
  end: number;
  cap: number;
  /** When true use reached the cap, null when it did not within the cycle. */
  exhaustAt: number | null;
}

export interface SyntheticLine {
  seed: number;
  timeZone: string;
  capture: 'hourly' | 'sparse';
  /** The carrier's figures show use as of this long ago. */
  lagMs: number;
  cycleDay: number | null;
  readings: AnalysisReading[];
  leaks: Leak[];
  cycles: TrueCycle[];
  end: number;
  /** Ordinary use per hour from t0 (no leaks), to replay "what if" scenarios. */
  normalUse: Float64Array;
  t0: number;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

const ZONES = ['UTC', 'Europe/Madrid', 'America/New_York', 'Asia/Shanghai', 'Europe/Paris'];
const offsetCache = new Map<string, number>();

/** Local offset at noon UTC of that day; DST changes at night, so hours are off on two days a year. */
function offsetOf(zone: string, t: number): number {
  const d = Math.floor(t / DAY);
  const key = `${zone}|${d}`;
  let o = offsetCache.get(key);
  if (o === undefined) {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    const p: Record<string, number> = {};
    for (const x of f.formatToParts(new Date(d * DAY + 12 * HOUR))) if (x.type !== 'literal') p[x.type] = Number(x.value);
    o = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - (d * DAY + 12 * HOUR);
    offsetCache.set(key, o);
  }
  return o;
}

function localHour(zone: string, t: number): number {
  return Math.floor((((t + offsetOf(zone, t)) % DAY) + DAY) % DAY / HOUR);
}

// Typical hour-of-day shapes: an evening streamer, an office worker, a night owl.
const SHAPES = [
  [0.6, 0.25, 0.15, 0.12, 0.12, 0.15, 0.4, 0.8, 1, 0.9, 0.8, 0.9, 1.2, 1, 0.9, 0.9, 1, 1.3, 1.8, 2.6, 3, 3, 2.4, 1.3],
  [0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 2, 1.6, 1.3, 1.4, 2, 1.5, 1.3, 1.3, 1.4, 1.8, 1.6, 1.5, 1.4, 1.2, 0.9, 0.5],
  [2, 1.4, 0.5, 0.25, 0.15, 0.1, 0.1, 0.2, 0.4, 0.7, 0.9, 1, 1.1, 1.1, 1, 1, 1.1, 1.2, 1.5, 1.9, 2.2, 2.5, 2.6, 2.4],
];

export interface LineOptions {
  months?: number;
}

export function generateLine(seed: number, opts: LineOptions = {}): SyntheticLine {
  // Spread neighbouring seeds apart: mulberry32's first outputs for 1, 2, 3 are alike.
  const r = rng(Math.imul(seed + 1, 0x9e3779b1) ^ 0x85ebca6b);
  const months = opts.months ?? 4;
  const timeZone = pick(r, ZONES);
  const capture: 'hourly' | 'sparse' = r() < 0.3 ? 'hourly' : 'sparse';
  const lagMs = Math.floor(r() * 3 * HOUR);
  const cap = pick(r, [5, 10, 15, 20, 30, 50]) * GB;
  const monthlyUse = cap * (0.35 + r() * 1.15);
  const baseShape = pick(r, SHAPES).map((v) => v * (0.8 + 0.4 * r()));
  const shapeSum = baseShape.reduce((a, b) => a + b, 0);
  const weekend = 0.8 + r() * 0.6;
  const dayDay = 1 + Math.floor(r() * 28);

  // Cycles renew at local midnight on dayDay, from a start in early 2024.
  const cycles: TrueCycle[] = [];
  let cs = Date.UTC(2024, 0, dayDay);
  cs -= offsetOf(timeZone, cs);
  for (let m = 0; m < months; m++) {
    const next = Date.UTC(2024, m + 1, dayDay);
    const ce = next - offsetOf(timeZone, next);
    cycles.push({ start: cs, end: ce, cap, exhaustAt: null });
    cs = ce;
  }
  const t0 = cycles[0]!.start;
  const end = cycles[cycles.length - 1]!.end;
  const hours = Math.round((end - t0) / HOUR);

  // Normal use per hour: daily volume (lognormal, weekly rhythm) x hour shape x hourly noise.
  const use = new Float64Array(hours);
  const dailyMean = monthlyUse / 30.4;
  let dayVolume = 0;
  let drift = 0;
  for (let h = 0; h < hours; h++) {
    const t = t0 + h * HOUR;
    const lh = localHour(timeZone, t);
    if (h === 0 || lh === 0) {
      const dow = new Date(t + offsetOf(timeZone, t) + HOUR).getUTCDay();
      // Habits drift (a trip, a new streaming habit): a slow random walk on the daily level.
      drift = Math.max(-0.5, Math.min(0.5, drift + 0.03 * gauss(r)));
      dayVolume = dailyMean * Math.exp(drift) * (dow === 0 || dow === 6 ? weekend : 1) * Math.exp(0.35 * gauss(r) - 0.06);
    }
    use[h] = (dayVolume * baseShape[lh]!) / shapeSum * Math.exp(0.5 * gauss(r) - 0.125);
  }

  const normalUse = use.slice();
  const leaks = injectLeaks(r, use, t0, timeZone, cycles);
  throttle(use, t0, cycles, leaks);
  const readings = captureReadings(r, use, t0, timeZone, cycles, capture, lagMs);
  const statesEnd = r() < 0.5;
  if (statesEnd) for (const x of readings) x.periodEnd = cycles.find((c) => x.capturedAt - lagMs >= c.start && x.capturedAt - lagMs < c.end)?.end ?? null;
  const cycleDay = !statesEnd && r() < 0.4 ? dayDay : null;
  return { seed, timeZone, capture, lagMs, cycleDay, readings, leaks, cycles, end, normalUse, t0 };
}

function injectLeaks(r: () => number, use: Float64Array, t0: number, zone: string, cycles: TrueCycle[]): Leak[] {
  const leaks: Leak[] = [];
  for (const c of cycles) {
    const n = r() < 0.3 ? 0 : r() < 0.6 ? 1 : 2;
    for (let i = 0; i < n; i++) {
      const kind: LeakKind = pick(r, ['overnight', 'hotspot', 'runaway'] as const);
      const day = c.start + Math.floor(r() * ((c.end - c.start) / DAY - 2)) * DAY;
      const offs = offsetOf(zone, day);
      const localMidnight = day - ((((day + offs) % DAY) + DAY) % DAY);
      let start: number;
      let hours: number;
      let bytes: number;
      if (kind === 'overnight') {
        start = localMidnight + (1 + r() * 2) * HOUR;
        hours = 1 + r() * 3;
        bytes = (0.5 + r() * 2.5) * GB;
      } else if (kind === 'hotspot') {
        start = localMidnight + (9 + r() * 11) * HOUR;
        hours = 1 + r() * 2;
        bytes = (0.5 + r() * 2.5) * GB;
      } else {
        start = localMidnight + r() * 24 * HOUR;
        hours = 6 + r() * 30;
        bytes = (40 + r() * 110) * MB * hours;
      }
      start = Math.round(start / MIN) * MIN;
      const end = start + Math.round(hours * 60) * MIN;
      addSpread(use, t0, start, end, bytes);
      leaks.push({ kind, start, end, bytes, planned: bytes, cap: c.cap });
    }
  }
  return leaks.sort((a, b) => a.start - b.start);
}

function addSpread(use: Float64Array, t0: number, start: number, end: number, bytes: number): void {
  for (let t = Math.floor((start - t0) / HOUR) * HOUR + t0; t < end; t += HOUR) {
    const k = Math.round((t - t0) / HOUR);
    if (k < 0 || k >= use.length) continue;
    const ov = Math.min(end, t + HOUR) - Math.max(start, t);
    if (ov > 0) use[k]! += (bytes * ov) / (end - start);
  }
}

/** Once the cap is reached the carrier cuts data: no more use, and leaks after that never happened. */
function throttle(use: Float64Array, t0: number, cycles: TrueCycle[], leaks: Leak[]): void {
  for (const c of cycles) {
    let cum = 0;
    for (let k = Math.round((c.start - t0) / HOUR); k < Math.round((c.end - t0) / HOUR); k++) {
      if (cum + use[k]! >= c.cap && c.exhaustAt === null) {
        c.exhaustAt = t0 + k * HOUR + ((c.cap - cum) / use[k]!) * HOUR;
        use[k] = c.cap - cum;
      } else if (c.exhaustAt !== null) {
        use[k] = 0;
      }
      cum += use[k]!;
    }
    for (const l of leaks) {
      if (c.exhaustAt === null || l.start < c.start || l.start >= c.end) continue;
      if (l.start >= c.exhaustAt) l.bytes = 0;
      else if (l.end > c.exhaustAt) l.bytes *= (c.exhaustAt - l.start) / (l.end - l.start);
    }
  }
}

function captureTimes(r: () => number, t0: number, end: number, zone: string, capture: 'hourly' | 'sparse'): number[] {
  const out: number[] = [];
  if (capture === 'hourly') {
    // A browser left open: hourly while the computer is awake, with the odd day away.
    const sleeps = r() < 0.5;
    for (let t = t0 + HOUR; t < end; t += HOUR) {
      const lh = localHour(zone, t);
      if (sleeps && lh >= 1 && lh < 7) continue;
      if (r() < 0.05) continue;
      out.push(t + Math.floor(r() * 6) * MIN);
    }
    return out;
  }
  const perDay = 1 + Math.floor(r() * 4);
  for (let d = t0; d < end; d += DAY) {
    if (r() < 0.2) continue;
    const n = 1 + Math.floor(r() * perDay);
    const midnight = d - ((((d + offsetOf(zone, d)) % DAY) + DAY) % DAY);
    for (let i = 0; i < n; i++) out.push(Math.round(midnight + (7.5 + r() * 16) * HOUR));
  }
  return out.filter((t) => t > t0 && t < end).sort((a, b) => a - b);
}

function captureReadings(r: () => number, use: Float64Array, t0: number, zone: string, cycles: TrueCycle[], capture: 'hourly' | 'sparse', lagMs: number): AnalysisReading[] {
  const cum = new Float64Array(use.length + 1);
  const cycleStartK = new Set(cycles.map((c) => Math.round((c.start - t0) / HOUR)));
  for (let k = 0; k < use.length; k++) cum[k + 1] = (cycleStartK.has(k) ? 0 : cum[k]!) + use[k]!;
  const readings: AnalysisReading[] = [];
  for (const t of captureTimes(r, t0, cycles[cycles.length - 1]!.end, zone, capture)) {
    const seen = t - lagMs;
    const c = cycles.find((x) => seen >= x.start && seen < x.end);
    if (!c) continue;
    const x = (seen - t0) / HOUR;
    const k = Math.min(use.length - 1, Math.floor(x));
    const base = cycleStartK.has(k) ? 0 : cum[k]!;
    let used = base + (x - k) * (cum[k + 1]! - base);
    // Now and then the carrier over-counts and corrects itself at the next reading.
    if (r() < 0.02) used *= 1.02;
    readings.push({ capturedAt: t, usedBytes: Math.round(Math.min(used, c.cap) / MB) * MB, totalBytes: c.cap });
  }
  return readings;
}

/**
 * When the cycle would have hit the cap had no leak started after `at`: what the line's
 * ordinary pace implied at that moment. Leaks yet to come cannot be forecast by anyone.
 */
export function exhaustWithoutLeaksAfter(line: SyntheticLine, c: TrueCycle, at: number): number | null {
  const use = line.normalUse.slice();
  for (const l of line.leaks) if (l.start < at) addSpread(use, line.t0, l.start, l.end, l.planned);
  let cum = 0;
  for (let k = Math.round((c.start - line.t0) / HOUR); k < Math.round((c.end - line.t0) / HOUR); k++) {
    if (cum + use[k]! >= c.cap) return line.t0 + k * HOUR + ((c.cap - cum) / use[k]!) * HOUR;
    cum += use[k]!;
  }
  return null;
}
