// Two forecasters that are told what the analysis has to estimate, scored on the same checkpoints:
// how far the verdict figure can go on these lines at all. Definitions are in DETECTION.md.
import { HOUR } from '../../lib/time/units';
import { capAt, capReachedAt, type SynthEvent, type SyntheticLine, type TrueCycle } from './synthetic';

// The level the second reference measures: the line's true use over the weeks before the moment.
const PAST_LEVEL_MS = 28 * 24 * HOUR;

export interface ReferenceVerdicts {
  /** Told the line's true rhythm and its level at that moment: only the noise to come is unknown. */
  ceiling: boolean;
  /** Told the true rhythm; measures the level from the true use of the 28 days before (no reading errors). */
  pastLevel: boolean;
}

/** Whether each reference says cycle `c` runs out, at `now`, knowing only what started before. */
export function referenceVerdicts(line: SyntheticLine, c: TrueCycle, now: number): ReferenceVerdicts {
  const known = line.events.filter((e) => e.start < now);
  const cap = capAt(c, known, c.end);
  const k0 = Math.max(0, Math.round((c.start - line.t0) / HOUR));
  const k1 = Math.round((c.end - line.t0) / HOUR);
  // What the carrier has counted by the moment (it reports with its lag).
  const seenUntil = now - line.lagMs;
  const kNow = Math.min(k1, Math.max(k0, Math.ceil((seenUntil - line.t0) / HOUR)));

  const ceiling = capReachedAt(line, line.useWith(known, seenUntil), c, cap) !== null;

  // Unthrottled: the level of the line's habits, not of the hours it was cut at the cap.
  const withUncut = line.cycles.map((x): SynthEvent => ({ kind: 'topup', start: x.start, end: x.start, bytes: Number.MAX_SAFE_INTEGER }));
  const actual = line.useWith([...known, ...withUncut]);
  const rhythm = line.useWith([...known, ...withUncut], -Infinity);
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
  return { ceiling, pastLevel: total >= cap * 0.9999 };
}
