import { z } from './zod';

import { bytes, carrierId, epochMs, periodEndKind } from './fields';
import { MAX_USED_OVER_TOTAL } from '../vocabulary/limits';
import { BUCKETS, READING_VIAS } from '../vocabulary/reading';

export const pageReadingSchema = z
  .strictObject({
    lineDigits: z.nullable(z.string().check(z.regex(/^\d{2,4}$/))),
    planName: z.nullable(z.string().check(z.minLength(1), z.maxLength(80))),
    bucket: z.enum(BUCKETS),
    usedBytes: z.nullable(bytes),
    totalBytes: z.nullable(bytes),
    unlimited: z.boolean(),
    remainingBytes: z.nullable(bytes),
    periodEnd: z.nullable(epochMs),
    periodEndKind: z.optional(periodEndKind),
    pageSaysUpdatedAt: z.nullable(epochMs),
    overage: z.optional(z.boolean()),
    generic: z.optional(z.boolean()),
    via: z.optional(z.enum(READING_VIAS)),
  })
  .check(
    z.refine((r) => r.usedBytes !== null || r.remainingBytes !== null, {
      message: 'a reading needs the amount used or the amount remaining',
    }),
    z.refine((r) => r.unlimited || r.totalBytes !== null, {
      message: 'a reading needs a total, or must say the plan is unlimited',
    }),
    z.refine((r) => !r.unlimited || r.totalBytes === null, {
      message: 'an unlimited reading cannot also have a total',
    }),
    z.refine(
      (r) =>
        r.overage === true ||
        r.usedBytes === null ||
        r.totalBytes === null ||
        r.usedBytes <= r.totalBytes * MAX_USED_OVER_TOTAL,
      { message: 'used is far beyond the total and the page reports no overage' },
    ),
    z.refine(
      (r) => r.remainingBytes === null || r.totalBytes === null || r.remainingBytes <= r.totalBytes,
      { message: 'remaining is larger than the total' },
    ),
  );


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
