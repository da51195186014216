import type { Point } from './normalize';
import type { Cycle } from './cycles';

/** Bytes the carrier counted between two instants. Intervals of one chain are contiguous. */
export interface Interval {
  start: number;
  end: number;
  bytes: number;
  /** Intervals share a chain when nothing unknown lies between them (no reset gap). */
  chain: number;
  /** The cap in force at the end of the interval. */
  total: number | null;
}

// Boundaries we trust enough to say "the count at the first reading was used since then".
const KNOWN_START = new Set(['reset', 'page', 'cycle-day']);

/**
 * Turns cumulative readings into increments. Within a cycle the count is measured from the
 * high-water mark, so a carrier correcting itself downwards and then climbing again is not
 * counted twice, and the sum of a cycle's increments equals its last figure. A top-up only
 * raises the total, which never enters an increment.
 */
export function buildIntervals(points: readonly Point[], cycles: readonly Cycle[]): Interval[] {
  const out: Interval[] = [];
  cycles.forEach((c, chain) => {
    let hwm = -1;
    let prevT = Number.NaN;
    for (let i = c.from; i < c.to; i++) {
      const p = points[i]!;
      if (p.used === null) continue;
      if (hwm < 0) {
        if (c.start !== null && KNOWN_START.has(c.startSource ?? '') && c.start <= p.t) {
          out.push({ start: c.start, end: p.t, bytes: p.used, chain, total: p.total });
        }
      } else {
        out.push({ start: prevT, end: p.t, bytes: Math.max(0, p.used - hwm), chain, total: p.total });
      }
      hwm = Math.max(hwm, p.used);
      prevT = p.t;
    }
  });
  return out;
}
