import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANALYSIS_MAX_AGE_MS, AnalysisCache } from '@/lib/background/analysis-cache';
import { loadLineStates } from '@/lib/background/line-states';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { storeReadings } from '@/lib/db/store-readings';
import { GB, pageReading } from '../helpers/readings';

const NOW = Date.UTC(2026, 10, 20, 12);
const H = 3_600_000;
const settings = { leakSensitivity: 'normal' as const };

let db: GuardDb;
let n = 0;
beforeEach(async () => {
  db = openGuardDb(`analysis-cache-${++n}`);
  await db.open();
  for (let h = 48; h > 0; h -= 3) {
    for (const digits of ['0012', '0034']) {
      await storeReadings(db, 'movistar-es', [pageReading({ lineDigits: digits, usedBytes: (50 - h) * 0.1 * GB, remainingBytes: null })], NOW - h * H);
    }
  }
});
afterEach(async () => {
  await db.delete();
});

const byDigits = (states: Awaited<ReturnType<typeof loadLineStates>>, digits: string) => states.find((s) => s.line.lineDigits === digits)!;

describe('the analysis cache', () => {
  it('re-analyses only the line that has a new reading', async () => {
    const cache = new AnalysisCache();
    const first = await loadLineStates(db, { now: NOW, timeZone: 'UTC', settings, cache });
    await storeReadings(db, 'movistar-es', [pageReading({ lineDigits: '0012', usedBytes: 6 * GB, remainingBytes: null })], NOW + 60_000);
    const second = await loadLineStates(db, { now: NOW + 60_000, timeZone: 'UTC', settings, cache });
    expect(byDigits(second, '0034').analysis).toBe(byDigits(first, '0034').analysis);
    expect(byDigits(second, '0012').analysis).not.toBe(byDigits(first, '0012').analysis);
    expect(byDigits(second, '0012').analysis!.usedBytes).toBe(6 * GB);
    // What it reuses is what a full analysis gives.
    const fresh = await loadLineStates(db, { now: NOW + 60_000, timeZone: 'UTC', settings });
    expect(byDigits(fresh, '0034').analysis!.usedBytes).toEqual(byDigits(second, '0034').analysis!.usedBytes);
  });

  it('recomputes a line whose settings changed, and every line once the entry is old or cleared', async () => {
    const cache = new AnalysisCache();
    const first = await loadLineStates(db, { now: NOW, timeZone: 'UTC', settings, cache });
    const line = byDigits(first, '0034').line;
    await db.lines.update(line.id, { capBytes: 10 * GB });
    const capped = await loadLineStates(db, { now: NOW, timeZone: 'UTC', settings, cache });
    expect(byDigits(capped, '0034').analysis!.totalBytes).toBe(10 * GB);
    expect(byDigits(capped, '0012').analysis).toBe(byDigits(first, '0012').analysis);
    const later = await loadLineStates(db, { now: NOW + ANALYSIS_MAX_AGE_MS + 1, timeZone: 'UTC', settings, cache });
    expect(byDigits(later, '0012').analysis).not.toBe(byDigits(first, '0012').analysis);
    const sensitive = await loadLineStates(db, { now: NOW + ANALYSIS_MAX_AGE_MS + 1, timeZone: 'UTC', settings: { leakSensitivity: 'high' }, cache });
    expect(byDigits(sensitive, '0012').analysis).not.toBe(byDigits(later, '0012').analysis);
    cache.clear();
    const cleared = await loadLineStates(db, { now: NOW + ANALYSIS_MAX_AGE_MS + 1, timeZone: 'UTC', settings: { leakSensitivity: 'high' }, cache });
    expect(byDigits(cleared, '0012').analysis).not.toBe(byDigits(sensitive, '0012').analysis);
  });
});

describe('cache entries', () => {
  const analysis = (cycleEnd: number | null, exhaustAt: number | null) =>
    ({ cycle: { start: null, end: cycleEnd, startSource: null, endSource: null }, projection: { status: 'within-cap', exhaustAt, exhaustRange: null, spareBytes: null, expectedDailyBytes: null } }) as never;

  it('do not outlive the end of their cycle or the projected run-out', () => {
    const cache = new AnalysisCache();
    cache.set(1, 'k', NOW, analysis(NOW + H, null));
    expect(cache.get(1, 'k', NOW + H - 1)).not.toBeNull();
    expect(cache.get(1, 'k', NOW + H)).toBeNull();
    cache.set(2, 'k', NOW, analysis(null, NOW + 2 * H));
    expect(cache.get(2, 'k', NOW + 2 * H)).toBeNull();
    cache.set(3, 'k', NOW, analysis(null, null));
    expect(cache.get(3, 'k', NOW + ANALYSIS_MAX_AGE_MS - 1)).not.toBeNull();
    expect(cache.get(3, 'k', NOW + ANALYSIS_MAX_AGE_MS)).toBeNull();
    expect(cache.get(3, 'other key', NOW)).toBeNull();
    // A clock that went backwards trusts nothing cached.
    expect(cache.get(3, 'k', NOW - 1)).toBeNull();
  });
});

describe('the cache and history that arrives from elsewhere', () => {
  it('notices older readings added to a line (an import, an Undo)', async () => {
    const cache = new AnalysisCache();
    const first = await loadLineStates(db, { now: NOW, timeZone: 'UTC', settings, cache });
    const line = byDigits(first, '0034').line;
    await db.readings.add({ lineId: line.id, bucket: 'data', capturedAt: NOW - 60 * H, confirmedAt: NOW - 60 * H, usedBytes: 0, totalBytes: 20 * GB, unlimited: false, remainingBytes: 20 * GB, periodEnd: null, pageSaysUpdatedAt: null, overage: false, source: 'import', generic: false } as never);
    const second = await loadLineStates(db, { now: NOW, timeZone: 'UTC', settings, cache });
    expect(byDigits(second, '0034').analysis).not.toBe(byDigits(first, '0034').analysis);
    expect(byDigits(second, '0012').analysis).toBe(byDigits(first, '0012').analysis);
  });
});
