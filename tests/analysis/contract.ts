import { expect } from 'vitest';
import type { AnalysisReading, LineAnalysis } from '../../lib/analysis';
import { Clock, dayKey } from '../../lib/time/clock';
import { collectNumbers, MB, T0 } from './helpers';

/** Cumulative readings from steps of (minutes since the last reading, MB used meanwhile), cut at the cap. */
export function buildSteps(s: ReadonlyArray<{ gapMin: number; addMB: number }>, cap: number, start = T0, from = 0): AnalysisReading[] {
  let t = start;
  let used = from;
  return s.map((x) => {
    t += x.gapMin * 60_000;
    used = Math.min(cap, used + x.addMB * MB);
    return { capturedAt: t, usedBytes: used, totalBytes: cap };
  });
}

/** What `analyzeLine` promises whatever it is given: finite, non-negative, nothing after now. */
export function expectWithinContract(a: LineAnalysis, now: number, timeZone: string): void {
  for (const n of collectNumbers(a)) expect(Number.isFinite(n)).toBe(true);
  const today = dayKey(new Clock(timeZone).dayOf(now));
  for (const d of a.daily) {
    expect(d.bytes).toBeGreaterThanOrEqual(0);
    expect(d.day <= today).toBe(true);
  }
  for (const x of a.anomalies) {
    expect(x.end).toBeLessThanOrEqual(now);
    expect(x.bytes).toBeGreaterThanOrEqual(0);
    expect(x.excessBytes).toBeGreaterThanOrEqual(0);
  }
  if (a.lastReadingAt !== null) expect(a.lastReadingAt).toBeLessThanOrEqual(now);
  const p = a.projection;
  if (p.status === 'runs-out') expect(p.exhaustAt!).toBeGreaterThanOrEqual(now);
  if (p.exhaustRange) expect(p.exhaustRange.earliest).toBeGreaterThanOrEqual(now);
  if (p.likelyUsedUp) expect(p.status).toBe('exhausted');
  // Renewed since the latest reading: no figure of the new cycle is claimed.
  if (p.renewedUnread) expect(a.usedBytes).toBeNull();
  expect(p.spareBytes ?? 0).toBeGreaterThanOrEqual(0);
  expect(p.expectedDailyBytes ?? 0).toBeGreaterThanOrEqual(0);
}
