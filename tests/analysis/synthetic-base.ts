// Vocabulary shared by the synthetic-line generator's files: families, events, cycles, and small
// seeded random helpers.
import type { Clock } from '../../lib/time/clock';
import { DAY } from '../../lib/time/units';

export const LEAK_FAMILIES = ['overnight', 'spike', 'runaway', 'drain', 'topup-leak', 'early-leak'] as const;
export const QUIET_FAMILIES = ['clean', 'weekly', 'habit', 'travel', 'download', 'heavy-small', 'stale', 'messy', 'lapsed', 'rebased'] as const;
export type Family = (typeof LEAK_FAMILIES)[number] | (typeof QUIET_FAMILIES)[number];
export type LeakKind = 'overnight' | 'spike' | 'runaway' | 'drain';
export type EventKind = 'leak' | 'download' | 'habit' | 'trip' | 'topup' | 'rebase';

export interface SynthEvent {
  kind: EventKind;
  leakKind?: LeakKind;
  start: number;
  end: number;
  /** Bytes added (leak, download, top-up of the cap), or taken off the count (rebase). */
  bytes: number;
  /** Multiplier on ordinary use (habit, trip) and hour shift of the rhythm (trip). */
  factor?: number;
  shiftHours?: number;
  /** The leak fell in the first 72 h of a cycle or of the line. */
  early?: boolean;
}

/**
 * What raises the cap in force at t within cycle c: a top-up, or a rebase (the carrier lowers its
 * count mid-cycle: a refund of over-counted use, a new package counted from a lower figure), which
 * leaves that much more to use before the line is cut.
 */
export function capAt(c: TrueCycle, events: readonly SynthEvent[], t: number): number {
  let cap = c.cap;
  for (const e of events) if ((e.kind === 'topup' || e.kind === 'rebase') && e.start <= t && e.start >= c.start && e.start < c.end) cap += e.bytes;
  return cap;
}

export interface TrueCycle {
  start: number;
  end: number;
  cap: number;
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

export function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
}

export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

export const between = (r: () => number, a: number, b: number) => a + (b - a) * r();

export function localMidnight(clock: Clock, t: number): number {
  return clock.fromLocal(clock.dayOf(t) * DAY);
}

