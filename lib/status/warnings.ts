import type { Anomaly, LineAnalysis } from '../analysis/types';
import { HOUR } from '../time/units';

/**
 * A warning worth showing on the card now: recent unusual use (the analysis' anomaly kinds), a cap
 * projected to run out before renewal ('overrun'), or a cap already used up ('used-up').
 */
export interface CardWarning {
  kind: Anomaly['kind'] | 'overrun' | 'used-up';
  start: number;
  end: number;
  bytes: number;
  /** Share of the cap those bytes are, when the cap is known. */
  percentOfCap: number | null;
  /** English explanation from the analysis (the UI words its own from the figures). */
  reason: string;
}

/** Unusual use stays on the card for two days after it ended: long enough to be seen, not forever. */
export const WARNING_WINDOW_MS = 48 * HOUR;

/** Unusual use (a leak, a spike): what the analysis found, as opposed to where the cap stands. */
export function isUnusual(warning: Pick<CardWarning, 'kind'>): boolean {
  return warning.kind !== 'overrun' && warning.kind !== 'used-up';
}

export interface WarningFigures {
  percent: number | null;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  readAt: number;
}

export function warningsOf(analysis: LineAnalysis | null, now: number, figures: WarningFigures): CardWarning[] {
  const out: CardWarning[] = [];
  if (!figures.unlimited && figures.percent !== null && figures.percent >= 100) {
    out.push({
      kind: 'used-up',
      start: figures.readAt,
      end: figures.readAt,
      bytes: figures.usedBytes ?? 0,
      percentOfCap: figures.percent,
      reason: 'The cap is used up: further use may be billed or slowed until renewal.',
    });
  }
  if (!analysis) return out;
  for (const a of analysis.anomalies) {
    if (a.end < now - WARNING_WINDOW_MS) continue;
    out.push({ kind: a.kind, start: a.start, end: a.end, bytes: a.bytes, percentOfCap: a.percentOfCap, reason: a.reason });
  }
  const { projection, cycle } = analysis;
  const usedUp = out.some((w) => w.kind === 'used-up');
  if (!usedUp && projection.status === 'runs-out' && projection.exhaustAt !== null && (cycle.end === null || projection.exhaustAt < cycle.end)) {
    out.push({
      kind: 'overrun',
      start: now,
      end: projection.exhaustAt,
      bytes: figures.totalBytes ?? analysis.totalBytes ?? 0,
      percentOfCap: null,
      reason: 'The cap is projected to run out before renewal at the current pace.',
    });
  }
  return out;
}
