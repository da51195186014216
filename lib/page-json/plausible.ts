import { implausible } from '../vocabulary/plausibility';
import type { Bucket, PageReading } from '../vocabulary/reading';

/** Figures of one bucket as a JSON adapter found them, before they become a reading. */
export interface JsonFigures {
  bucket: Bucket;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  remainingBytes: number | null;
}

const MIN_TIME = Date.UTC(2015, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);

/**
 * The rules every reading meets, whichever way it enters (lib/vocabulary/plausibility.ts; the
 * background's zod schema checks them again). JSON gives no "overage" flag, so used beyond the
 * total is refused as for a page.
 */
export function plausibleFigures(f: JsonFigures): boolean {
  return implausible(f) === null;
}

/** A time the JSON states (epoch ms) when it is within sane years; otherwise none. */
export function saneTime(value: number | undefined | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= MIN_TIME && value <= MAX_TIME ? value : null;
}

/** "Updated at" can only be in the past: a future stamp (a forged or skewed clock) is dropped. */
export function pastTime(value: number | undefined | null, now: number): number | null {
  const time = saneTime(value);
  return time !== null && time <= now + 5 * 60_000 ? time : null;
}

export interface ReadingContext {
  lineDigits?: string | null;
  planName?: string | null;
  periodEnd?: number | null;
  periodEndKind?: 'renewal' | 'expiry';
  pageSaysUpdatedAt?: number | null;
}

/** A reading from plausible figures, or null: a JSON answer that breaks the rules yields nothing. */
export function jsonReading(f: JsonFigures, context: ReadingContext): PageReading | null {
  if (!plausibleFigures(f)) return null;
  const periodEnd = saneTime(context.periodEnd);
  return {
    lineDigits: context.lineDigits ?? null,
    planName: context.planName?.trim().slice(0, 80) || null,
    ...f,
    periodEnd,
    ...(periodEnd !== null && context.periodEndKind ? { periodEndKind: context.periodEndKind } : {}),
    pageSaysUpdatedAt: context.pageSaysUpdatedAt ?? null,
    via: 'json',
  };
}

/** Last four digits of a number written anywhere in `value` (8+ digits), or null. */
export function lastDigits(value: string | undefined): string | null {
  const digits = value?.replace(/[\s().+-]/g, '');
  return digits && /^\d{8,15}$/.test(digits) ? digits.slice(-4) : null;
}
