import type { Country } from '../extract/line-number';
import type { NumberLocale } from '../extract/numbers';

/**
 * The shared vocabulary of a reading, imported by every layer (adapters, messages, database,
 * analysis, UI): what a page said, in plain numbers. Bytes are integers, times are ms since epoch;
 * display strings never get here.
 */

/** Which allowance a figure belongs to. `data` is the plan's main data allowance. */
/** Lines the user keeps by hand (no supported portal): their carrier id. Not a carrier adapter. */
export const MANUAL_CARRIER_ID = 'manual';

export const BUCKETS = ['data', 'shared', 'roaming', 'local', 'bonus'] as const;
export type Bucket = (typeof BUCKETS)[number];

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
  /**
   * What periodEnd is: 'expiry' when the page says the allowance or line stops being valid then
   * (prepaid "Caduca el", "Vigencia", "失效日期"), so a reminder is worth sending; a postpaid bill
   * cycle that simply renews is 'renewal' (the default when absent).
   */
  periodEndKind?: 'renewal' | 'expiry';
  /** The page's own "updated at" time, if it states one. */
  pageSaysUpdatedAt: number | null;
  /** True when the generic reader (not a carrier adapter) produced this figure. */
  generic?: boolean;
  /**
   * Where the figures came from: the page's own JSON answer (read by the background, lib/page-json)
   * or the rendered page. When both show the same line and bucket, one reading is stored, from the
   * JSON; the background sets this.
   */
  via?: ReadingVia;
}

export const READING_VIAS = ['json', 'dom'] as const;
export type ReadingVia = (typeof READING_VIAS)[number];

export type ParseFailureReason = 'not-usage-page' | 'logged-out' | 'layout-changed';

export type ParseResult =
  | { ok: true; readings: PageReading[] }
  | { ok: false; reason: ParseFailureReason; detail: string };

export interface ParseContext {
  /** "Now" for relative dates ("cierra en 12 días"); passed in so parse stays pure. */
  now: number;
  /** The user's IANA time zone, so "Se reinicia el 05/12" means local midnight. Default UTC. */
  timeZone?: string;
}

/**
 * What a carrier adapter's parse is given besides the page: the user's clock, and its catalog
 * facts (lib/carriers/catalog.ts) so the adapter never restates them.
 */
export interface CarrierContext extends ParseContext {
  locale: NumberLocale;
  /** How many bytes the carrier means by 1 KB (the catalog's unitBase). */
  base: 1000 | 1024;
  country: Country;
}
