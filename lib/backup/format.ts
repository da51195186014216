import { bytes, carrierId, epochMsInt, periodEndKind } from '../messages/fields';
import { BUCKETS } from '../vocabulary/reading';
import { z } from '../messages/zod';

/**
 * The backup file, version 1: everything the extension knows, as plain JSON. Bytes are integer
 * bytes, times are ms since the Unix epoch. Line ids are the file's own (1..n, in the order the
 * lines were created); readings point at them. Readings carry no id: on import they get new ones.
 */
export const BACKUP_FORMAT = 'esim-usage-guard-backup';
export const BACKUP_VERSION = 1;
/** Far above a decade of readings of a dozen lines (~250 bytes per reading). */
export const MAX_BACKUP_CHARS = 20 * 1024 * 1024;
export const MAX_LINES = 1_000;
export const MAX_READINGS = 200_000;

// Backups hold only times we wrote ourselves: whole milliseconds.
const epochMs = epochMsInt;
const text = (max: number) => z.string().check(z.maxLength(max));

export const backupLineSchema = z.strictObject({
  id: z.int().check(z.positive()),
  carrierId,
  lineKey: z.string().check(z.minLength(3), z.maxLength(200)),
  lineDigits: z.nullable(z.string().check(z.regex(/^\d{2,4}$/))),
  planName: z.nullable(text(200)),
  label: z.nullable(text(200)),
  color: z.nullable(text(40)),
  hidden: z.boolean(),
  pendingConfirmation: z.boolean(),
  capBytes: z.optional(z.nullable(bytes)),
  cycleDay: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(31)))),
  createdAt: epochMs,
});

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
  source: z.enum(['page', 'manual', 'import']),
  generic: z.boolean(),
});

export const backupFileSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: epochMs,
  lines: z.array(backupLineSchema).check(z.maxLength(MAX_LINES)),
  readings: z.array(backupReadingSchema).check(z.maxLength(MAX_READINGS)),
});

export type BackupLine = z.infer<typeof backupLineSchema>;
export type BackupReading = z.infer<typeof backupReadingSchema>;
export type BackupFileV1 = z.infer<typeof backupFileSchema>;
/** What an import applies: the file without its envelope. */
export type BackupData = Pick<BackupFileV1, 'lines' | 'readings'>;
