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
    ['an overage flag (pages state none: figures show it)', { overage: true }],
  ])('rejects %s', (_what, overrides) => {
    expect(pageReadingSchema.safeParse({ ...pageReading(), ...overrides }).success).toBe(false);
  });

  it('accepts used a little beyond the total (the page shows overage), not far beyond it', () => {
    expect(pageReadingSchema.safeParse(pageReading({ usedBytes: 22 * GB, remainingBytes: 0 })).success).toBe(true);
    expect(pageReadingSchema.safeParse(pageReading({ usedBytes: 40 * GB, remainingBytes: 0 })).success).toBe(false);
  });

  it.each([
    ['a cap of 0', { totalBytes: 0, usedBytes: 0, remainingBytes: 0 }],
    ['a plan name with a right-to-left override', { planName: 'Tarifa \u202Eetneilc' }],
    ['a plan name with a control character', { planName: 'Tarifa\u0007' }],
    ['a fractional byte', { usedBytes: 1.5 }],
  ])('rejects %s, as every way in does', (_what, overrides) => {
    expect(pageReadingSchema.safeParse({ ...pageReading(), ...overrides }).success).toBe(false);
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
