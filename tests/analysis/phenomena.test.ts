import { describe, expect, it } from 'vitest';
import { analyzeLine, type AnalysisReading } from '../../lib/analysis';
import { atHours, DAY, diurnal, GB, HOUR, hourly, MB, readingsFor, T0 } from './helpers';

// One test per phenomenon the synthetic report scores in bulk (see DETECTION.md).

const household = diurnal(600 * MB);
const wobble = (t: number) => household(t) * (0.7 + (0.6 * ((Math.floor(t / DAY) * 7919) % 10)) / 10);

describe('phenomena', () => {
  it('a mid-cycle fall from 17.9 GB to 7.2 GB is no overnight or fast use (the README demo)', () => {
    const r = readingsFor({ days: 20, perHour: diurnal(0.9 * GB), captureHours: atHours(20, [8, 13, 22]), cap: 20 * GB })
      .map((x) => ({ ...x, periodEnd: T0 + 30 * DAY }));
    const last = r[r.length - 1]!;
    expect(last.usedBytes! / GB).toBeGreaterThan(17);
    const now = last.capturedAt + 10 * HOUR;
    const a = analyzeLine([...r, { capturedAt: now - HOUR, usedBytes: 7.2 * GB, totalBytes: 20 * GB, periodEnd: T0 + 30 * DAY }], { now });
    expect(a.anomalies).toEqual([]);
    expect(a.usedBytes).toBe(7.2 * GB);
    // The pace ahead is still the line's own: about 0.9 GB a day for the 10 days left.
    expect(a.projection.status).toBe('within-cap');
    expect(a.projection.expectedDailyBytes! / GB).toBeGreaterThan(0.6);
  });

  it('a forecast date that passed without a reading is "probably used up", not a past date', () => {
    const r = readingsFor({ days: 8, perHour: diurnal(1 * GB), captureHours: atHours(8, [9, 21]), cap: 10 * GB })
      .map((x) => ({ ...x, periodEnd: T0 + 30 * DAY }));
    const read = analyzeLine(r, { now: T0 + 8 * DAY });
    expect(read.projection.status).toBe('runs-out');
    const due = read.projection.exhaustAt!;
    const later = analyzeLine(r, { now: due + 3 * DAY });
    expect(later.projection).toMatchObject({ status: 'exhausted', likelyUsedUp: true, spareBytes: 0 });
    expect(later.projection.exhaustAt).toBe(due);
    expect(read.projection.likelyUsedUp).toBeUndefined();
  });

  it('a cached page then a catch-up jump on an hourly line is spread, not a spike', () => {
    const r = readingsFor({ days: 28, perHour: wobble, captureHours: hourly(28), cap: 20 * GB });
    // The page served the 20 March 08:00 figure for 20 hours, then caught up.
    const from = 19 * 24 + 8;
    const stale = r.map((x, i) => (i >= from && i < from + 20 ? { ...x, usedBytes: r[from - 1]!.usedBytes } : x));
    expect(analyzeLine(stale, { now: T0 + 28 * DAY }).anomalies).toEqual([]);
  });

  it('a heavy user on a small plan gets no burn-rate warnings for ordinary use', () => {
    // 1 GB for 7 days at about 240 MB a day: fast for the cap, ordinary for this line.
    const week = 7 * DAY;
    const perHour = diurnal(240 * MB);
    const readings: AnalysisReading[] = [];
    for (let c = 0; c < 4; c++) {
      const cycle = readingsFor({ days: 7, start: T0 + c * week, perHour: (t) => perHour(t) * (0.8 + 0.4 * ((c * 7 + Math.floor(t / DAY)) % 3) / 2), captureHours: hourly(7), cap: GB });
      readings.push(...cycle.map((x) => ({ ...x, usedBytes: Math.min(GB, x.usedBytes!), periodEnd: T0 + (c + 1) * week })));
    }
    const a = analyzeLine(readings, { now: T0 + 4 * week - HOUR });
    expect(a.anomalies.filter((x) => x.kind === 'burn-rate')).toEqual([]);
  });

  it('a slow drain adding the line\'s mean for five days is flagged as one slow drain', () => {
    const at = T0 + 20 * DAY;
    const perHour = (t: number) => wobble(t) + (t >= at && t < at + 5 * DAY ? 600 * MB / 24 : 0);
    const a = analyzeLine(readingsFor({ days: 34, perHour, captureHours: atHours(34, [8, 19]), cap: 30 * GB }), { now: T0 + 34 * DAY });
    const drain = a.anomalies.filter((x) => x.start < at + 5 * DAY && x.end > at);
    expect(drain.length).toBeGreaterThan(0);
    expect(drain.some((x) => x.slowDrain === true)).toBe(true);
    expect(a.anomalies.filter((x) => x.end < at || x.start > at + 5 * DAY)).toEqual([]);
  });

  it('a lasting rise of 50 % is a new habit: not flagged, and the projection adopts it', () => {
    const at = T0 + 20 * DAY;
    const perHour = (t: number) => wobble(t) * (t >= at ? 1.5 : 1);
    const r = readingsFor({ days: 40, perHour, captureHours: atHours(40, [8, 19]), cap: 30 * GB });
    const a = analyzeLine(r, { now: T0 + 40 * DAY });
    expect(a.anomalies).toEqual([]);
    expect(a.projection.expectedDailyBytes! / (600 * MB)).toBeGreaterThan(1.3);
  });
});
