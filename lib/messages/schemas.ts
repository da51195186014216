import { z } from './zod';

import { bytes, carrierId, epochMs, periodEndKind, plausibleFigures, safeText } from './fields';
import { BUCKETS, READING_VIAS } from '../vocabulary/reading';

export const pageReadingSchema = z
  .strictObject({
    lineDigits: z.nullable(z.string().check(z.regex(/^\d{2,4}$/))),
    planName: z.nullable(safeText(80).check(z.minLength(1))),
    bucket: z.enum(BUCKETS),
    usedBytes: z.nullable(bytes),
    totalBytes: z.nullable(bytes),
    unlimited: z.boolean(),
    remainingBytes: z.nullable(bytes),
    periodEnd: z.nullable(epochMs),
    periodEndKind: z.optional(periodEndKind),
    pageSaysUpdatedAt: z.nullable(epochMs),
    generic: z.optional(z.boolean()),
    via: z.optional(z.enum(READING_VIAS)),
  })
  // One set of plausibility rules for every way a reading enters (pages, hand, backups).
  .check(plausibleFigures);

/** Content script → background. The only thing a carrier page can ask of us: store these figures. */
export const contentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('page-readings'),
    carrierId,
    readings: z.array(pageReadingSchema).check(z.minLength(1), z.maxLength(24)),
  }),
]);

export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** What the background answers to `page-readings`. */
export type StoreReply = { ok: true; stored: number; confirmed: number } | { ok: false; error: string };
