import { describe, expect, it } from 'vitest';
import { analyzeLine } from '../../lib/analysis';
import { generateLine, type SyntheticLine } from './synthetic';

// Lines from the tuning seeds of tests/analysis/synthetic.ts (deterministic), on either side of the
// alarm's bar: an ordinary busy hour on a small plan that the burn-rate rule alone used to call a
// leak.
function finalAnalysis(line: SyntheticLine) {
  return analyzeLine(line.readings, { now: line.end, timeZone: line.timeZone, cycleDay: line.cycleDay });
}

describe('the alarm bar', () => {
  it('does not call an ordinary busy hour on a 2 GB weekly plan a burn', () => {
    const line = generateLine(212, 'weekly');
    expect(line.events).toEqual([]);
    expect(line.cadence).toBe('hourly');
    expect(finalAnalysis(line).anomalies).toEqual([]);
  });
});
