import { describe, expect, it } from 'vitest';
import { busiestHours, cycleTrail, dailyFromReadings, projectionEnd, rangeStart, recentReadings, trendFacts, trendSeries } from '@/lib/detail/chart-data';
import { analysisOf, DAY, GB, H, lineRow, NOW, readingRow, UTC_DAYS } from '../helpers/popup-views';

const day = (offset: number) => UTC_DAYS.keyOf(NOW + offset * DAY);
const noonS = (offset: number) => UTC_DAYS.noonOf(day(offset)) / 1000;

/** Four days of readings (−3 … 0) at 08:00 and 20:00, 0.5 GB a day, on a 20 GB cap. */
function fourDays() {
  const readings = [];
  for (let d = -3; d <= 0; d++) {
    const base = Date.parse(`${day(d)}T00:00:00Z`);
    readings.push(readingRow(1, base + 8 * H, 4 + (d + 3) * 0.5), readingRow(1, base + 11 * H, 4.25 + (d + 3) * 0.5));
  }
  return readings;
}
const daily = [-3, -2, -1, 0].map((d) => ({ day: day(d), bytes: 0.5 * GB }));

describe('trend series', () => {
  it('has one slot per day, bars from the daily figures and the cumulative line from the readings', () => {
    const analysis = analysisOf({ projection: { status: 'insufficient-data', exhaustAt: null, exhaustRange: null, spareBytes: null, expectedDailyBytes: null } });
    const s = trendSeries({ line: lineRow(1), readings: fourDays(), daily, analysis, from: NOW - 30 * DAY, calendar: UTC_DAYS });
    expect(s.x).toEqual([-3, -2, -1, 0].map(noonS));
    expect(s.daily).toEqual([0.5 * GB, 0.5 * GB, 0.5 * GB, 0.5 * GB]);
    // The day's last reading
    expect(s.cumulative).toEqual([4.25, 4.75, 5.25, 5.75].map((g) => g * GB));
    expect(s.cap).toEqual([20 * GB, 20 * GB, 20 * GB, 20 * GB]);
    expect(s.projection.every((v) => v === null)).toBe(true);
    expect(s.anomalies.every((v) => v === null)).toBe(true);
    // uPlot wants every series as long as x
    for (const series of [s.daily, s.cumulative, s.cap, s.projection, s.anomalies]) expect(series).toHaveLength(s.x.length);
  });

  it('dashes the projection from the last reading to the cap on the day it runs out, and carries the cap there', () => {
    const analysis = analysisOf({
      usedBytes: 5.75 * GB,
      lastReadingAt: Date.parse(`${day(0)}T11:00:00Z`),
      projection: { status: 'runs-out', exhaustAt: NOW + 5 * DAY, exhaustRange: { earliest: NOW + 4 * DAY, latest: null }, spareBytes: 0, expectedDailyBytes: 3 * GB },
    });
    const s = trendSeries({ line: lineRow(1), readings: fourDays(), daily, analysis, from: NOW - 30 * DAY, calendar: UTC_DAYS });
    expect(s.x).toHaveLength(9);
    expect(s.x.at(-1)).toBe(noonS(5));
    expect(s.projection[3]).toBe(5.75 * GB);
    expect(s.projection[8]).toBe(20 * GB);
    expect(s.projection.filter((v) => v !== null)).toHaveLength(2);
    expect(s.cap.slice(4)).toEqual([20 * GB, 20 * GB, 20 * GB, 20 * GB, 20 * GB]);
    expect(s.daily.slice(4).every((v) => v === null)).toBe(true);
    expect(s.cumulative.slice(4).every((v) => v === null)).toBe(true);
  });

  it('ends a projection that lasts at renewal, at the expected use', () => {
    const analysis = analysisOf({ usedBytes: 6 * GB, totalBytes: 20 * GB, lastReadingAt: NOW, cycle: { start: NOW - 10 * DAY, end: NOW + 3 * DAY, startSource: 'page', endSource: 'page' } });
    expect(projectionEnd(analysis)).toEqual({ at: NOW + 3 * DAY, bytes: 16 * GB });
    const s = trendSeries({ line: lineRow(1), readings: fourDays(), daily, analysis, from: NOW - 30 * DAY, calendar: UTC_DAYS });
    expect(s.projection.at(-1)).toBe(16 * GB);
  });

  it('marks unusual use on its day at the bar’s height, and only inside the range', () => {
    const anomaly = (start: number) => ({
      kind: 'overnight' as const, start, end: start + 3 * H, bytes: 0.4 * GB, excessBytes: 0.35 * GB, ratePerHour: 0.1 * GB,
      baselinePerHour: 0.01 * GB, percentOfCap: 2, reason: '',
    });
    const analysis = analysisOf({ anomalies: [anomaly(Date.parse(`${day(-2)}T02:00:00Z`)), anomaly(NOW - 40 * DAY)] });
    const s = trendSeries({ line: lineRow(1), readings: fourDays(), daily, analysis, from: NOW - 30 * DAY, calendar: UTC_DAYS });
    expect(s.anomalies).toEqual([null, 0.5 * GB, null, null, ...s.anomalies.slice(4).map(() => null)]);
    expect(s.marked).toHaveLength(1);
    expect(trendFacts(s).anomalies).toBe(1);
  });

  it('uses the user’s own cap over the page’s, and leaves gaps on days without readings', () => {
    const readings = [readingRow(1, NOW - 5 * DAY, 2), readingRow(1, NOW - 2 * DAY, 3)];
    const analysis = analysisOf({ projection: { status: 'insufficient-data', exhaustAt: null, exhaustRange: null, spareBytes: null, expectedDailyBytes: null } });
    const s = trendSeries({ line: lineRow(1, { capBytes: 10 * GB }), readings, daily: [], analysis, from: NOW - 30 * DAY, calendar: UTC_DAYS });
    expect(s.x).toHaveLength(4);
    expect(s.cumulative).toEqual([2 * GB, null, null, 3 * GB]);
    expect(s.cap).toEqual([10 * GB, 10 * GB, 10 * GB, 10 * GB]);
  });

  it('cuts to the range', () => {
    const analysis = analysisOf();
    expect(rangeStart('cycle', analysis, NOW)).toBe(NOW - 10 * DAY);
    expect(rangeStart('90d', analysis, NOW)).toBe(NOW - 90 * DAY);
    expect(rangeStart('year', analysis, NOW)).toBe(NOW - 365 * DAY);
    const s = trendSeries({ line: lineRow(1), readings: fourDays(), daily, analysis: analysisOf({ lastReadingAt: null }), from: NOW - 1.5 * DAY, calendar: UTC_DAYS });
    expect(s.x).toEqual([noonS(-1), noonS(0)]);
  });

  it('states the figures the caption speaks of', () => {
    const s = trendSeries({ line: lineRow(1), readings: fourDays(), daily: [...daily.slice(0, 3), { day: day(0), bytes: 2 * GB }], analysis: analysisOf({ lastReadingAt: null }), from: NOW - 30 * DAY, calendar: UTC_DAYS });
    expect(trendFacts(s)).toEqual({ days: 4, averagePerDay: (3.5 * GB) / 4, peak: { at: noonS(0) * 1000, bytes: 2 * GB }, anomalies: 0 });
  });
});

describe('daily use from the readings (older than the analysis window)', () => {
  it('shares each increase out over the days it spans, and counts a reset as the new figure', () => {
    const at = (d: number, h: number) => Date.parse(`${day(d)}T00:00:00Z`) + h * H;
    const readings = [
      readingRow(1, at(-3, 18), 1), // 1 GB
      readingRow(1, at(-2, 6), 2), // +1 GB over 12 h: half on day −3, half on day −2
      readingRow(1, at(-2, 20), 2.5), // +0.5 on day −2
      readingRow(1, at(-1, 10), 0.25), // reset: 0.25 GB since, over 14 h (4 h of day −2, 10 h of day −1)
    ];
    const out = dailyFromReadings(readings, lineRow(1), UTC_DAYS);
    expect(out.map((d) => d.day)).toEqual([day(-3), day(-2), day(-1)]);
    expect(out[0]!.bytes).toBeCloseTo(0.5 * GB, -1);
    expect(out[1]!.bytes).toBeCloseTo((0.5 + 0.5 + (0.25 * 4) / 14) * GB, -1);
    expect(out[2]!.bytes).toBeCloseTo(((0.25 * 10) / 14) * GB, -1);
  });
  it('spreads a long gap evenly and ignores readings without a figure', () => {
    const readings = [readingRow(1, NOW - 4 * DAY, 1), readingRow(1, NOW - 3 * DAY, 9, 20, { usedBytes: null }), readingRow(1, NOW, 5)];
    const out = dailyFromReadings(readings, lineRow(1), UTC_DAYS);
    expect(out).toHaveLength(5);
    expect(out.reduce((a, d) => a + d.bytes, 0)).toBeCloseTo(4 * GB, -1);
    expect(out[1]!.bytes).toBeCloseTo(GB, -1);
  });
});

describe('the rest of the detail', () => {
  it('finds the busiest three hours, across midnight too', () => {
    const hourly = Array.from({ length: 24 }, (_, h) => (h >= 20 && h <= 22 ? 100 : 1));
    expect(busiestHours(hourly)).toEqual({ from: 20, to: 23 });
    const late = Array.from({ length: 24 }, (_, h) => (h === 23 || h <= 1 ? 100 : 1));
    expect(busiestHours(late)).toEqual({ from: 23, to: 2 });
    expect(busiestHours(new Array(24).fill(0))).toBeNull();
  });

  it('lists the newest readings first', () => {
    const readings = fourDays();
    expect(recentReadings(readings, 3).map((r) => r.id)).toEqual([readings[7]!.id, readings[6]!.id, readings[5]!.id]);
  });

  it('draws a cycle’s trail in % of cycle gone and % of cap used, thinned to a few points', () => {
    const cycle = { start: NOW - 10 * DAY, end: NOW + 20 * DAY };
    const readings = Array.from({ length: 240 }, (_, k) => readingRow(1, cycle.start + k * H, k * 0.025));
    const trail = cycleTrail([readingRow(1, cycle.start - DAY, 19), ...readings], lineRow(1), cycle, 48);
    expect(trail).toHaveLength(48);
    expect(trail[0]).toEqual({ x: 0, y: 0 });
    expect(trail.at(-1)!.x).toBeCloseTo((100 * 239 * H) / (30 * DAY), 6);
    expect(trail.at(-1)!.y).toBeCloseTo((100 * 239 * 0.025) / 20, 6);
    expect(cycleTrail(readings, lineRow(1), { start: NOW, end: NOW })).toEqual([]);
  });
});
