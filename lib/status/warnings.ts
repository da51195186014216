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
  /** How many findings of the analysis this one episode groups (heavy days in a row); absent = 1. */
  count?: number;
  /** A slow background drain spread over days rather than a burst (see Anomaly.slowDrain). */
  slowDrain?: boolean;
}

/** Unusual use stays on the card for two days after it ended: long enough to be seen, not forever. */
export const WARNING_WINDOW_MS = 48 * HOUR;

/**
 * Findings closer than this belong to one episode: several heavy days in a row (windows of 15-19 h
 * with short nights between) are one thing to
 * look at (a leak that kept going), not five red warnings.
 */
export const EPISODE_GAP_MS = 12 * HOUR;

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

/**
 * Groups unusual use into episodes: findings whose windows come within EPISODE_GAP_MS of each
 * other become one warning with their summed bytes and share of the cap. An episode is
 * 'overnight' only when all its parts were; otherwise it takes the kind of its largest part.
 */
export function episodesOf(anomalies: readonly Anomaly[]): CardWarning[] {
  const sorted = [...anomalies].sort((a, b) => a.start - b.start);
  const groups: Anomaly[][] = [];
  for (const a of sorted) {
    const group = groups[groups.length - 1];
    const groupEnd = group ? Math.max(...group.map((g) => g.end)) : -Infinity;
    if (group && a.start - groupEnd <= EPISODE_GAP_MS) group.push(a);
    else groups.push([a]);
  }
  return groups.map((group) => {
    const largest = group.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const kind = group.every((g) => g.kind === 'overnight') ? 'overnight' : largest.kind;
    const percents = group.map((g) => g.percentOfCap);
    const warning: CardWarning = {
      kind,
      start: Math.min(...group.map((g) => g.start)),
      end: Math.max(...group.map((g) => g.end)),
      bytes: group.reduce((sum, g) => sum + g.bytes, 0),
      percentOfCap: percents.every((p): p is number => p !== null) ? percents.reduce((s, p) => s + p, 0) : null,
      reason: group.length === 1 ? largest.reason : group.map((g) => g.reason).join(' '),
    };
    if (group.length > 1) warning.count = group.length;
    if (group.some((g) => g.slowDrain) || group.length > 1) warning.slowDrain = true;
    return warning;
  });
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
  // Grouped first, then kept while the episode's last part is recent: an episode that goes on is not cut in two.
  for (const episode of episodesOf(analysis.anomalies)) {
    if (episode.end < now - WARNING_WINDOW_MS) continue;
    out.push(episode);
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
