import { describe, expect, it } from 'vitest';
import { evaluate, seedRange } from './evaluate';
import { referenceVerdicts } from './forecast-references';
import { capAt, cycleCumulative, generateLine } from './synthetic';
import { HOUR } from '../../lib/time/units';

// The references say how far the verdict figure can go on these lines (DETECTION.md); they are
// only worth quoting if they judge the same checkpoints and are right where the answer is plain.
describe('reference forecasters for the verdict figure', () => {
  it('judge exactly the hard-case checkpoints, and the one told the level is right on most', () => {
    const r = evaluate(seedRange(100_000, 40), { leaks: false, references: true });
    expect(r.referenceHard.ceiling.n).toBe(r.hardVerdicts.n);
    expect(r.referenceHard.pastLevel.n).toBe(r.hardVerdicts.n);
    expect(r.referenceHard.ceiling.k / r.referenceHard.ceiling.n).toBeGreaterThan(0.8);
    expect(r.referenceHard.pastLevel.k / r.referenceHard.pastLevel.n).toBeGreaterThan(0.75);
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
          expect(referenceVerdicts(line, c, late)).toEqual({ ceiling: true, pastLevel: true });
          checked++;
        } else if (endUse < 0.5 * cap) {
          expect(referenceVerdicts(line, c, late)).toEqual({ ceiling: false, pastLevel: false });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
