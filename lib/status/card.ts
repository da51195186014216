import type { LineAnalysis } from '../analysis/types';
import type { LineRow, ReadingRow } from '../db/schema';
import { safeColor } from '../vocabulary/plausibility';
import { MANUAL_CARRIER_ID, type Bucket } from '../vocabulary/reading';
import { effectiveFigures } from './cap';
import { levelFor, lineLevel, type Level } from './level';
import { brandOf, lineName, lineNameTail } from './line-name';
import { primaryOf } from './primary-bucket';
import { percentUsed, usedOf } from './usage';
import { isUnusual, warningsOf, type CardWarning } from './warnings';

export type { CardWarning };

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
  /**
   * 'expiry' when the cycle's end is the date the allowance expires (a prepaid pass: what is left
   * is lost, nothing renews); 'renewal' otherwise. Absent in older snapshots (= renewal).
   */
  endKind?: 'renewal' | 'expiry';
  /** The forecast run-out date passed without a reading that shows it: "probably used up". */
  likelyUsedUp?: true;
  /**
   * The cycle renewed after the latest reading (at `at`; `probable` when the date is inferred):
   * the card's figures are the previous cycle's, and the outlook is the usual pace from `at` on.
   */
  renewedUnread?: { at: number; probable: boolean };
}

/**
 * A line's status: everything the popup, the badge, the notifications and compare say about it,
 * decided once per refresh by the background from the user's settings. Plain data (it is cached
 * in storage.local for the popup).
 */
export interface LineCardModel {
  lineId: number;
  carrierId: string;
  carrierLabel: string;
  name: string;
  /**
   * What follows the carrier's name in `name` when the user gave the line no name of their own
   * (" ••12"), so the popup can write the carrier's name in its language; null for a user's name.
   */
  nameTail?: string | null;
  /** Added by hand in the options page: no carrier page to open or check. */
  manual?: boolean;
  color: string | null;
  bucket: Bucket;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  /** Percent of the cap used, with the user's own cap applied (may exceed 100); null when unlimited or unknown. */
  percent: number | null;
  /** The percentage against the user's thresholds: the gauge's colour. */
  usageLevel: Level;
  /** How much trouble the line is in (the percentage raised by its warnings): the badge, the order, the card's edge. */
  level: Level;
  readAt: number;
  /** Other allowances of the line (roaming, bonus) with their own figures. */
  extras: Array<{ bucket: Bucket; usedBytes: number | null; totalBytes: number | null; unlimited: boolean; percent: number | null }>;
  generic: boolean;
  /** Read only by the generic reader so far: the user is asked to confirm the figures. */
  pending: boolean;
  /**
   * Newer figures the generic reader found for this (confirmed) line: shown as a question, counted
   * nowhere until the user confirms them. Absent in older snapshots.
   */
  unconfirmed?: { bucket: Bucket; usedBytes: number | null; totalBytes: number | null; unlimited: boolean } | null;
  outlook: CardOutlook | null;
  warnings: CardWarning[];
}

export interface StatusSource {
  line: LineRow;
  /** Latest reading per bucket. */
  latest: ReadingRow[];
  /** Analysis of the line's main bucket; null when it has no readings. */
  analysis: LineAnalysis | null;
  /** Generic-reader figures awaiting the user's word (see lib/db/latest.ts). */
  unconfirmed?: ReadingRow[];
}

export interface StatusOptions {
  /** The user's thresholds (settings.thresholds). */
  thresholds: readonly number[];
  now: number;
  carrierLabel: (carrierId: string) => string;
}

export function outlookOf(analysis: LineAnalysis, endKind: CardOutlook['endKind'] = 'renewal'): CardOutlook {
  const { projection, cycle } = analysis;
  return {
    endKind,
    ...(projection.likelyUsedUp ? { likelyUsedUp: true as const } : {}),
    ...(projection.renewedUnread && cycle.start !== null ? { renewedUnread: { at: cycle.start, probable: cycle.startSource === 'inferred' } } : {}),
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

/** A prepaid pass whose validity ended after the latest reading: only the page knows if a new one was bought. */
export function expiredUnread(outlook: Pick<CardOutlook, 'renewedUnread' | 'endKind'>): boolean {
  return outlook.renewedUnread !== undefined && outlook.endKind === 'expiry';
}

/**
 * Whether the outlook speaks of the current cycle. Always, unless it renewed after the latest
 * reading: then not for a pass that expired (a new one may not have been bought), nor with too
 * little history for a pace.
 */
export function forecastsAfterRenewal(outlook: Pick<CardOutlook, 'renewedUnread' | 'endKind' | 'status'>): boolean {
  return !outlook.renewedUnread || (!expiredUnread(outlook) && outlook.status !== 'insufficient-data');
}

export function toCardModel({ line, latest, analysis, unconfirmed = [] }: StatusSource, { thresholds, now, carrierLabel }: StatusOptions): LineCardModel | null {
  const primary = primaryOf(latest);
  if (!primary) return null;
  const figures = effectiveFigures(primary, line.capBytes);
  const label = brandOf(carrierLabel(line.carrierId), line.lastPageUrl);
  // A validity end on the page (a prepaid pass) is an expiry: what is left is lost, nothing renews.
  const endKind = primary.periodEnd !== null && primary.periodEndKind === 'expiry' ? 'expiry' : 'renewal';
  const outlook = analysis ? outlookOf(analysis, endKind) : null;
  const renewed = outlook?.renewedUnread !== undefined;
  // After the renewal the latest figures are the last cycle's: no percentage of the new one is
  // known (so no "used up", no gauge), and an expired pass is not assumed to have been bought again.
  const forecastsNew = outlook !== null && renewed && forecastsAfterRenewal(outlook);
  const percent = renewed ? null : percentUsed(figures);
  const readAt = Math.max(...latest.map((r) => r.confirmedAt));
  const usedBytes = usedOf(figures);
  const found = warningsOf(analysis, now, { percent, usedBytes, totalBytes: figures.totalBytes, unlimited: figures.unlimited, readAt });
  const warnings = renewed && !forecastsNew ? found.filter((w) => w.kind !== 'overrun') : found;
  const usageLevel: Level = percent === null ? 'ok' : levelFor(percent, thresholds);
  const raised = lineLevel(usageLevel, {
    usedUp: warnings.some((w) => w.kind === 'used-up'),
    // A new cycle the usual pace would have used up by now is worth a look, like a run-out.
    runsOut: warnings.some((w) => w.kind === 'overrun') || (forecastsNew && outlook.likelyUsedUp === true),
    unusual: warnings.some(isUnusual),
  });
  return {
    lineId: line.id,
    carrierId: line.carrierId,
    carrierLabel: label,
    name: lineName(line, label),
    nameTail: lineNameTail(line),
    manual: line.carrierId === MANUAL_CARRIER_ID,
    // Only a #rrggbb colour reaches a style (a stored value is never trusted to be one).
    color: safeColor(line.color),
    bucket: primary.bucket,
    usedBytes,
    totalBytes: figures.totalBytes,
    unlimited: figures.unlimited,
    percent,
    usageLevel,
    // Figures nobody has confirmed yet raise no alarm: the card asks about them instead.
    level: line.pendingConfirmation ? 'none' : raised,
    readAt,
    extras: latest
      .filter((r) => r !== primary)
      .map((r) => ({ bucket: r.bucket, usedBytes: usedOf(r), totalBytes: r.totalBytes, unlimited: r.unlimited, percent: percentUsed(r) })),
    generic: latest.some((r) => r.generic),
    pending: line.pendingConfirmation,
    unconfirmed: unconfirmedOf(unconfirmed, primary.bucket),
    outlook,
    warnings,
  };
}

/** The figure to ask about: the main bucket's, else the newest of the others. */
function unconfirmedOf(rows: readonly ReadingRow[], primary: Bucket): LineCardModel['unconfirmed'] {
  const row = rows.find((r) => r.bucket === primary) ?? [...rows].sort((a, b) => b.capturedAt - a.capturedAt)[0];
  return row ? { bucket: row.bucket, usedBytes: usedOf(row), totalBytes: row.totalBytes, unlimited: row.unlimited } : null;
}
