import { describe, expect, it } from 'vitest';
import { adapterForUrl } from '@/lib/carriers';
import type { PageReading } from '@/lib/vocabulary/reading';
import { pageReadingSchema } from '@/lib/messages/schemas';
import { loadFixtures, parseFixture, type ExpectedReading } from '../helpers/fixtures';

const MINUTE = 60_000;

/** Compares what was read with the sidecar: bytes exactly, dates to the day, times to the minute. */
function comparable(reading: PageReading) {
  return {
    ...reading,
    periodEnd: reading.periodEnd === null ? null : new Date(reading.periodEnd).toISOString().slice(0, 10),
    pageSaysUpdatedAt: reading.pageSaysUpdatedAt === null ? null : Math.round(reading.pageSaysUpdatedAt / MINUTE),
  };
}

function expectedComparable(reading: ExpectedReading) {
  return {
    ...reading,
    pageSaysUpdatedAt: reading.pageSaysUpdatedAt === null ? null : Math.round(Date.parse(reading.pageSaysUpdatedAt) / MINUTE),
  };
}

describe.each(loadFixtures().map((f) => [`${f.carrierId}/${f.name}`, f] as const))('fixture %s', (_name, fixture) => {
  it('is read by its own carrier adapter as the sidecar expects', () => {
    const url = new URL(fixture.expected.url);
    const adapter = adapterForUrl(url);
    expect(adapter?.id).toBe(fixture.carrierId);
    const result = adapter!.parse(parseFixture(fixture), url, { now: Date.parse(fixture.expected.now) });
    const expected = fixture.expected.result;
    if (!expected.ok) {
      expect(result).toMatchObject({ ok: false, reason: expected.reason });
      return;
    }
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    // Whole readings: a field the adapter sets and the sidecar does not name fails here too.
    expect(result.readings.map(comparable)).toEqual(expected.readings.map(expectedComparable));
    for (const reading of result.readings) expect(pageReadingSchema.safeParse(reading).success).toBe(true);
  });
});
