import { z } from './zod';

import { bytes, carrierId, epochMs, periodEndKind, plausibleFigures, safeText } from './fields';
import { BUCKETS, READING_VIAS } from '../vocabulary/reading';
import { isPageJsonUrl, pageJsonUrlsOf } from '../page-json/allow-list';
import { PAGE_JSON_MAX_ANSWERS, PAGE_JSON_MAX_CHARS, PAGE_JSON_MAX_URL } from '../page-json/envelope';
import type { PageState } from './page-status';

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

/**
 * One of the page's own JSON answers, raw, as the content script copied it (lib/page-json/envelope.ts).
 * The background parses and reads the body (lib/page-json/read-answers.ts); here only its size.
 */
const pageJsonAnswer = z.strictObject({
  url: z.string().check(z.maxLength(PAGE_JSON_MAX_URL)),
  body: z.string().check(z.maxLength(PAGE_JSON_MAX_CHARS)),
});

/**
 * Content script → background. The only thing a carrier page can ask of us: read these figures,
 * and these answers of the carrier's own usage API, and store what they say. Either may be absent
 * (a page that renders nothing readable, a carrier without a JSON reader), not both. Every answer's
 * URL must be on the allow-list of the carrier the message speaks for (the sender check then ties
 * that carrier to the sending page): a carrier without a JSON reader has an empty list.
 */
export const contentMessageSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('page-readings'),
      carrierId,
      readings: z.array(pageReadingSchema).check(z.maxLength(24)),
      pageJson: z.optional(z.array(pageJsonAnswer).check(z.minLength(1), z.maxLength(PAGE_JSON_MAX_ANSWERS))),
    })
    .check(
      z.refine((m) => m.readings.length > 0 || m.pageJson !== undefined, { message: 'neither readings nor page JSON' }),
      z.refine((m) => (m.pageJson ?? []).every((a) => isPageJsonUrl(pageJsonUrlsOf(m.carrierId), a.url)), { message: 'page JSON from a URL off the carrier’s list' }),
    ),
]);

export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** The readings a background store is given, validated again after the JSON is merged in. */
export const storedReadingsSchema = z.array(pageReadingSchema).check(z.minLength(1), z.maxLength(24));

/**
 * What the background answers to `page-readings`. `lines`: how many lines the stored figures
 * belong to, when the background read them from the page's JSON (the content script cannot count
 * those). `verdict`: why nothing could be stored, so the page's status in the popup stays right —
 * the JSON says signed out, or nothing in the message was readable ("layout not recognised").
 */
export type StoreReply =
  | { ok: true; stored: number; confirmed: number; lines?: number; verdict?: Extract<PageState, 'logged-out' | 'layout-changed'> }
  | { ok: false; error: string };
