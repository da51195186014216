import { describe, expect, it } from 'vitest';
import { evaluate, seedRange } from './evaluate';
import { errorFreeReadings, referenceVerdicts } from './forecast-references';
import { capAt, cycleCumulative, generateLine } from './synthetic';
import { HOUR } from '../../lib/time/units';

// The references say how far the verdict figure can go on these lines (DETECTION.md); they are
// only worth quoting if they judge the same checkpoints and are right where the answer is plain.
describe('reference forecasters for the verdict figure', () => {
  it('judge exactly the hard-case checkpoints, and the one told the level is right on most', () => {
    const r = evaluate(seedRange(100_000, 40), { leaks: false, references: true, errorFree: true });
    for (const t of [r.referenceHard.ceiling, r.referenceHard.pastLevel, r.referenceHard.rhythmOnly, r.errorFreeHard]) expect(t.n).toBe(r.hardVerdicts.n);
    expect(r.referenceHard.ceiling.k / r.referenceHard.ceiling.n).toBeGreaterThan(0.8);
    expect(r.referenceHard.pastLevel.k / r.referenceHard.pastLevel.n).toBeGreaterThan(0.75);
    expect(r.referenceHard.rhythmOnly.k / r.referenceHard.rhythmOnly.n).toBeGreaterThan(0.7);
    expect(r.errorFreeHard.k / r.errorFreeHard.n).toBeGreaterThan(0.7);
  });

  it('feed the analysis every hour\'s exact count, with the true cap and period end', () => {
    const line = generateLine(100_003);
    const now = line.cycles[1]!.start + 3.5 * 24 * HOUR;
    const rs = errorFreeReadings(line, now);
    const cum = cycleCumulative(line, line.useWith(line.events));
    const last = rs[rs.length - 1]!;
    expect(last.capturedAt).toBeLessThanOrEqual(now);
    expect(now - last.capturedAt).toBeLessThan(HOUR);
    expect(rs.every((x, i) => i === 0 || x.capturedAt - rs[i - 1]!.capturedAt === HOUR)).toBe(true);
    expect(last.periodEnd).toBe(line.cycles[1]!.end);
    expect(last.usedBytes).toBeCloseTo(Math.min(cum[Math.round((last.capturedAt - line.t0) / HOUR)]!, last.totalBytes!), -1);
  });

  it('say "runs out" late in a cycle the line has already used up, and not on a cycle far from its cap', () => {
    let checked = 0;
    for (const seed of seedRange(100_000, 60)) {
      const line = generateLine(seed);
      const cum = cycleCumulative(line, line.useWith(line.events));
      for (const c of line.cycles.slice(1, -1)) {
        const cap = capAt(c, line.events, c.end);
        const endUse = cum[Math.round((c.end - line.t0) / HOUR)]!;
        const late = c.end - 6 * HOUR;
        if (late <= line.from) continue;
        const usedByLate = cum[Math.round((late - line.lagMs - line.t0) / HOUR)]!;
        if (usedByLate >= cap * 0.9999) {
          expect(referenceVerdicts(line, c, late)).toEqual({ ceiling: true, pastLevel: true, rhythmOnly: true });
          checked++;
        } else if (endUse < 0.5 * cap) {
          expect(referenceVerdicts(line, c, late)).toEqual({ ceiling: false, pastLevel: false, rhythmOnly: false });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
