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
  /** The cap was already reached: the carrier throttles, so this says nothing about habits. */
  capped: boolean;
  /**
   * The count reached the cap at the end of the interval: the line was cut somewhere inside it,
   * so its bytes are a lower bound on what the user would have used (not a habit measure).
   */
  reachedCap?: boolean;
}

// Boundaries we trust enough to say "the count at the first reading was used since then".
const KNOWN_START = new Set(['reset', 'page', 'cycle-day']);
// A fall of up to this share is the carrier correcting a recent over-count; a larger one that is
// no renewal (a new package, a rebased counter) leaves the use of that interval unknown.
const CORRECTION_SHARE = 0.05;
// A count this close to the cap is the cap (figures are rounded to 0.1 % of it at worst).
export const REACHED_SHARE = 0.999;

/** The cycle's first figure is what was used since its start (a renewal stated, set or seen). */
export function countsFromStart(c: Cycle): boolean {
  return c.start !== null && KNOWN_START.has(c.startSource ?? '') && !c.unexplainedStart;
}

/**
 * Turns cumulative readings into increments; the sum of a cycle's increments equals its last
 * figure. A top-up only raises the total, which never enters an increment.
 */
export function buildIntervals(points: readonly Point[], cycles: readonly Cycle[]): Interval[] {
  const out: Interval[] = [];
  let lastT = -Infinity;
  let chain = -1;
  cycles.forEach((c) => {
    chain++;
    let level = -1;
    let prevT = Number.NaN;
    const firstOfCycle = out.length;
    for (let i = c.from; i < c.to; i++) {
      const p = points[i]!;
      if (p.used === null) continue;
      if (level < 0) {
        // Readings that still showed last cycle's count after the renewal were kept in that
        // cycle; the new count covers only the time since the last of them.
        const from = Math.max(c.start ?? Infinity, lastT);
        if (countsFromStart(c) && from <= p.t) {
          const iv: Interval = { start: from, end: p.t, bytes: p.used, chain, total: p.total, capped: false };
          if (p.total !== null && p.used >= p.total * REACHED_SHARE) iv.reachedCap = true;
          out.push(iv);
        }
      } else if (p.used < level * (1 - CORRECTION_SHARE)) {
        chain++; // what was used between these two readings is unknown: not a leak, not zero
      } else {
        if (p.used < level) absorbCorrection(out, firstOfCycle, level - p.used);
        const capped = p.total !== null && level >= p.total;
        const iv: Interval = { start: prevT, end: p.t, bytes: Math.max(0, p.used - level), chain, total: p.total, capped };
        if (!capped && p.total !== null && p.used >= p.total * REACHED_SHARE) iv.reachedCap = true;
        out.push(iv);
      }
      level = p.used;
      prevT = p.t;
      lastT = p.t;
    }
  });
  return out;
}

/**
 * A carrier lowering its own figure means it had over-counted recently: take the difference
 * back from the latest increments, so the correction is neither negative use nor a phantom
 * spike left in the interval that carried the over-count.
 */
function absorbCorrection(out: Interval[], from: number, excess: number): void {
  for (let k = out.length - 1; k >= from && excess > 0; k--) {
    const iv = out[k]!;
    const take = Math.min(iv.bytes, excess);
    iv.bytes -= take;
    excess -= take;
  }
}
