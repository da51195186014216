import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeLine, type AnalysisReading, type LineAnalysis } from '../../lib/analysis';
import { collectNumbers, DAY, GB, HOUR, MB, T0 } from './helpers';

const ZONES = ['UTC', 'Europe/Madrid', 'America/New_York', 'Asia/Kolkata', 'Not/AZone'];

interface Step {
  gapMin: number;
  addMB: number;
  reset: boolean;
}

const step = fc.record({
  gapMin: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  addMB: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3000 })),
  reset: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

/** A clean line: only unambiguous resets (from >= 5 % of the cap to about 0), no corrections. */
function build(steps: Step[], cap: number, withEnd: boolean): AnalysisReading[] {
  let t = T0;
  let used = 0;
  return steps.map((s) => {
    t += s.gapMin * 60_000 + 60_000;
    used = s.reset && used >= 0.05 * cap ? s.addMB * 1024 : used + s.addMB * MB;
    return { capturedAt: t, usedBytes: used, totalBytes: cap, periodEnd: withEnd ? T0 + 31 * DAY : null };
  });
}

const weird = fc.constantFrom(Number.NaN, -1, Infinity, -Infinity, 0, null, 1e15);
const messyReading = fc.record({
  capturedAt: fc.oneof(fc.integer({ min: T0, max: T0 + 40 * DAY }), fc.constantFrom(Number.NaN, T0)),
  usedBytes: fc.oneof(fc.integer({ min: 0, max: 40 * GB }), weird),
  totalBytes: fc.oneof(fc.constantFrom(5 * GB, 20 * GB, null), weird),
  unlimited: fc.option(fc.boolean(), { nil: undefined }),
  remainingBytes: fc.option(fc.oneof(fc.integer({ min: 0, max: 20 * GB }), weird), { nil: undefined }),
  periodEnd: fc.option(fc.oneof(fc.integer({ min: T0, max: T0 + 60 * DAY }), weird), { nil: undefined }),
}) as fc.Arbitrary<AnalysisReading>;

const options = fc.record({
  now: fc.integer({ min: T0, max: T0 + 60 * DAY }),
  timeZone: fc.constantFrom(...ZONES),
  cycleDay: fc.option(fc.integer({ min: 0, max: 32 }), { nil: null }),
  leakSensitivity: fc.constantFrom('low' as const, 'normal' as const, 'high' as const),
});

function nonNegativeBytes(a: LineAnalysis): number[] {
  return [
    ...a.daily.map((d) => d.bytes),
    ...a.anomalies.flatMap((x) => [x.bytes, x.excessBytes, x.ratePerHour, x.baselinePerHour]),
    ...(a.hourly ?? []),
    a.usedBytes ?? 0, a.totalBytes ?? 0, a.percentUsed ?? 0, a.dailyBudgetBytes ?? 0,
    a.projection.spareBytes ?? 0, a.projection.expectedDailyBytes ?? 0,
  ];
}

/** Lower is more severe: exhausted < runs-out (earlier first) < within-cap (less spare first). */
function severity(a: LineAnalysis): [number, number] {
  const p = a.projection;
  if (p.status === 'exhausted') return [0, p.exhaustAt ?? -Infinity];
  if (p.status === 'runs-out') return [1, p.exhaustAt!];
  return [2, p.spareBytes ?? 0];
}

describe('analysis properties', () => {
  it('never yields NaN, infinities or negative bytes, whatever the readings', () => {
    fc.assert(
      fc.property(fc.array(messyReading, { maxLength: 40 }), options, (readings, opts) => {
        const a = analyzeLine(readings, opts);
        for (const n of collectNumbers(a)) expect(Number.isFinite(n)).toBe(true);
        for (const n of nonNegativeBytes(a)) expect(n).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('also on realistic lines with resets and any capture rhythm', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 0, maxLength: 80 }), fc.boolean(), options, (steps, withEnd, opts) => {
        const a = analyzeLine(build(steps, 10 * GB, withEnd), opts);
        for (const n of collectNumbers(a)) expect(Number.isFinite(n)).toBe(true);
        for (const n of nonNegativeBytes(a)) expect(n).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('projection moves earlier (or stays) when usage rises', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 3, maxLength: 60 }),
        fc.boolean(),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.constantFrom('UTC', 'Europe/Madrid'),
        (steps, withEnd, k, timeZone) => {
          const base = build(steps, 20 * GB, withEnd);
          const now = base[base.length - 1]!.capturedAt + HOUR;
          const more = base.map((r) => ({ ...r, usedBytes: r.usedBytes! * k }));
          // Past the cap the carrier throttles and those hours stop describing habits, which
          // changes what is learned from earlier cycles: compare lines that stay under it.
          fc.pre(more.every((r) => r.usedBytes < r.totalBytes!));
          const a = analyzeLine(base, { now, timeZone });
          const b = analyzeLine(more, { now, timeZone });
          if (a.projection.status === 'insufficient-data') return;
          const [ra, va] = severity(a);
          const [rb, vb] = severity(b);
          expect(rb).toBeLessThanOrEqual(ra);
          if (ra === rb) expect(vb).toBeLessThanOrEqual(va + Math.abs(va) * 1e-9 + 1);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('anomalies are invariant to scaling all byte figures', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 3, maxLength: 80 }),
        fc.integer({ min: -12, max: 12 }).filter((e) => e !== 0),
        fc.constantFrom('low' as const, 'normal' as const, 'high' as const),
        (steps, exp, leakSensitivity) => {
          // Powers of two scale every floating-point step exactly: any difference is a real
          // dependence on absolute size, not rounding.
          const f = 2 ** exp;
          const base = build(steps, 20 * GB, false);
          const scaled = base.map((r) => ({ ...r, usedBytes: r.usedBytes! * f, totalBytes: r.totalBytes! * f }));
          const now = base[base.length - 1]!.capturedAt;
          const a = analyzeLine(base, { now, leakSensitivity }).anomalies;
          const b = analyzeLine(scaled, { now, leakSensitivity }).anomalies;
          expect(b.map((x) => [x.kind, x.start, x.end])).toEqual(a.map((x) => [x.kind, x.start, x.end]));
          b.forEach((x, i) => {
            expect(x.bytes).toBeCloseTo(a[i]!.bytes * f, 0);
            expect(x.baselinePerHour / f).toBeCloseTo(a[i]!.baselinePerHour, 3);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
