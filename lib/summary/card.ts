import type { Anomaly, LineAnalysis } from '../analysis/types';
import { levelFor, type BadgeLevel } from '../alerts/badge';
import type { Bucket } from '../vocabulary/reading';
import type { LineRow, ReadingRow } from '../db/schema';
import { lineName } from './line-name';
import { primaryOf } from './primary-bucket';
import { percentUsed, usedOf } from './usage';

/** A warning worth showing on the card now: recent unusual use, or a cap projected to run out early. */
export interface CardWarning {
  kind: Anomaly['kind'] | 'overrun';
  start: number;
  end: number;
  bytes: number;
  /** Share of the cap those bytes are, when the cap is known. */
  percentOfCap: number | null;
  /** English explanation from the analysis (the UI words its own from the figures). */
  reason: string;
}

/** What the analysis says about the line's main bucket, as plain data for the popup. */
export interface CardOutlook {
  status: LineAnalysis['projection']['status'];
  exhaustAt: number | null;
  exhaustEarliest: number | null;
  exhaustLatest: number | null;
  /** Start of the current cycle (for the compare view's % of cycle gone); absent in older snapshots. */
  cycleStart?: number | null;
  cycleEnd: number | null;
  cycleEndSource: LineAnalysis['cycle']['endSource'];
  spareBytes: number | null;
  pace: number | null;
  dailyBudgetBytes: number | null;
}

export interface LineCardModel {
  lineId: number;
  carrierId: string;
  carrierLabel: string;
  name: string;
  color: string | null;
  bucket: Bucket;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  percent: number | null;
  level: BadgeLevel;
  readAt: number;
  /** Other allowances of the line (roaming, bonus) with their own figures. */
  extras: Array<{ bucket: Bucket; usedBytes: number | null; totalBytes: number | null; unlimited: boolean; percent: number | null }>;
  generic: boolean;
  /** Read only by the generic reader so far: the user is asked to confirm the figures. */
  pending: boolean;
  outlook: CardOutlook | null;
  warnings: CardWarning[];
}

export interface CardSource {
  line: LineRow;
  latest: ReadingRow[];
  analysis: LineAnalysis | null;
}

/** Unusual use stays on the card for two days after it ended: long enough to be seen, not forever. */
export const WARNING_WINDOW_MS = 48 * 3_600_000;

export function warningsOf(analysis: LineAnalysis | null, now: number): CardWarning[] {
  if (!analysis) return [];
  const recent: CardWarning[] = analysis.anomalies
    .filter((a) => a.end >= now - WARNING_WINDOW_MS)
    .map((a) => ({ kind: a.kind, start: a.start, end: a.end, bytes: a.bytes, percentOfCap: a.percentOfCap, reason: a.reason }));
  const { projection, cycle } = analysis;
  if (projection.status === 'runs-out' && projection.exhaustAt !== null && (cycle.end === null || projection.exhaustAt < cycle.end)) {
    recent.push({
      kind: 'overrun',
      start: now,
      end: projection.exhaustAt,
      bytes: analysis.totalBytes ?? 0,
      percentOfCap: null,
      reason: 'The cap is projected to run out before renewal at the current pace.',
    });
  }
  return recent;
}

function outlookOf(analysis: LineAnalysis | null): CardOutlook | null {
  if (!analysis) return null;
  const { projection, cycle } = analysis;
  return {
    status: projection.status,
    exhaustAt: projection.exhaustAt,
    exhaustEarliest: projection.exhaustRange?.earliest ?? null,
    exhaustLatest: projection.exhaustRange?.latest ?? null,
    cycleStart: cycle.start,
    cycleEnd: cycle.end,
    cycleEndSource: cycle.endSource,
    spareBytes: projection.spareBytes,
    pace: analysis.pace,
    dailyBudgetBytes: analysis.dailyBudgetBytes,
  };
}

export function toCardModel({ line, latest, analysis }: CardSource, carrierLabel: string, now: number): LineCardModel | null {
  const primary = primaryOf(latest);
  if (!primary) return null;
  const cap = line.capBytes ?? null;
  const figures = cap === null ? primary : { ...primary, usedBytes: usedOf(primary), totalBytes: cap, unlimited: false, remainingBytes: null };
  const percent = percentUsed(figures);
  return {
    lineId: line.id,
    carrierId: line.carrierId,
    carrierLabel,
    name: lineName(line, carrierLabel),
    color: line.color,
    bucket: primary.bucket,
    usedBytes: usedOf(figures),
    totalBytes: figures.totalBytes,
    unlimited: figures.unlimited,
    percent,
    level: percent === null ? 'ok' : levelFor(percent),
    readAt: Math.max(...latest.map((r) => r.confirmedAt)),
    extras: latest
      .filter((r) => r !== primary)
      .map((r) => ({ bucket: r.bucket, usedBytes: usedOf(r), totalBytes: r.totalBytes, unlimited: r.unlimited, percent: percentUsed(r) })),
    generic: latest.some((r) => r.generic),
    pending: line.pendingConfirmation,
    outlook: outlookOf(analysis),
    warnings: warningsOf(analysis, now),
  };
}

/** How urgent a card is: active warnings, then a cap already used up, then how full it is. */
function urgency(card: LineCardModel): number {
  const warned = card.warnings.some((w) => w.kind !== 'overrun') ? 1000 : 0;
  const overrun = card.warnings.some((w) => w.kind === 'overrun') ? 500 : 0;
  return warned + overrun + (card.percent ?? -1);
}

/** Cards worst first: the line in most trouble leads; unlimited lines last. */
export function toCardModels(sources: readonly CardSource[], carrierLabel: (id: string) => string, now: number): LineCardModel[] {
  return sources
    .map((source) => toCardModel(source, carrierLabel(source.line.carrierId), now))
    .filter((card): card is LineCardModel => card !== null)
    .sort((a, b) => urgency(b) - urgency(a) || a.name.localeCompare(b.name));
}
