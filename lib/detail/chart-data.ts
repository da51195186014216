import type { Anomaly, LineAnalysis } from '../analysis';
import type { LineRow, ReadingRow } from '../db/schema';
import { analysisReading } from '../status/analyze';
import { DAY } from '../time/units';

/**
 * The trend chart's data, as plain arrays (uPlot's aligned format: one x per day, every series
 * the same length, null where a series has nothing to say). Pure, so it is tested without a canvas.
 */
export interface TrendSeries {
  /** Seconds since the epoch at local noon of each day (uPlot counts seconds). */
  x: number[];
  /** Bytes used that day (bars). */
  daily: Array<number | null>;
  /** Used so far in the cycle at the day's last reading (line). */
  cumulative: Array<number | null>;
  /** The cap that day, carried to renewal (line). */
  cap: Array<number | null>;
  /** From the last reading to the cap (runs out) or to renewal (lasts): two points, dashed. */
  projection: Array<number | null>;
  /** The day's bytes on days with unusual use (markers). */
  anomalies: Array<number | null>;
  /** The anomalies drawn, for the list under the chart. */
  marked: Anomaly[];
}

/** Local calendar days: keys as the analysis writes them (YYYY-MM-DD) and their position. */
export interface DayCalendar {
  keyOf(time: number): string;
  /** Epoch ms of the day's noon. */
  noonOf(key: string): number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The browser's own time zone, which is the one the background analyses in. */
export const LOCAL_DAYS: DayCalendar = {
  keyOf(time) {
    const d = new Date(time);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  },
  noonOf(key) {
    const [y, m, d] = key.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d, 12).getTime();
  },
};

export type ChartRange = 'cycle' | '90d' | 'year';
export const CHART_RANGES: readonly ChartRange[] = ['cycle', '90d', 'year'];


/** First time the range shows. */
export function rangeStart(range: ChartRange, analysis: Pick<LineAnalysis, 'cycle'>, now: number): number {
  if (range === 'cycle' && analysis.cycle.start !== null) return analysis.cycle.start;
  if (range === 'year') return now - 365 * DAY;
  return now - (range === 'cycle' ? 31 : 90) * DAY;
}

/** Where the dashed projection ends: the cap when it runs out, the expected use at renewal when it lasts. */
export function projectionEnd(analysis: LineAnalysis): { at: number; bytes: number } | null {
  const { projection, cycle, totalBytes } = analysis;
  if (totalBytes === null) return null;
  if (projection.status === 'runs-out' && projection.exhaustAt !== null) return { at: projection.exhaustAt, bytes: totalBytes };
  if (projection.status === 'within-cap' && cycle.end !== null && projection.spareBytes !== null) {
    return { at: cycle.end, bytes: Math.max(0, totalBytes - projection.spareBytes) };
  }
  return null;
}

export interface TrendInput {
  line: Pick<LineRow, 'capBytes'>;
  readings: readonly ReadingRow[];
  daily: ReadonlyArray<{ day: string; bytes: number }>;
  analysis: LineAnalysis;
  /** Start of the range shown (epoch ms). */
  from: number;
  calendar?: DayCalendar;
}

export function trendSeries({ line, readings, daily, analysis, from, calendar = LOCAL_DAYS }: TrendInput): TrendSeries {
  const fromKey = calendar.keyOf(from);
  const figures = readings.map((r) => ({ ...analysisReading(r, line), key: calendar.keyOf(r.capturedAt) })).filter((r) => r.key >= fromKey);
  const days = daily.filter((d) => d.day >= fromKey);
  const end = projectionEnd(analysis);
  const lastAt = analysis.lastReadingAt;

  // One slot per calendar day from the first day with anything to the last (or the projection's end).
  const keys = new Set<string>([...days.map((d) => d.day), ...figures.map((f) => f.key)]);
  if (end && lastAt !== null && calendar.keyOf(lastAt) >= fromKey) keys.add(calendar.keyOf(end.at));
  const sorted = [...keys].sort();
  const x: number[] = [];
  if (sorted.length) {
    // Walk day by day (noon to noon, re-keyed: a 23- or 25-hour day cannot skip or repeat one).
    let t = calendar.noonOf(sorted[0]!);
    const last = sorted[sorted.length - 1]!;
    for (let guard = 0; guard < 800; guard++) {
      const key = calendar.keyOf(t);
      x.push(Math.round(calendar.noonOf(key) / 1000));
      if (key >= last) break;
      t = calendar.noonOf(key) + DAY;
    }
  }
  const index = new Map(x.map((s, i) => [calendar.keyOf(s * 1000), i]));
  const empty = () => x.map((): number | null => null);
  const dailyS = empty();
  const cumulative = empty();
  const cap = empty();
  const projection = empty();
  const anomalies = empty();

  for (const d of days) {
    const i = index.get(d.day);
    if (i !== undefined) dailyS[i] = d.bytes;
  }
  for (const f of figures) {
    const i = index.get(f.key)!;
    if (f.usedBytes !== null) cumulative[i] = f.usedBytes;
    cap[i] = f.unlimited ? null : f.totalBytes;
  }
  // The cap is a step: it holds between readings, and until renewal.
  let lastCap: number | null = null;
  let capEnd = -1;
  for (let i = 0; i < x.length; i++) {
    if (cap[i] !== null) {
      lastCap = cap[i]!;
      capEnd = i;
    }
  }
  for (let i = 0, held: number | null = null; i < x.length; i++) {
    if (cap[i] !== null) held = cap[i]!;
    else if (held !== null && (i < capEnd || (end !== null && lastCap !== null))) cap[i] = held;
  }
  if (end && lastAt !== null && analysis.usedBytes !== null) {
    const i0 = index.get(calendar.keyOf(lastAt));
    const i1 = index.get(calendar.keyOf(end.at));
    if (i0 !== undefined && i1 !== undefined) {
      projection[i0] = analysis.usedBytes;
      projection[i1] = end.bytes;
    }
  }
  const marked: Anomaly[] = [];
  for (const a of analysis.anomalies) {
    const i = index.get(calendar.keyOf(a.start));
    if (i === undefined) continue;
    anomalies[i] = dailyS[i] ?? a.bytes;
    marked.push(a);
  }
  return { x, daily: dailyS, cumulative, cap, projection, anomalies, marked };
}

/**
 * Daily use straight from the readings: the growth between consecutive readings (after a reset,
 * the new figure), shared out over the days the gap spans in proportion to time. The bars older
 * than the analysis window come from here: a year of analysis would cost the popup more than the
 * whole budget for drawing the chart, and for those days the plain increments tell the same story.
 */
export function dailyFromReadings(readings: readonly ReadingRow[], line: Pick<LineRow, 'capBytes'>, calendar: DayCalendar = LOCAL_DAYS): Array<{ day: string; bytes: number }> {
  const totals = new Map<string, number>();
  const add = (key: string, bytes: number) => totals.set(key, (totals.get(key) ?? 0) + bytes);
  let prev: { t: number; used: number } | null = null;
  for (const r of readings) {
    const used = analysisReading(r, line).usedBytes;
    if (used === null) continue;
    if (prev && r.capturedAt > prev.t) {
      const bytes = used >= prev.used ? used - prev.used : used;
      let key = calendar.keyOf(prev.t);
      const lastKey = calendar.keyOf(r.capturedAt);
      if (key === lastKey) add(key, bytes);
      else {
        // Midnight of each day after the first, approximated from its noon (a DST hour off at most).
        let from = prev.t;
        while (key < lastKey) {
          const next = calendar.keyOf(calendar.noonOf(key) + DAY);
          const boundary = Math.min(r.capturedAt, calendar.noonOf(next) - DAY / 2);
          add(key, (bytes * Math.max(0, boundary - from)) / (r.capturedAt - prev.t));
          from = boundary;
          key = next;
        }
        add(lastKey, (bytes * Math.max(0, r.capturedAt - from)) / (r.capturedAt - prev.t));
      }
    }
    prev = { t: r.capturedAt, used };
  }
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, bytes]) => ({ day, bytes: Math.round(bytes) }));
}

/** What the chart shows, in figures, for its text summary (screen readers, and everyone's caption). */
export interface TrendFacts {
  days: number;
  averagePerDay: number | null;
  peak: { at: number; bytes: number } | null;
  anomalies: number;
}

export function trendFacts(s: TrendSeries): TrendFacts {
  let sum = 0;
  let n = 0;
  let peak: TrendFacts['peak'] = null;
  s.daily.forEach((bytes, i) => {
    if (bytes === null) return;
    sum += bytes;
    n++;
    if (!peak || bytes > peak.bytes) peak = { at: s.x[i]! * 1000, bytes };
  });
  return { days: n, averagePerDay: n ? sum / n : null, peak, anomalies: s.marked.length };
}

/** The busiest three hours of an average day (wrapping past midnight), for the hourly view's summary. */
export function busiestHours(hourly: readonly number[]): { from: number; to: number } | null {
  if (hourly.length !== 24 || !hourly.some((b) => b > 0)) return null;
  let best = 0;
  let bestSum = -1;
  for (let h = 0; h < 24; h++) {
    const sum = hourly[h]! + hourly[(h + 1) % 24]! + hourly[(h + 2) % 24]!;
    if (sum > bestSum) {
      bestSum = sum;
      best = h;
    }
  }
  return { from: best, to: (best + 3) % 24 };
}

/** The newest readings first, as the small table under the chart lists them. */
export function recentReadings(readings: readonly ReadingRow[], count = 8): ReadingRow[] {
  return readings.slice(-count).reverse();
}

/** The compare view's trail: the line's path through its current cycle (% of cycle gone → % of cap used). */
export function cycleTrail(
  readings: readonly ReadingRow[],
  line: Pick<LineRow, 'capBytes'>,
  cycle: { start: number; end: number },
  maxPoints = 48,
): Array<{ x: number; y: number }> {
  const length = cycle.end - cycle.start;
  if (!(length > 0)) return [];
  const points = readings
    .filter((r) => r.capturedAt >= cycle.start && r.capturedAt <= cycle.end)
    .map((r) => analysisReading(r, line))
    .filter((r) => r.usedBytes !== null && r.totalBytes !== null && r.totalBytes > 0 && !r.unlimited)
    .map((r) => ({ x: (100 * (r.capturedAt - cycle.start)) / length, y: (100 * r.usedBytes!) / r.totalBytes! }));
  if (points.length <= maxPoints) return points;
  // Keep the shape, drop the density: evenly spaced picks, always the last point.
  const step = (points.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, i) => points[Math.round(i * step)]!);
}
