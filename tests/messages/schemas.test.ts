import { describe, expect, it } from 'vitest';
import { contentMessageSchema, pageReadingSchema } from '@/lib/messages/schemas';
import { GB, pageReading } from '../helpers/readings';

describe('pageReadingSchema', () => {
  it('accepts a capped, an unlimited and a remaining-only reading', () => {
    expect(pageReadingSchema.safeParse(pageReading()).success).toBe(true);
    expect(pageReadingSchema.safeParse(pageReading({ totalBytes: null, unlimited: true, remainingBytes: null })).success).toBe(true);
    expect(pageReadingSchema.safeParse(pageReading({ usedBytes: null })).success).toBe(true);
  });

  it.each([
    ['a negative figure', { usedBytes: -1 }],
    ['NaN', { usedBytes: Number.NaN }],
    ['Infinity', { totalBytes: Number.POSITIVE_INFINITY }],
    ['a fractional byte count', { usedBytes: 1.5 }],
    ['more than 100 TB', { totalBytes: 200 * 1024 ** 4 }],
    ['used far beyond the total without overage', { usedBytes: 40 * GB, totalBytes: 20 * GB }],
    ['neither used nor remaining', { usedBytes: null, remainingBytes: null }],
    ['no total and not unlimited', { totalBytes: null }],
    ['remaining above the total', { remainingBytes: 30 * GB }],
    ['a full phone number', { lineDigits: '600000012' }],
    ['a date in seconds, not ms', { periodEnd: 1_790_000_000 }],
    ['an unknown bucket', { bucket: 'sms' }],
    ['an extra field', { html: '<b>x</b>' }],
  ])('rejects %s', (_what, overrides) => {
    expect(pageReadingSchema.safeParse({ ...pageReading(), ...overrides }).success).toBe(false);
  });

  it('accepts used beyond the total when the page reports overage', () => {
    expect(pageReadingSchema.safeParse(pageReading({ usedBytes: 40 * GB, remainingBytes: 0, overage: true })).success).toBe(true);
  });
});

describe('contentMessageSchema', () => {
  it('accepts a page-readings message and rejects others', () => {
    expect(contentMessageSchema.safeParse({ type: 'page-readings', carrierId: 'movistar-es', readings: [pageReading()] }).success).toBe(true);
    expect(contentMessageSchema.safeParse({ type: 'page-readings', carrierId: 'movistar-es', readings: [] }).success).toBe(false);
    expect(contentMessageSchema.safeParse({ type: 'wipe-all' }).success).toBe(false);
    expect(contentMessageSchema.safeParse({ type: 'page-readings', carrierId: '../../x', readings: [pageReading()] }).success).toBe(false);
    expect(contentMessageSchema.safeParse(null).success).toBe(false);
  });
});
