// Forecasters that are told what the analysis has to estimate, scored on the same checkpoints:
// how far the verdict figure can go on these lines at all. Definitions are in DETECTION.md.
import type { AnalysisReading } from '../../lib/analysis';
import { HOUR } from '../../lib/time/units';
import { capAt, capReachedAt, type SynthEvent, type SyntheticLine, type TrueCycle } from './synthetic';
import { pageTerms } from './synthetic-capture';

// The level the past-level references measure: the line's true use over the weeks before the moment.
const PAST_LEVEL_MS = 28 * 24 * HOUR;

export interface ReferenceVerdicts {
  /** Told the line's true rhythm and its level at that moment: only the noise to come is unknown. */
  ceiling: boolean;
  /**
   * Told the true rhythm and every event already under way (when a trip ends, how big a habit
   * change is, the rest of a running leak); the level from the true use of the 28 days before.
   */
  pastLevel: boolean;
  /** Told the true hour and weekday rhythm only; the level from the true use of the 28 days before. */
  rhythmOnly: boolean;
}

/** Whether each reference says cycle `c` runs out, at `now`, knowing only what started before. */
export function referenceVerdicts(line: SyntheticLine, c: TrueCycle, now: number): ReferenceVerdicts {
  const known = line.events.filter((e) => e.start < now);
  const cap = capAt(c, known, c.end);
  // What the carrier has counted by the moment (it reports with its lag).
  const seenUntil = now - line.lagMs;
  const ceiling = capReachedAt(line, line.useWith(known, seenUntil), c, cap) !== null;
  // Unthrottled: the level of the line's habits, not of the hours it was cut at the cap.
  const uncut = line.cycles.map((x): SynthEvent => ({ kind: 'topup', start: x.start, end: x.start, bytes: Number.MAX_SAFE_INTEGER }));
  const actual = line.useWith([...known, ...uncut]);
  const pastLevel = pastLevelReachesCap(line, c, seenUntil, cap, actual, line.useWith([...known, ...uncut], -Infinity));
  const rhythmOnly = pastLevelReachesCap(line, c, seenUntil, cap, actual, line.useWith(uncut, -Infinity));
  return { ceiling, pastLevel, rhythmOnly };
}

/**
 * Measures the level as the true use of the 28 days before the moment (from when the line was
 * first read) over what `rhythm` expects for those hours, and projects that level with `rhythm`.
 */
function pastLevelReachesCap(line: SyntheticLine, c: TrueCycle, seenUntil: number, cap: number, actual: Float64Array, rhythm: Float64Array): boolean {
  const k0 = Math.max(0, Math.round((c.start - line.t0) / HOUR));
  const k1 = Math.round((c.end - line.t0) / HOUR);
  const kNow = Math.min(k1, Math.max(k0, Math.ceil((seenUntil - line.t0) / HOUR)));
  let bytes = 0;
  let usual = 0;
  for (let k = Math.max(0, Math.ceil((seenUntil - PAST_LEVEL_MS - line.t0) / HOUR)); k < kNow; k++) {
    if (line.t0 + k * HOUR < line.from) continue;
    bytes += actual[k]!;
    usual += rhythm[k]!;
  }
  let total = 0;
  for (let k = k0; k < kNow; k++) total += actual[k]!;
  const level = usual > 0 ? bytes / usual : 0;
  for (let k = kNow; k < k1; k++) total += rhythm[k]! * level;
  return total >= cap * 0.9999;
}

/**
 * The readings the analysis would get from a perfect reader: every hour on the hour from the
 * first look to `now`, the exact count with no lag, rounding or over-count, the true cap (top-ups
 * included) and the period end stated. What the analysis makes of these is what its estimator
 * costs, apart from what the reading cadence and the carrier's page cost.
 */
export function errorFreeReadings(line: SyntheticLine, now: number): AnalysisReading[] {
  const use = line.useWith(line.events);
  const starts = new Set(line.cycles.map((c) => Math.round((c.start - line.t0) / HOUR)));
  const out: AnalysisReading[] = [];
  let cum = 0;
  for (let k = 0; k < use.length && line.t0 + (k + 1) * HOUR <= now; k++) {
    cum = (starts.has(k) ? 0 : cum) + use[k]!;
    const t = line.t0 + (k + 1) * HOUR;
    if (t <= line.from) continue;
    const c = line.cycles.find((y) => t > y.start && t <= y.end);
    if (!c) continue;
    // As the page shows it: a top-up raises the cap, a rebase lowers the count.
    const { cap, rebased } = pageTerms(c, line.events, t);
    out.push({ capturedAt: t, usedBytes: Math.min(Math.max(0, cum - rebased), cap), totalBytes: cap, periodEnd: c.end });
  }
  return out;
}
