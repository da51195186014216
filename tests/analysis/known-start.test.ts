import { describe, expect, it } from 'vitest';
import { analyzeLine, type AnalysisReading } from '../../lib/analysis';
import { DAY, GB, HOUR, T0 } from './helpers';

// A cycle whose start is known (the user's billing day, a renewal the page stated or a reset seen)
// began with nothing used: that start is a figure, so one reading a day after it shows a pace.

const TZ = 'UTC';
const reading = (atHour: number, used: number, total = 10 * GB): AnalysisReading => ({ capturedAt: T0 + atHour * HOUR, usedBytes: used, totalBytes: total });

describe('the first reading of a cycle whose start is known', () => {
  it('a day or more after the start, gives a forecast from the use since the start', () => {
    // Billing day 1 (T0 is 1 March): 1.5 GB of 10 GB used by 2 March 12:00, about 1 GB a day.
    const a = analyzeLine([reading(36, 1.5 * GB)], { now: T0 + 37 * HOUR, timeZone: TZ, cycleDay: 1 });
    expect(a.cycle).toMatchObject({ start: T0, startSource: 'cycle-day' });
    expect(a.projection.status).toBe('runs-out');
    // About 1 GB a day: the remaining 8.5 GB last until about 11 March, well before the 1 April renewal.
    expect(Math.abs((a.projection.exhaustAt! - (T0 + 10 * DAY)) / DAY)).toBeLessThan(2);
  });

  it('less than a day after the start, still asks for another reading', () => {
    const a = analyzeLine([reading(10, 0.4 * GB)], { now: T0 + 11 * HOUR, timeZone: TZ, cycleDay: 1 });
    expect(a.projection.status).toBe('insufficient-data');
  });

  it('two figures in the first hours after it are no pace either: the start counts for one figure a day on, not for three', () => {
    const a = analyzeLine([reading(5, 0.1 * GB), reading(6, 0.15 * GB)], { now: T0 + 7 * HOUR, timeZone: TZ, cycleDay: 1 });
    expect(a.projection.status).toBe('insufficient-data');
  });

  it('a start that is only a guess is no figure: one reading gives no forecast', () => {
    const a = analyzeLine([reading(36, 1.5 * GB)], { now: T0 + 37 * HOUR, timeZone: TZ });
    expect(a.cycle.startSource).not.toBe('cycle-day');
    expect(a.projection.status).toBe('insufficient-data');
  });
});
