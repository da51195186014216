import type { NumberLocale } from '../extract/numbers';

/** Which allowance a figure belongs to. `data` is the plan's main data allowance. */
export type Bucket = 'data' | 'shared' | 'roaming' | 'local' | 'bonus';

/**
 * One figure as an adapter reads it from a page. Plain numbers only: bytes are integers, times
 * are ms since epoch. Display strings never leave the adapter.
 */
export interface PageReading {
  /** Last 4 digits of the line's phone number when the page shows it; never the whole number. */
  lineDigits: string | null;
  /** Plan name as the page writes it (used to tell lines apart when no number is shown). */
  planName: string | null;
  bucket: Bucket;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  remainingBytes: number | null;
  /** When the current cycle ends or the allowance expires, if the page says. */
  periodEnd: number | null;
  /** The page's own "updated at" time, if it states one. */
  pageSaysUpdatedAt: number | null;
  /** The page itself says the allowance is exceeded and extra use is being billed or throttled. */
  overage?: boolean;
  /** True when the generic reader (not a carrier adapter) produced this figure. */
  generic?: boolean;
}

export type ParseFailureReason = 'not-usage-page' | 'logged-out' | 'layout-changed';

export type ParseResult =
  | { ok: true; readings: PageReading[] }
  | { ok: false; reason: ParseFailureReason; detail: string };

export interface ParseContext {
  /** "Now" for relative dates ("cierra en 12 días"); passed in so parse stays pure. */
  now: number;
}

export interface CarrierAdapter {
  /** Stable id, equal to the adapter's file name (`movistar-es`). Stored with every line. */
  id: string;
  /** Brand name shown to the user. */
  label: string;
  country: 'ES' | 'FR' | 'HK' | 'CL' | 'MX';
  locale: NumberLocale;
  /** How many bytes this carrier means by 1 KB (1024 unless the carrier is known to use 1000). */
  unitBase: 1000 | 1024;
  /** WebExtension match patterns of the carrier's self-service pages. */
  matches: string[];
  /** Where a user goes to see usage: linked from the popup. */
  usageUrl: string;
  parse(doc: Document, url: URL, context: ParseContext): ParseResult;
}

/** Identity helper so every adapter file is typed the same way. */
export function defineCarrier(adapter: CarrierAdapter): CarrierAdapter {
  return adapter;
}
