import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeLine, type AnalysisReading } from '../../lib/analysis';
import { buildSteps, expectWithinContract } from './contract';
import { DAY, GB, HOUR, T0 } from './helpers';

// Falls of the count (renewals nobody announced, rebased counters), lines cut at the cap and read
// on, and all of it under a clock that runs ahead. Nothing here depends on speed: the machine may
// be busy, and vitest.config gives every test minutes (testTimeout).
const ZONES = ['UTC', 'Europe/Madrid', 'America/Santiago', 'Australia/Sydney', 'Asia/Kolkata'];

const steps = fc.array(
  fc.record({ gapMin: fc.integer({ min: 10, max: 36 * 60 }), addMB: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 1500 })) }),
  { minLength: 6, maxLength: 60 },
);

describe('analysis properties on falls of the count, the cap and skewed clocks', () => {
  it('a fall to a quarter of the count or less, announced by nothing, starts a new cycle counted from the new figure', () => {
    fc.assert(
      fc.property(steps, steps, fc.double({ min: 0, max: 0.25, noNaN: true }), fc.constantFrom(...ZONES), (before, after, keep, timeZone) => {
        const old = buildSteps(before, 50 * GB);
        const high = old[old.length - 1]!;
        // The last figure before the fall is a new one (a repeat only confirms an earlier figure).
        fc.pre(high.usedBytes! > 2 * GB && old[old.length - 2]!.usedBytes! < high.usedBytes!);
        const restart = high.usedBytes! * keep;
        const next = buildSteps(after, 50 * GB, high.capturedAt, restart);
        // A count that climbs straight back to the old figure was a dip, not a renewal.
        fc.pre(next.every((x) => x.usedBytes! < high.usedBytes! * 0.9) && next[0]!.usedBytes! <= high.usedBytes! * 0.25);
        const r = [...old, ...next];
        const now = r[r.length - 1]!.capturedAt;
        const a = analyzeLine(r, { now, timeZone });
        expectWithinContract(a, now, timeZone);
        expect(a.usedBytes).toBe(r[r.length - 1]!.usedBytes);
        expect(a.cycle.start).not.toBeNull();
        expect(a.cycle.start!).toBeGreaterThanOrEqual(high.capturedAt);
        expect(a.cycle.start!).toBeLessThanOrEqual(next[0]!.capturedAt);
        // The new count is use since the renewal: measured, not forgotten (a leak just after a
        // renewal would otherwise vanish from the days).
        const counted = a.daily.reduce((sum, d) => sum + d.bytes, 0);
        expect(Math.abs(counted - (high.usedBytes! - old[0]!.usedBytes! + r[r.length - 1]!.usedBytes!))).toBeLessThan(a.daily.length + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('a line read every few days on a weekly plan: a renewal whose new count is already back near the figure before it is still a renewal', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.6, max: 1.4, noNaN: true }), { minLength: 28, maxLength: 28 }),
        fc.array(fc.double({ min: 1.5, max: 4, noNaN: true }), { minLength: 16, maxLength: 16 }),
        fc.double({ min: 0.07, max: 0.13, noNaN: true }),
        fc.double({ min: 0, max: 7, noNaN: true }),
        fc.constantFrom(...ZONES),
        (dayNoise, gapsDays, share, phaseDays, timeZone) => {
          // A 1 GB plan renewing every 7 days from T0, used at a steady pace (7-13 % of the cap a
          // day, days varying +-40 %), read every 1.5-4 days from a random point of a cycle.
          const cap = GB;
          const counter = (t: number) => {
            const day = Math.floor(t / DAY);
            const start = Math.floor(day / 7) * 7;
            let used = 0;
            for (let d = start; d <= day; d++) used += share * cap * dayNoise[d % 28]! * (d < day ? 1 : (t - d * DAY) / DAY);
            return Math.min(cap, Math.round(used / 1e6) * 1e6);
          };
          const r: AnalysisReading[] = [];
          let t = phaseDays * DAY + HOUR;
          for (const g of gapsDays) {
            t += g * DAY;
            if (t > 27 * DAY) break;
            r.push({ capturedAt: T0 + t, usedBytes: counter(t), totalBytes: cap });
          }
          // The last renewal that readings bracket: the last reading before it and the first after.
          const cycleOf = (x: AnalysisReading) => Math.floor((x.capturedAt - T0) / (7 * DAY));
          const firstAfter = r.findLastIndex((x, i) => i > 0 && cycleOf(x) > cycleOf(r[i - 1]!));
          fc.pre(firstAfter >= 2);
          // A fall to under half the count (what marks a renewal when no period is stated), with
          // the new count back near the figure before the peak or above it (the case this is about).
          const [before, peak, fresh] = [r[firstAfter - 2]!.usedBytes!, r[firstAfter - 1]!.usedBytes!, r[firstAfter]!.usedBytes!];
          fc.pre(peak < cap && fresh < peak * 0.45 && fresh * 2 >= before);
          const now = r[r.length - 1]!.capturedAt;
          const a = analyzeLine(r, { now, timeZone });
          expectWithinContract(a, now, timeZone);
          expect(a.usedBytes).toBe(r[r.length - 1]!.usedBytes);
          expect(a.cycle.start).not.toBeNull();
          expect(a.cycle.start!).toBeGreaterThanOrEqual(r[firstAfter - 1]!.capturedAt);
          expect(a.cycle.start!).toBeLessThanOrEqual(r[firstAfter]!.capturedAt);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the old cycle\'s last count, stamped among the new cycle\'s hourly figures, is set aside: no second renewal, no spike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.integer({ min: 20, max: 60 }), fc.integer({ min: 2, max: 60 }), fc.double({ min: 0.3, max: 0.95, noNaN: true }), fc.constantFrom(...ZONES),
        (oldHours, newHours, at, oldShare, timeZone) => {
          // Hourly figures of a 10 GB plan at 40-60 MB an hour; the cycle renews; a page restored
          // from cache (or a clock behind) then shows the old cycle's last count, stamped now.
          const cap = 10 * GB;
          const old = buildSteps(Array.from({ length: oldHours }, (_, i) => ({ gapMin: 60, addMB: 40 + (i % 3) * 10 })), cap, T0, oldShare * cap);
          const fresh = buildSteps(Array.from({ length: newHours }, (_, i) => ({ gapMin: 60, addMB: 40 + (i % 3) * 10 })), cap, old[old.length - 1]!.capturedAt);
          const i = Math.min(at, fresh.length - 2);
          const stale = { ...old[old.length - 1]!, capturedAt: fresh[i]!.capturedAt + 20 * 60_000 };
          const clean = [...old, ...fresh];
          const messy = [...old, ...fresh.slice(0, i + 1), stale, ...fresh.slice(i + 1)];
          const now = fresh[fresh.length - 1]!.capturedAt;
          const a = analyzeLine(messy, { now, timeZone });
          const b = analyzeLine(clean, { now, timeZone });
          expect(a.cycle.start).toBe(b.cycle.start);
          expect(a.usedBytes).toBe(b.usedBytes);
          expect(a.anomalies).toEqual(b.anomalies);
        }),
      { numRuns: 200 },
    );
  });

  it('analysed as a figure arrives, the current cycle holds it, however long the cycles before it were', () => {
    const segment = fc.array(fc.record({ gapMin: fc.integer({ min: 60, max: 36 * 60 }), addMB: fc.integer({ min: 50, max: 400 }) }), { minLength: 2, maxLength: 25 });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 2, maxLength: 4 }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.constantFrom(...ZONES), (segments, keep, timeZone) => {
        // Renewals nobody announced (the count falls to a fifth or less), cycles of any length:
        // an end inferred from the earlier ones may be passed before the next fall shows.
        const r: AnalysisReading[] = [];
        for (const seg of segments) {
          const last = r[r.length - 1];
          r.push(...buildSteps(seg, 100 * GB, last?.capturedAt ?? T0, last ? last.usedBytes! * keep : 0));
        }
        const now = r[r.length - 1]!.capturedAt;
        const a = analyzeLine(r, { now, timeZone });
        expectWithinContract(a, now, timeZone);
        expect(a.lastReadingAt).toBe(now);
        expect(a.usedBytes).toBe(r[r.length - 1]!.usedBytes);
        if (a.cycle.end !== null) expect(a.cycle.end).toBeGreaterThan(now);
      }),
      { numRuns: 300 },
    );
  });

  it('a line cut at the cap and read on is used up, and no warning covers the hours after the cut', () => {
    fc.assert(
      fc.property(steps, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 30, max: 12 * 60 }), fc.constantFrom(...ZONES), (s, repeats, everyMin, timeZone) => {
        const cap = 3 * GB;
        const r = buildSteps(s, 1e15).map((x) => ({ ...x, usedBytes: Math.min(cap, x.usedBytes! * 2), totalBytes: cap }));
        const firstAtCap = r.findIndex((x) => x.usedBytes! >= cap);
        fc.pre(firstAtCap > 2);
        const cut = r.slice(0, firstAtCap + 1);
        const last = cut[cut.length - 1]!;
        for (let i = 1; i <= repeats; i++) cut.push({ ...last, capturedAt: last.capturedAt + i * everyMin * 60_000 });
        const now = cut[cut.length - 1]!.capturedAt + HOUR;
        const a = analyzeLine(cut, { now, timeZone });
        expectWithinContract(a, now, timeZone);
        expect(a.projection.status).toBe('exhausted');
        expect(a.projection.exhaustAt!).toBeLessThanOrEqual(last.capturedAt);
        for (const x of a.anomalies) expect(x.end).toBeLessThanOrEqual(last.capturedAt);
      }),
      { numRuns: 200 },
    );
  });

  it('an old period\'s figure arriving last (stamped ahead, or a page restored from cache) changes nothing', () => {
    fc.assert(
      fc.property(steps, steps, fc.integer({ min: 0, max: 72 * 60 }), fc.integer({ min: 0, max: 72 * 60 }), fc.constantFrom(...ZONES), (before, after, aheadMin, laterMin, timeZone) => {
        const cap = 20 * GB;
        const old = buildSteps(before, cap);
        const renewal = old[old.length - 1]!.capturedAt + HOUR;
        const oldEnd = { periodEnd: renewal };
        const newEnd = { periodEnd: renewal + 30 * DAY };
        const current = buildSteps(after, cap, renewal).map((x) => ({ ...x, ...newEnd }));
        const r: AnalysisReading[] = [...old.map((x) => ({ ...x, ...oldEnd })), ...current];
        const latest = current[current.length - 1]!.capturedAt;
        // The last cycle's final figure, stamped after the latest reading by a clock running ahead.
        const stray = { ...old[old.length - 1]!, ...oldEnd, capturedAt: latest + 60_000 + aheadMin * 60_000 };
        const now = latest + 60_000 + laterMin * 60_000;
        const without = analyzeLine(r, { now, timeZone });
        const withStray = analyzeLine([...r, stray], { now, timeZone });
        expectWithinContract(withStray, now, timeZone);
        expect(withStray).toEqual(without);
      }),
      { numRuns: 200 },
    );
  });

  it('while the clock that stamped them is still ahead, the newest figure is the count, even across a renewal', () => {
    fc.assert(
      fc.property(steps, steps, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2 * 60, max: 72 * 60 }), fc.constantFrom(...ZONES), (before, after, ahead, aheadMin, timeZone) => {
        const cap = 20 * GB;
        const old = buildSteps(before, cap);
        const renewal = old[old.length - 1]!.capturedAt + HOUR;
        const fresh = buildSteps(after.slice(0, ahead), cap, renewal).map((x) => ({ ...x, periodEnd: renewal + 30 * DAY }));
        fc.pre(old[old.length - 1]!.usedBytes! > 2 * GB && fresh[fresh.length - 1]!.usedBytes! < old[old.length - 1]!.usedBytes! / 4);
        // The clock runs `aheadMin` ahead from the last figure of the old period on: that figure and
        // the new period's first ones are all stamped after now (storage keeps them in that order).
        const skew = aheadMin * 60_000;
        const now = fresh[fresh.length - 1]!.capturedAt + 60_000;
        const stamped = [...old.slice(0, -1), ...[old[old.length - 1]!, ...fresh].map((x) => ({ ...x, capturedAt: x.capturedAt + skew }))]
          .map((x) => ({ ...x, periodEnd: x.periodEnd ?? renewal }));
        fc.pre(stamped[old.length - 1]!.capturedAt > now);
        const a = analyzeLine(stamped, { now, timeZone });
        expectWithinContract(a, now, timeZone);
        expect(a.usedBytes).toBe(fresh[fresh.length - 1]!.usedBytes);
        expect(a.projection.status).not.toBe('exhausted');
      }),
      { numRuns: 200 },
    );
  });

  it('rebased counts, top-ups, small corrections and a clock running up to 3 days ahead, all at once, stay inside the contract', () => {
    const event = fc.record({
      at: fc.integer({ min: 0, max: 1000 }),
      kind: fc.constantFrom('rebase' as const, 'topup' as const, 'correction' as const, 'skew' as const),
      size: fc.double({ min: 0.01, max: 0.6, noNaN: true }),
    });
    fc.assert(
      fc.property(steps, fc.array(event, { maxLength: 6 }), fc.boolean(), fc.integer({ min: 0, max: 5 * 24 }), fc.constantFrom(...ZONES), (s, events, remainingOnly, laterH, timeZone) => {
        const r = buildSteps(s, 20 * GB).map((x) => ({ ...x }));
        let total = 20 * GB;
        for (const e of [...events].sort((x, y) => (x.at % r.length) - (y.at % r.length))) {
          const k = e.at % r.length;
          if (e.kind === 'rebase') for (let j = k; j < r.length; j++) r[j]!.usedBytes = Math.max(0, r[j]!.usedBytes! - r[k]!.usedBytes! * e.size);
          if (e.kind === 'topup') { total += Math.round(e.size * 10) * GB; for (let j = k; j < r.length; j++) r[j]!.totalBytes = total; }
          if (e.kind === 'correction') r[k]!.usedBytes = Math.round(r[k]!.usedBytes! * (1 - e.size / 12));
          if (e.kind === 'skew') r[k]!.capturedAt += e.size * 5 * DAY;
        }
        const readings: AnalysisReading[] = remainingOnly
          ? r.map((x) => ({ capturedAt: x.capturedAt, usedBytes: null, totalBytes: x.totalBytes, remainingBytes: Math.max(0, x.totalBytes! - x.usedBytes!) }))
          : r;
        const latest = buildSteps(s, 20 * GB)[s.length - 1]!.capturedAt;
        const now = latest + laterH * HOUR;
        expectWithinContract(analyzeLine(readings, { now, timeZone }), now, timeZone);
      }),
      { numRuns: 300 },
    );
  });
});
