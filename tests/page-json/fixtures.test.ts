import { describe, expect, it } from 'vitest';
import { pageReadingSchema } from '@/lib/messages/schemas';
import { isPageJsonUrl } from '@/lib/page-json/allow-list';
import type { PageReading } from '@/lib/vocabulary/reading';
import { JSON_ADAPTERS, loadJsonFixtures } from './json-fixtures';

const MINUTE = 60_000;
const fixtures = loadJsonFixtures();

function comparable(reading: PageReading) {
  return {
    ...reading,
    periodEnd: reading.periodEnd === null ? null : new Date(reading.periodEnd).toISOString().slice(0, 10),
    pageSaysUpdatedAt: reading.pageSaysUpdatedAt === null ? null : Math.round(reading.pageSaysUpdatedAt / MINUTE),
  };
}

describe.each(fixtures.map((f) => [`${f.carrierId}/${f.name}`, f] as const))('JSON fixture %s', (_name, fixture) => {
  it('comes from an allow-listed URL and is read by its carrier’s JSON reader as the sidecar expects', () => {
    const adapter = JSON_ADAPTERS[fixture.carrierId];
    expect(adapter?.carrierId).toBe(fixture.carrierId);
    expect(isPageJsonUrl(adapter!.urls, fixture.expected.url)).toBe(true);
    const result = adapter!.read(fixture.body, new URL(fixture.expected.url), { now: Date.parse(fixture.expected.now), timeZone: fixture.expected.timeZone });
    const expected = fixture.expected.result;
    if (expected === null) {
      expect(result).toBeNull();
      return;
    }
    if (!expected.ok) {
      expect(result).toMatchObject({ ok: false, reason: expected.reason });
      return;
    }
    expect(result?.ok, JSON.stringify(result)).toBe(true);
    if (!result?.ok) return;
    const wanted = expected.readings.map((r) => ({
      ...r,
      pageSaysUpdatedAt: r.pageSaysUpdatedAt === null ? null : Math.round(Date.parse(r.pageSaysUpdatedAt) / MINUTE),
    }));
    expect(result.readings.map(comparable)).toEqual(wanted);
    for (const reading of result.readings) expect(pageReadingSchema.safeParse(reading).success).toBe(true);
  });
});

describe('JSON fixtures', () => {
  it('cover every carrier JSON reader, each with a reading and a non-reading answer', () => {
    for (const carrierId of Object.keys(JSON_ADAPTERS)) {
      const own = fixtures.filter((f) => f.carrierId === carrierId);
      expect(own.some((f) => f.expected.result?.ok === true), carrierId).toBe(true);
      expect(own.some((f) => f.expected.result?.ok !== true), carrierId).toBe(true);
    }
  });
});
