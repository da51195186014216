import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeLine } from '../../lib/analysis';
import { buildSteps, expectWithinContract } from './contract';
import { DAY, GB, HOUR, MB, T0 } from './helpers';

// Carrier figures are messy: clocks run ahead, counts fall (corrections, new packages), top-ups
// raise the cap and pages say when they counted (or say garbage). Whatever arrives, the analysis stays inside its contract.

const ZONES = ['UTC', 'Europe/Madrid', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];

const steps = fc.array(
  fc.record({ gapMin: fc.integer({ min: 10, max: 2 * 24 * 60 }), addMB: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 2500 })) }),
  { minLength: 4, maxLength: 70 },
);

describe('analysis properties on messy figures', () => {
  it('readings stamped up to 3 days in the future are clamped: nothing is dated after now', () => {
    fc.assert(
      fc.property(steps, fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), { minLength: 1, maxLength: 10 }), fc.constantFrom(...ZONES), (s, skews, timeZone) => {
        const r = buildSteps(s, 20 * GB);
        const now = r[r.length - 1]!.capturedAt;
        // The clock ran ahead for the latest readings.
        const skewed = r.map((x, i) => (i >= r.length - skews.length ? { ...x, capturedAt: x.capturedAt + skews[r.length - 1 - i]! * 60_000 } : x));
        expectWithinContract(analyzeLine(skewed, { now, timeZone }), now, timeZone);
      }),
      { numRuns: 300 },
    );
  });

  it('a forecast whose date has passed is "probably used up", never a past run-out date', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 0, max: 20 * 24 }), fc.boolean(), fc.constantFrom(...ZONES), (s, laterH, withEnd, timeZone) => {
        const r = buildSteps(s, 5 * GB).map((x) => ({ ...x, periodEnd: withEnd ? T0 + 45 * DAY : null }));
        const now = r[r.length - 1]!.capturedAt + laterH * HOUR;
        expectWithinContract(analyzeLine(r, { now, timeZone }), now, timeZone);
      }),
      { numRuns: 300 },
    );
  });

  it('use across an unexplained fall of the count is unknown: no warning spans it', () => {
    fc.assert(
      fc.property(steps, fc.double({ min: 0.1, max: 0.85, noNaN: true }), fc.integer({ min: 1, max: 1000 }), (s, keep, where) => {
        const r = buildSteps(s, 50 * GB);
        const i = 1 + (where % (r.length - 2));
        fc.pre(r[i - 1]!.usedBytes! > 200 * MB);
        // From reading i the carrier counts from a lower figure (a new package, a rebased count),
        // low enough that the count never gets back to where it was.
        const drop = r[i - 1]!.usedBytes! * (1 - keep) + (r[r.length - 1]!.usedBytes! - r[i - 1]!.usedBytes!);
        // The page says the cycle goes on: the fall is no renewal.
        const fallen = r.map((x, j) => ({ ...x, usedBytes: j >= i ? Math.max(0, x.usedBytes! - drop) : x.usedBytes, periodEnd: T0 + 300 * DAY }));
        // Below the figure two readings back too: not merely the previous figure over-counting.
        fc.pre(i === 1 || fallen[i]!.usedBytes! < r[i - 2]!.usedBytes! * 0.95);
        const now = r[r.length - 1]!.capturedAt;
        const a = analyzeLine(fallen, { now });
        expectWithinContract(a, now, 'UTC');
        for (const x of a.anomalies) expect(x.start < r[i]!.capturedAt && x.end > r[i - 1]!.capturedAt).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a top-up on a remaining-only line is measured like the same line read as used', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 20 }), (s, where, topUpGB) => {
        const base = buildSteps(s, 30 * GB);
        const j = where % base.length;
        const used = base.map((x, k) => ({ ...x, totalBytes: k >= j ? x.totalBytes! + topUpGB * GB : x.totalBytes }));
        const remaining = used.map((x) => ({ capturedAt: x.capturedAt, usedBytes: null, totalBytes: x.totalBytes, remainingBytes: x.totalBytes! - x.usedBytes! }));
        const now = base[base.length - 1]!.capturedAt;
        const a = analyzeLine(used, { now });
        const b = analyzeLine(remaining, { now });
        expectWithinContract(b, now, 'UTC');
        expect(b.daily).toEqual(a.daily);
        expect(b.anomalies.map((x) => [x.kind, x.start, x.end, x.bytes])).toEqual(a.anomalies.map((x) => [x.kind, x.start, x.end, x.bytes]));
        expect(b.totalBytes).toBe(a.totalBytes);
      }),
      { numRuns: 300 },
    );
  });

  it('a page stating when its figure was counted places the figure there: as if read then', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 0, max: 3 * 24 * 60 - 1 }), fc.constantFrom(...ZONES), (s, lagMin, timeZone) => {
        const r = buildSteps(s, 20 * GB);
        const now = r[r.length - 1]!.capturedAt + HOUR;
        // Seconds past the minute: never a bare date (local midnight), which says no time of day.
        const lag = lagMin * 60_000 + 7_000;
        const stated = r.map((x) => ({ ...x, countedAt: x.capturedAt - lag }));
        const readThen = r.map((x) => ({ ...x, capturedAt: x.capturedAt - lag }));
        const a = analyzeLine(stated, { now, timeZone });
        expectWithinContract(a, now, timeZone);
        // The same analysis, but for the look itself: the page was looked at `lag` after its count,
        // so a run-out forecast between the two, with the look under an hour ago, runs out now.
        const { projection, ...rest } = a;
        const { projection: asIfRead, ...restAsIfRead } = analyzeLine(readThen, { now, timeZone });
        expect(rest).toEqual(restAsIfRead);
        if (asIfRead.likelyUsedUp && projection.status === 'runs-out') expect(projection.exhaustAt).toBe(now);
        else expect(projection).toEqual(asIfRead);
      }),
      { numRuns: 200 },
    );
  });

  it('whatever a page states as its count time, the analysis keeps its contract', () => {
    fc.assert(
      fc.property(steps, fc.array(fc.oneof(fc.constant(null), fc.constant(Number.NaN), fc.integer({ min: -400 * 24 * 60, max: 400 * 24 * 60 })), { minLength: 70, maxLength: 70 }), fc.constantFrom(...ZONES), (s, offsets, timeZone) => {
        const r = buildSteps(s, 20 * GB).map((x, i) => ({ ...x, countedAt: offsets[i] === null ? null : x.capturedAt + offsets[i]! * 60_000 }));
        const now = r[r.length - 1]!.capturedAt;
        const a = analyzeLine(r, { now, timeZone });
        expectWithinContract(a, now, timeZone);
        if (a.lastReadingAt !== null) expect(a.lastReadingAt).toBeLessThanOrEqual(now);
      }),
      { numRuns: 200 },
    );
  });

  it('small corrections (the count falls 1-5 %) are never negative use', () => {
    fc.assert(
      fc.property(steps, fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0.01, max: 0.05, noNaN: true })), { maxLength: 5 }), (s, cuts) => {
        const r = buildSteps(s, 40 * GB);
        for (const [at, share] of cuts) {
          const k = at % r.length;
          r[k] = { ...r[k]!, usedBytes: Math.round(r[k]!.usedBytes! * (1 - share)) };
        }
        const now = r[r.length - 1]!.capturedAt + HOUR;
        expectWithinContract(analyzeLine(r, { now }), now, 'UTC');
      }),
      { numRuns: 300 },
    );
  });
});
