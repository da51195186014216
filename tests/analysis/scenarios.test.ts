import { describe, expect, it } from 'vitest';
import { analyzeLine, type AnalysisReading } from '../../lib/analysis';
import { atHours, collectNumbers, DAY, diurnal, GB, HOUR, hourly, MB, readingsFor, sumDaily, T0 } from './helpers';

const base = { days: 20, perHour: diurnal(500 * MB), cap: 20 * GB };

function sane(a: ReturnType<typeof analyzeLine>) {
  for (const n of collectNumbers(a)) expect(Number.isFinite(n)).toBe(true);
  for (const d of a.daily) expect(d.bytes).toBeGreaterThanOrEqual(0);
  for (const x of a.anomalies) expect(x.bytes).toBeGreaterThanOrEqual(0);
}

interface Case {
  name: string;
  readings: () => AnalysisReading[];
  options?: Partial<Parameters<typeof analyzeLine>[1]>;
  check: (a: ReturnType<typeof analyzeLine>, r: AnalysisReading[]) => void;
}

const now = T0 + 20 * DAY;

const cases: Case[] = [
  {
    name: 'dense hourly sampling: daily figures add up and follow the days',
    readings: () => readingsFor({ ...base, captureHours: hourly(20) }),
    check: (a, r) => {
      // The first reading's count has no known start, so it is not spread over any day.
      expect(sumDaily(a)).toBeCloseTo(r[r.length - 1]!.usedBytes! - r[0]!.usedBytes!, -4);
      expect(a.daily).toHaveLength(20);
      expect(a.daily[5]!.bytes / (500 * MB)).toBeCloseTo(1, 2);
      expect(a.hourly).not.toBeNull();
      expect(a.hourly![20]! / a.hourly![3]!).toBeGreaterThan(8);
      expect(a.anomalies).toEqual([]);
      // No cycle end is known, so the projection looks 31 days ahead: 20 GB - 20 x 500 MB left, at 500 MB a day.
      expect(a.cycle.end).toBeNull();
      expect(a.projection.status).toBe('runs-out');
      expect((a.projection.exhaustAt! - T0) / DAY).toBeCloseTo(20 + (20 * 1024 - 20 * 500) / 500, 1);
    },
  },
  {
    name: 'sparse sampling (twice a day): totals conserved, no hourly chart, night credited little',
    readings: () => readingsFor({ ...base, captureHours: atHours(20, [8.25, 21.5]) }),
    check: (a, r) => {
      expect(sumDaily(a)).toBeCloseTo(r[r.length - 1]!.usedBytes! - r[0]!.usedBytes!, -4);
      expect(a.hourly).toBeNull();
      const mid = a.daily[10]!.bytes / (500 * MB);
      expect(mid).toBeGreaterThan(0.8);
      expect(mid).toBeLessThan(1.25);
      expect(a.anomalies).toEqual([]);
    },
  },
  {
    name: 'cycle rollover: a reset is a new cycle, not negative use',
    readings: () => readingsFor({ ...base, days: 40, resetsAt: [30 * 24], captureHours: atHours(40, [9, 13, 22]) }),
    options: { now: T0 + 40 * DAY },
    check: (a) => {
      expect(a.cycle.startSource).toBe('reset');
      expect(Math.abs(a.cycle.start! - (T0 + 30 * DAY))).toBeLessThan(10 * HOUR);
      expect(a.usedBytes! / (500 * MB)).toBeGreaterThan(9);
      expect(a.usedBytes! / (500 * MB)).toBeLessThan(10.5);
      expect(a.cycle.end! - a.cycle.start!).toBeGreaterThan(27 * DAY);
      expect(a.anomalies).toEqual([]);
    },
  },
  {
    name: 'small downward correction is absorbed, not a reset',
    readings: () => {
      const r = readingsFor({ ...base, captureHours: atHours(20, [9, 21]) });
      r[20] = { ...r[20]!, usedBytes: Math.round(r[20]!.usedBytes! * 0.97) };
      return r;
    },
    check: (a, r) => {
      expect(a.cycle.startSource).not.toBe('reset');
      expect(a.usedBytes).toBe(r[r.length - 1]!.usedBytes);
      expect(sumDaily(a)).toBeCloseTo(r[r.length - 1]!.usedBytes! - r[0]!.usedBytes!, -4);
      expect(a.anomalies).toEqual([]);
    },
  },
  {
    name: 'top-up raises the total, is not usage',
    readings: () => readingsFor({ ...base, captureHours: atHours(20, [9, 21]) }).map((x, i) => ({ ...x, totalBytes: i >= 20 ? 30 * GB : 20 * GB })),
    check: (a) => {
      expect(a.totalBytes).toBe(30 * GB);
      expect(a.percentUsed!).toBeCloseTo((100 * a.usedBytes!) / (30 * GB), 6);
      expect(a.anomalies).toEqual([]);
    },
  },
  {
    name: 'unlimited plan',
    readings: () => readingsFor({ ...base, cap: null, captureHours: atHours(20, [9, 21]) }).map((x) => ({ ...x, unlimited: true })),
    check: (a) => {
      expect(a.projection.status).toBe('unlimited');
      expect(a.projection.exhaustAt).toBeNull();
      expect(a.pace).toBeNull();
      expect(a.daily.length).toBeGreaterThan(15);
    },
  },
  {
    name: 'duplicates and out-of-order readings give the same analysis',
    readings: () => {
      const r = readingsFor({ ...base, captureHours: atHours(20, [9, 15, 21]) });
      return [...r, ...r.slice(0, 30)].reverse();
    },
    check: (a) => {
      const clean = analyzeLine(readingsFor({ ...base, captureHours: atHours(20, [9, 15, 21]) }), { now });
      expect(a).toEqual(clean);
    },
  },
  {
    name: 'fewer than three readings: insufficient data',
    readings: () => readingsFor({ ...base, captureHours: [10, 30] }),
    check: (a) => {
      expect(a.projection).toMatchObject({ status: 'insufficient-data', exhaustAt: null });
    },
  },
  {
    name: 'no readings at all',
    readings: () => [],
    check: (a) => {
      expect(a).toMatchObject({ daily: [], anomalies: [], usedBytes: null, cycle: { start: null, end: null } });
      expect(a.projection.status).toBe('insufficient-data');
    },
  },
  {
    name: 'periodEnd from the page sets the cycle end',
    readings: () => readingsFor({ ...base, captureHours: atHours(20, [9, 21]) }).map((x) => ({ ...x, periodEnd: T0 + 31 * DAY })),
    check: (a) => {
      expect(a.cycle).toMatchObject({ end: T0 + 31 * DAY, endSource: 'page' });
      expect(a.dailyBudgetBytes!).toBeCloseTo((20 * GB - a.usedBytes!) / 11, -3);
      expect(a.pace).not.toBeNull();
    },
  },
  {
    name: 'cycleDay: cycle renews at local midnight of that day',
    readings: () => readingsFor({ ...base, days: 40, resetsAt: [11 * 24 + 15], captureHours: atHours(40, [10, 20]) }),
    options: { now: T0 + 40 * DAY, cycleDay: 13, timeZone: 'Asia/Tokyo' },
    check: (a) => {
      // 13 March 00:00 in Tokyo is 12 March 15:00 UTC; the next renewal is 13 April, Tokyo time.
      expect(a.cycle).toMatchObject({ start: Date.UTC(2024, 2, 12, 15), end: Date.UTC(2024, 3, 12, 15), startSource: 'cycle-day', endSource: 'cycle-day' });
      expect(a.usedBytes! / (500 * MB)).toBeGreaterThan(28);
    },
  },
  {
    name: 'heavy use: runs out before the cycle ends, with a range around the date',
    readings: () => readingsFor({ ...base, perHour: diurnal(1.2 * GB), captureHours: atHours(12, [8, 13, 22]) }).map((x) => ({ ...x, periodEnd: T0 + 30 * DAY })),
    options: { now: T0 + 12 * DAY },
    check: (a) => {
      expect(a.projection.status).toBe('runs-out');
      const days = (a.projection.exhaustAt! - T0) / DAY;
      expect(days).toBeGreaterThan(15.5);
      expect(days).toBeLessThan(18);
      expect(a.projection.exhaustRange!.earliest).toBeLessThanOrEqual(a.projection.exhaustAt!);
      expect(a.projection.exhaustRange!.latest ?? Infinity).toBeGreaterThanOrEqual(a.projection.exhaustAt!);
      expect(a.pace!).toBeGreaterThan(0);
    },
  },
  {
    name: 'light use: within cap with spare bytes at renewal',
    readings: () => readingsFor({ ...base, perHour: diurnal(300 * MB), captureHours: atHours(12, [8, 22]) }).map((x) => ({ ...x, periodEnd: T0 + 30 * DAY })),
    options: { now: T0 + 12 * DAY },
    check: (a) => {
      expect(a.projection.status).toBe('within-cap');
      expect(a.projection.spareBytes! / GB).toBeGreaterThan(10);
      expect(a.projection.spareBytes! / GB).toBeLessThan(12);
    },
  },
  {
    name: 'exhausted: used reaches the cap',
    readings: () => readingsFor({ ...base, perHour: diurnal(2 * GB), captureHours: atHours(12, [8, 20]) }).map((x) => ({ ...x, usedBytes: Math.min(x.usedBytes!, 20 * GB) })),
    options: { now: T0 + 12 * DAY },
    check: (a) => {
      expect(a.projection.status).toBe('exhausted');
      expect((a.projection.exhaustAt! - T0) / DAY).toBeGreaterThan(9);
      expect((a.projection.exhaustAt! - T0) / DAY).toBeLessThan(11);
      expect(a.dailyBudgetBytes ?? 0).toBe(0);
    },
  },
  {
    name: 'used derived from remaining and total',
    readings: () => readingsFor({ ...base, captureHours: atHours(20, [9, 21]) }).map((x) => ({ ...x, usedBytes: null, remainingBytes: 20 * GB - x.usedBytes! })),
    check: (a) => {
      const direct = analyzeLine(readingsFor({ ...base, captureHours: atHours(20, [9, 21]) }), { now });
      expect(a.usedBytes).toBe(direct.usedBytes);
      expect(a.projection.status).toBe(direct.projection.status);
    },
  },
  {
    name: 'a zero on a half-loaded page is a glitch, not a reset',
    readings: () => readingsFor({ ...base, captureHours: atHours(20, [9, 21]) }).map((x, i) => (i === 25 ? { ...x, usedBytes: 0 } : x)),
    check: (a) => {
      expect(a.cycle.startSource).not.toBe('reset');
      expect(a.anomalies).toEqual([]);
    },
  },
  {
    // 130 MB a day on a 512 MB weekly package: cut at the cap on day 4, renewed on day 7, and by
    // the next look (day 10) already back near last cycle's count. The low figure between was
    // the renewal, not a half-loaded page: the climb back took the line's own pace.
    name: 'a heavy user back near the old count days after a renewal: the fall was the renewal',
    readings: () => readingsFor({ days: 11, perHour: diurnal(130 * MB), cap: 512 * MB, resetsAt: [168], captureHours: [...atHours(7, [20]), 7 * 24 + 20, 10 * 24 + 20] })
      .map((x) => ({ ...x, usedBytes: Math.min(x.usedBytes!, 512 * MB) })),
    options: { now: T0 + 10 * DAY + 21 * HOUR },
    check: (a, r) => {
      expect(a.cycle.startSource).toBe('reset');
      expect(Math.abs(a.cycle.start! - (T0 + 7 * DAY)) / HOUR).toBeLessThan(24);
      expect(a.usedBytes).toBe(r[r.length - 1]!.usedBytes);
      expect(a.projection.status).toBe('runs-out');
    },
  },
  {
    name: 'stated cycle end passed with no reading since: new cycle, no figure yet, forecast from the usual pace',
    readings: () => readingsFor({ ...base, captureHours: atHours(20, [9, 21]) }).map((x) => ({ ...x, periodEnd: T0 + 20 * DAY })),
    options: { now: T0 + 22 * DAY },
    check: (a) => {
      expect(a.cycle.start).toBe(T0 + 20 * DAY);
      expect(a.projection).toMatchObject({ status: 'within-cap', renewedUnread: true });
      expect(a.usedBytes).toBeNull();
    },
  },
  {
    name: 'daily figures use the requested time zone',
    readings: () => readingsFor({ ...base, captureHours: hourly(20) }),
    options: { timeZone: 'America/New_York' },
    check: (a) => {
      expect(a.daily[0]!.day).toBe('2024-02-29');
      expect(a.daily.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.day))).toBe(true);
    },
  },
];

describe('a page stating when it counted its figure', () => {
  const r = readingsFor({ ...base, captureHours: atHours(20, [9, 21]) });
  const last = r[r.length - 1]!.capturedAt;
  const withLast = (countedAt: number) => r.map((x, i) => (i === r.length - 1 ? { ...x, countedAt } : x));
  it('places the figure at that time: the carrier counted it then', () => {
    expect(analyzeLine(withLast(last - 2 * HOUR - 60_000), { now, timeZone: 'Europe/Madrid' }).lastReadingAt).toBe(last - 2 * HOUR - 60_000);
  });
  it('a forecast date between the count and the look is "runs out now", not "probably used up": the page was just looked at', () => {
    // 3.5, 11 and 17 GB of 20 GB a minute apart, each counted 5 minutes before it was read.
    const t = T0 + 10 * DAY;
    const fast = [3.5, 11, 17].map((gb, i) => ({ capturedAt: t + i * 60_000, usedBytes: gb * GB, totalBytes: 20 * GB, periodEnd: T0 + 25 * DAY, countedAt: t + i * 60_000 - 5 * 60_000 }));
    const at = t + 2 * 60_000 + 1_000;
    const p = analyzeLine(fast, { now: at, timeZone: 'Europe/Madrid' }).projection;
    expect(p).toMatchObject({ status: 'runs-out', exhaustAt: at });
    expect(p.likelyUsedUp).toBeUndefined();
    // Not looked at since: the same figures a day later are probably used up.
    expect(analyzeLine(fast, { now: at + DAY, timeZone: 'Europe/Madrid' }).projection).toMatchObject({ status: 'exhausted', likelyUsedUp: true });
  });
  it.each([
    ['a bare date (local midnight): no time of day is known', T0 + 19 * DAY - HOUR],
    ['a time after the capture', last + HOUR],
    ['a time more than 3 days before the capture (a misread)', last - 4 * DAY],
  ])('keeps the capture time for %s', (_, countedAt) => {
    // Madrid is UTC+1 in March: its midnight of day 19 is 23:00 UTC the day before.
    expect(analyzeLine(withLast(countedAt), { now, timeZone: 'Europe/Madrid' }).lastReadingAt).toBe(last);
  });
});

describe('analyzeLine scenarios', () => {
  it.each(cases)('$name', ({ readings, options, check }) => {
    const r = readings();
    const a = analyzeLine(r, { now, ...options });
    sane(a);
    check(a, r);
  });
});
