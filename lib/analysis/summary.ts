import type { Point } from './normalize';
import type { Cycle } from './cycles';
import { DAY } from '../time/units';

/** The current cycle's latest figures, as the UI states them. */
export interface CycleFigures {
  used: number | null;
  total: number | null;
  tLast: number | null;
  unlimited: boolean;
  /** Readings with a usable figure in the cycle (distinct instants). */
  useful: number;
  /** When the count first reached the cap, interpolated between readings. */
  reachedCapAt: number | null;
}

export function cycleFigures(points: readonly Point[], c: Cycle): CycleFigures {
  let used: number | null = null;
  let total: number | null = null;
  let tLast: number | null = null;
  let useful = 0;
  for (let i = c.from; i < c.to; i++) {
    const p = points[i]!;
    if (p.total !== null) total = p.total;
    if (p.used === null) continue;
    useful++;
    used = p.used; // after a correction the carrier's newer figure is the truth
    tLast = p.t;
  }
  const last = points[points.length - 1];
  const unlimited = last ? last.unlimited : false;
  return { used, total, tLast, unlimited, useful, reachedCapAt: total !== null ? capCrossing(points, c, total) : null };
}

function capCrossing(points: readonly Point[], c: Cycle, total: number): number | null {
  let prev: Point | null = null;
  for (let i = c.from; i < c.to; i++) {
    const p = points[i]!;
    if (p.used === null) continue;
    if (p.used >= total) {
      if (!prev || prev.used === null || !(p.used > prev.used)) return p.t;
      const f = (total - prev.used) / (p.used - prev.used);
      return prev.t + Math.min(1, Math.max(0, f)) * (p.t - prev.t);
    }
    prev = p;
  }
  return null;
}

export function paceOf(f: CycleFigures, c: Cycle): number | null {
  if (f.used === null || f.total === null || f.tLast === null || c.start === null || c.end === null) return null;
  const length = c.end - c.start;
  if (!(length > 0)) return null;
  const elapsed = Math.min(1, Math.max(0, (f.tLast - c.start) / length));
  return (100 * f.used) / f.total - 100 * elapsed;
}

export function dailyBudget(f: CycleFigures, c: Cycle, now: number): number | null {
  if (f.used === null || f.total === null || c.end === null || !(c.end > now)) return null;
  const days = Math.max((c.end - now) / DAY, 1 / 24);
  return Math.max(0, f.total - f.used) / days;
}
