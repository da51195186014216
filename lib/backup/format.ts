import { CARRIER_CATALOG } from '../carriers/catalog';
import { bytes, carrierId, color, epochMsInt, periodEndKind, plausibleFigures, safeText } from '../messages/fields';
import { z } from '../messages/zod';
import { BUCKETS, MANUAL_CARRIER_ID, READING_VIAS } from '../vocabulary/reading';

/**
 * The backup file: everything the extension knows, as plain JSON. Bytes are integer bytes, times
 * are ms since the Unix epoch. Line ids are the file's own (1..n, in the order the lines were
 * created); readings point at them and carry no id (an import gives them new ones).
 *
 * Version 2 (written since the compact format) keeps each line's readings of one bucket as one
 * series of columns (series.ts): about 40 bytes a reading instead of 435, so a year of hourly
 * readings of 50 lines is a file of about 18 MB that can be written, read and sent in pieces.
 * Version 1 (one object per reading) is still read.
 */
export const BACKUP_FORMAT = 'esim-usage-guard-backup';
export const BACKUP_VERSION = 2;
export const READABLE_VERSIONS = [1, 2] as const;
/** Far above anything the extension writes (10 M readings in version 2 are ~400 MB): a bound, not a limit. */
export const MAX_BACKUP_CHARS = 450 * 1024 * 1024;
export const MAX_LINES = 1_000;
export const MAX_READINGS = 10_000_000;

/** Carriers a line can belong to: the adapters' ids, and lines kept by hand. */
export const KNOWN_CARRIERS: ReadonlySet<string> = new Set([...CARRIER_CATALOG.map((c) => c.id), MANUAL_CARRIER_ID]);

// Backups hold only times we wrote ourselves: whole milliseconds.
const epochMs = epochMsInt;
export const SOURCES = ['page', 'manual', 'import'] as const;

export const backupLineSchema = z.strictObject({
  id: z.int().check(z.positive()),
  carrierId: carrierId.check(z.refine((id) => KNOWN_CARRIERS.has(id), { message: 'not a carrier this extension knows' })),
  lineKey: safeText(200).check(z.minLength(3)),
  lineDigits: z.nullable(z.string().check(z.regex(/^\d{2,4}$/))),
  planName: z.nullable(safeText(200)),
  label: z.nullable(safeText(200)),
  color: z.nullable(color),
  hidden: z.boolean(),
  pendingConfirmation: z.boolean(),
  capBytes: z.optional(z.nullable(bytes.check(z.positive()))),
  cycleDay: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(31)))),
  /** Where the line was last read (Check now opens it); optional, so older files stay valid. */
  lastPageUrl: z.optional(z.nullable(safeText(500))),
  createdAt: epochMs,
});

/** One reading as the merge applies it (a version-1 reading, or one row of a version-2 series). */
export const backupReadingSchema = z.strictObject({
  lineId: z.int().check(z.positive()),
  bucket: z.enum(BUCKETS),
  capturedAt: epochMs,
  confirmedAt: epochMs,
  usedBytes: z.nullable(bytes),
  totalBytes: z.nullable(bytes),
  unlimited: z.boolean(),
  remainingBytes: z.nullable(bytes),
  periodEnd: z.nullable(epochMs),
  /** Added after version 1 was first written: optional, so older files stay valid. */
  periodEndKind: z.optional(periodEndKind),
  pageSaysUpdatedAt: z.nullable(epochMs),
  overage: z.boolean(),
  source: z.enum(SOURCES),
  generic: z.boolean(),
  /** A generic-reader figure for a confirmed line that the user has not confirmed yet. */
  unconfirmed: z.optional(z.boolean()),
  /** Read from the page's own JSON or its text; optional (older files have none). */
  via: z.optional(z.enum(READING_VIAS)),
}).check(plausibleFigures);

const envelope = {
  format: z.literal(BACKUP_FORMAT),
  exportedAt: epochMs,
  lines: z.array(backupLineSchema).check(z.maxLength(MAX_LINES)),
};

export const backupFileV1Schema = z.strictObject({
  ...envelope,
  version: z.literal(1),
  readings: z.array(backupReadingSchema).check(z.maxLength(MAX_READINGS)),
});

/** Version 2: the series are checked column by column in series.ts (a zod object per reading is what made big files slow). */
export const backupFileV2Schema = z.strictObject({
  ...envelope,
  version: z.literal(2),
  series: z.array(z.unknown()).check(z.maxLength(MAX_LINES * BUCKETS.length)),
});

export type BackupLine = z.infer<typeof backupLineSchema>;
export type BackupReading = z.infer<typeof backupReadingSchema>;
export type BackupFileV1 = z.infer<typeof backupFileV1Schema>;
