import type { AnalysisReading, LineAnalysis } from '../../lib/analysis';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MB = 2 ** 20;
export const GB = 2 ** 30;
export const T0 = Date.UTC(2024, 2, 1); // a Friday, 00:00 UTC

export interface LineSpec {
  days: number;
  /** Bytes used during the hour starting at `t` (UTC ms). */
  perHour: (t: number) => number;
  /** Capture instants, relative to T0, in hours. */
  captureHours: number[];
  cap: number | null;
  /** Resets of the counter, in hours from T0. */
  resetsAt?: number[];
  start?: number;
}

/** Cumulative counter readings for a simple synthetic line (exact, no lag). */
export function readingsFor(spec: LineSpec): AnalysisReading[] {
  const start = spec.start ?? T0;
  const hours = spec.days * 24;
  const cum = new Float64Array(hours + 1);
  const resets = new Set(spec.resetsAt ?? []);
  for (let h = 0; h < hours; h++) {
    const base = resets.has(h) ? 0 : cum[h]!;
    cum[h + 1] = base + spec.perHour(start + h * HOUR);
  }
  return spec.captureHours
    .filter((x) => x >= 0 && x <= hours)
    .map((x) => {
      const h = Math.min(Math.floor(x), hours - 1);
      const f = x - h;
      const base = resets.has(h) ? 0 : cum[h]!;
      const used = base + f * (cum[h + 1]! - base);
      return { capturedAt: start + x * HOUR, usedBytes: Math.round(used), totalBytes: spec.cap };
    });
}

/** Evening-heavy household pattern: quiet nights, busy 19-23 h. */
export function diurnal(dailyBytes: number): (t: number) => number {
  const shape = [1, 0.3, 0.2, 0.2, 0.2, 0.3, 0.6, 1, 1, 1, 1, 1, 1.2, 1, 1, 1, 1.1, 1.3, 1.6, 2.5, 2.8, 2.8, 2.2, 1.4];
  const sum = shape.reduce((a, b) => a + b, 0);
  return (t) => (dailyBytes * shape[new Date(t).getUTCHours()]!) / sum;
}

export function hourly(days: number): number[] {
  return Array.from({ length: days * 24 }, (_, i) => i + 1);
}

/** Captures at the given hours of each day (e.g. [8.5, 20]). */
export function atHours(days: number, hoursOfDay: number[]): number[] {
  const out: number[] = [];
  for (let d = 0; d < days; d++) for (const h of hoursOfDay) out.push(d * 24 + h);
  return out;
}

export function collectNumbers(a: LineAnalysis): number[] {
  const out: number[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'number') out.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(a);
  return out;
}

export function sumDaily(a: LineAnalysis): number {
  return a.daily.reduce((s, d) => s + d.bytes, 0);
}
