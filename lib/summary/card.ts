import { levelFor, type BadgeLevel } from '../alerts/badge';
import type { Bucket } from '../carriers/types';
import type { LineLatest } from '../db/latest';
import type { ReadingRow } from '../db/schema';
import { lineName } from './line-name';
import { percentUsed, usedOf } from './usage';

export interface LineCardModel {
  lineId: number;
  carrierId: string;
  carrierLabel: string;
  name: string;
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
}

const BUCKET_ORDER: Bucket[] = ['data', 'shared', 'local', 'roaming', 'bonus'];

/** The bucket a card leads with: the plan's main data, else the first one we have. */
function primaryOf(readings: readonly ReadingRow[]): ReadingRow | undefined {
  return [...readings].sort((a, b) => BUCKET_ORDER.indexOf(a.bucket) - BUCKET_ORDER.indexOf(b.bucket))[0];
}

export function toCardModel(entry: LineLatest, carrierLabel: string): LineCardModel | null {
  const primary = primaryOf(entry.readings);
  if (!primary) return null;
  const percent = percentUsed(primary);
  return {
    lineId: entry.line.id,
    carrierId: entry.line.carrierId,
    carrierLabel,
    name: lineName(entry.line, carrierLabel),
    bucket: primary.bucket,
    usedBytes: usedOf(primary),
    totalBytes: primary.totalBytes,
    unlimited: primary.unlimited,
    percent,
    level: percent === null ? 'ok' : levelFor(percent),
    readAt: Math.max(...entry.readings.map((r) => r.confirmedAt)),
    extras: entry.readings
      .filter((r) => r !== primary)
      .map((r) => ({ bucket: r.bucket, usedBytes: usedOf(r), totalBytes: r.totalBytes, unlimited: r.unlimited, percent: percentUsed(r) })),
    generic: entry.readings.some((r) => r.generic),
    pending: entry.line.pendingConfirmation,
  };
}

/** Cards worst first: the line closest to (or past) its cap leads; unlimited lines last. */
export function toCardModels(entries: readonly LineLatest[], carrierLabel: (id: string) => string): LineCardModel[] {
  return entries
    .map((entry) => toCardModel(entry, carrierLabel(entry.line.carrierId)))
    .filter((card): card is LineCardModel => card !== null)
    .sort((a, b) => (b.percent ?? -1) - (a.percent ?? -1) || a.name.localeCompare(b.name));
}
