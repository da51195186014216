import type { AnalysisReading } from './types';
import { DAY } from '../time/units';

/** A reading cleaned up: finite numbers only, used derived where possible, one per instant. */
export interface Point {
  t: number;
  used: number | null;
  total: number | null;
  unlimited: boolean;
  periodEnd: number | null;
}

// Analysing more than ~13 months buys nothing for a monthly plan and bounds the work when a
// stray timestamp (a clock set to 1970) slips into storage.
export const HISTORY_LIMIT_MS = 400 * DAY;

const FUTURE_SKEW_MS = 2 * DAY;

function finite(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function clean(r: AnalysisReading): Point | null {
  if (!r || !finite(r.capturedAt)) return null;
  const total = finite(r.totalBytes) && r.totalBytes > 0 ? r.totalBytes : null;
  let used: number | null = null;
  if (finite(r.usedBytes) && r.usedBytes >= 0) used = r.usedBytes;
  else if (total !== null && finite(r.remainingBytes)) used = Math.max(0, total - r.remainingBytes);
  return {
    t: r.capturedAt,
    used,
    total,
    unlimited: r.unlimited === true,
    // A stated end more than a plan's length away is a parse error (seconds read as ms...).
    periodEnd: finite(r.periodEnd) && Math.abs(r.periodEnd - r.capturedAt) <= HISTORY_LIMIT_MS ? r.periodEnd : null,
  };
}

/**
 * Sorts, drops unusable readings and merges readings taken at the same instant (the page was
 * read twice, or stored twice). Same-instant figures keep the highest used: a cumulative counter
 * read twice at once can only disagree through a stale cache.
 */
export function normalizeReadings(readings: readonly AnalysisReading[], now: number): Point[] {
  const pts: Point[] = [];
  // Readings from the future are a skewed clock or a bad parse; a little skew is tolerated.
  const latestAllowed = Number.isFinite(now) ? now + FUTURE_SKEW_MS : Infinity;
  for (const r of readings) {
    const p = clean(r);
    if (p && p.t <= latestAllowed) pts.push(p);
  }
  pts.sort((a, b) => a.t - b.t);
  const out: Point[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && last.t === p.t) {
      if (p.used !== null) last.used = last.used === null ? p.used : Math.max(last.used, p.used);
      if (p.total !== null) last.total = last.total === null ? p.total : Math.max(last.total, p.total);
      last.unlimited = last.unlimited || p.unlimited;
      if (p.periodEnd !== null) last.periodEnd = p.periodEnd;
    } else {
      out.push({ ...p });
    }
  }
  const latest = out.length ? out[out.length - 1]!.t : now;
  const from = Math.max(latest, Number.isFinite(now) ? Math.min(now, latest) : latest) - HISTORY_LIMIT_MS;
  const firstKept = out.findIndex((p) => p.t >= from);
  return firstKept <= 0 ? out : out.slice(firstKept);
}
