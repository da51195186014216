import { describe, expect, it } from 'vitest';
import { analyzeLine } from '../../lib/analysis';
import { atHours, DAY, diurnal, GB, HOUR, hourly, MB, readingsFor, T0 } from './helpers';

// A household line: 600 MB a day, most of it 19:00-23:00, with day-to-day variation.
const normal = diurnal(600 * MB);
const wobble = (t: number) => normal(t) * (0.7 + 0.6 * ((Math.floor(t / DAY) * 7919) % 10) / 10);
const now = T0 + 28 * DAY;

describe('anomalies', () => {
  it('flags a 1.5 GB overnight sync and says how much, when and why', () => {
    const leakAt = T0 + 20 * DAY + 2 * HOUR;
    const perHour = (t: number) => wobble(t) + (t >= leakAt && t < leakAt + 3 * HOUR ? 500 * MB : 0);
    const a = analyzeLine(readingsFor({ days: 28, perHour, captureHours: hourly(28), cap: 20 * GB }), { now });
    const night = a.anomalies.filter((x) => x.kind === 'overnight');
    expect(night).toHaveLength(1);
    expect(night[0]!.start).toBeLessThanOrEqual(leakAt + HOUR);
    expect(night[0]!.end).toBeGreaterThanOrEqual(leakAt + 2 * HOUR);
    expect(night[0]!.bytes / GB).toBeGreaterThan(1.3);
    expect(night[0]!.ratePerHour / night[0]!.baselinePerHour).toBeGreaterThan(10);
    expect(night[0]!.reason).toMatch(/GB between 0\d:00 and 0\d:00 on 2024-03-21 while this line usually uses .* night/);
    expect(a.anomalies.every((x) => x.kind !== 'spike')).toBe(true);
  });

  it('finds the same sync with only two readings a day around it', () => {
    const leakAt = T0 + 20 * DAY + 2 * HOUR;
    const perHour = (t: number) => wobble(t) + (t >= leakAt && t < leakAt + 3 * HOUR ? 500 * MB : 0);
    const a = analyzeLine(readingsFor({ days: 28, perHour, captureHours: atHours(28, [0.5, 8, 18]), cap: 20 * GB }), { now });
    expect(a.anomalies.some((x) => x.start <= leakAt && x.end >= leakAt + 3 * HOUR)).toBe(true);
  });

  it('does not flag the usual heavy evenings, even hour by hour', () => {
    const a = analyzeLine(readingsFor({ days: 28, perHour: wobble, captureHours: hourly(28), cap: 5 * GB }), { now });
    // 19-23 h carries > 2 % of this 5 GB cap per hour: busy, but normal for this line.
    expect(a.anomalies).toEqual([]);
  });

  it('raises a burn-rate alert when the cap melts fast, and merges it into one', () => {
    const at = T0 + 22 * DAY + 14 * HOUR;
    const perHour = (t: number) => wobble(t) + (t >= at && t < at + 2 * HOUR ? 700 * MB : 0);
    const a = analyzeLine(readingsFor({ days: 28, perHour, captureHours: hourly(28), cap: 20 * GB }), { now });
    const burn = a.anomalies.filter((x) => x.kind === 'burn-rate');
    expect(burn).toHaveLength(1);
    expect(burn[0]!.percentOfCap!).toBeGreaterThan(6);
    expect(burn[0]!.reason).toMatch(/% of the 20\sGB cap\) in .* h between 14:00 and 16:00/);
    expect(a.anomalies.filter((x) => x.kind === 'spike')).toHaveLength(1);
  });

  it('leak sensitivity orders how much gets flagged', () => {
    const leakAt = T0 + 20 * DAY + 13 * HOUR;
    const perHour = (t: number) => wobble(t) + (t >= leakAt && t < leakAt + 4 * HOUR ? 120 * MB : 0);
    const r = readingsFor({ days: 28, perHour, captureHours: hourly(28), cap: 20 * GB });
    const count = (s: 'low' | 'normal' | 'high') => analyzeLine(r, { now, leakSensitivity: s }).anomalies.length;
    expect(count('low')).toBeLessThanOrEqual(count('normal'));
    expect(count('normal')).toBeLessThanOrEqual(count('high'));
    expect(count('high')).toBeGreaterThan(0);
  });
});
