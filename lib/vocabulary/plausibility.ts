import { MAX_BYTES, MAX_USED_OVER_TOTAL } from './limits';

/**
 * What makes a reading believable, whichever way it enters: a carrier page, a figure typed in by
 * hand, a backup file. One set of rules, so an import can no longer bring in what a page could
 * never store (90 TB of 1 B, a cap of 0, unlimited with a total, no figures at all). Zod-free: the
 * content scripts and the schemas both use it.
 */
export interface CheckedFigures {
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  remainingBytes: number | null;
  /** The page itself says use beyond the cap is billed or throttled. */
  overage?: boolean;
}

/** Why the figures cannot be right, in English for the log; null when they are plausible. */
export function implausible(r: CheckedFigures): string | null {
  for (const value of [r.usedBytes, r.totalBytes, r.remainingBytes]) {
    if (value !== null && !(Number.isSafeInteger(value) && value >= 0 && value <= MAX_BYTES)) return 'a figure is not a whole number of bytes between 0 and 100 TB';
  }
  if (r.usedBytes === null && r.remainingBytes === null) return 'a reading needs the amount used or the amount remaining';
  if (!r.unlimited && r.totalBytes === null) return 'a reading needs a total, or must say the plan is unlimited';
  if (r.unlimited && r.totalBytes !== null) return 'an unlimited reading cannot also have a total';
  if (r.totalBytes === 0) return 'a cap of 0 bytes is not a data plan';
  if (r.overage !== true && r.usedBytes !== null && r.totalBytes !== null && r.usedBytes > r.totalBytes * MAX_USED_OVER_TOTAL) {
    return 'used is far beyond the total and the page reports no overage';
  }
  if (r.remainingBytes !== null && r.totalBytes !== null && r.remainingBytes > r.totalBytes) return 'remaining is larger than the total';
  return null;
}

/**
 * Text that came from outside (a page's plan name, a backup's label) and is shown in the UI: no
 * control characters and no bidirectional overrides or isolates, which can make a label read as
 * something else ("Work‮ lanosreP").
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export function isSafeText(text: string): boolean {
  return !UNSAFE_TEXT.test(text);
}

/** A line's colour: `#rrggbb` only, so a colour can never be a `url(…)` the page would fetch. */
export const COLOR = /^#[0-9a-fA-F]{6}$/;

export function safeColor(value: string | null | undefined): string | null {
  return typeof value === 'string' && COLOR.test(value) ? value : null;
}
