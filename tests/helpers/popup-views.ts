import type { LineAnalysis } from '@/lib/analysis/types';
import type { LineRow, ReadingRow } from '@/lib/db/schema';
import type { DayCalendar } from '@/lib/detail/chart-data';
import type { LineCardModel } from '@/lib/status/card';

export const GB = 1024 ** 3;
export const H = 3_600_000;
export const DAY = 24 * H;
export const NOW = Date.UTC(2026, 10, 20, 12);

/** Days in UTC, so the tests do not depend on the machine's time zone. */
export const UTC_DAYS: DayCalendar = {
  keyOf: (t) => new Date(t).toISOString().slice(0, 10),
  noonOf: (key) => Date.parse(`${key}T12:00:00Z`),
};

export const lineRow = (id: number, overrides: Partial<LineRow> = {}): LineRow => ({
  id, carrierId: 'movistar-es', lineKey: `movistar-es:00${id}0`, lineDigits: `00${id}0`, planName: null, label: null,
  color: null, hidden: false, pendingConfirmation: false, createdAt: 0, ...overrides,
});

let nextId = 1;
export const readingRow = (lineId: number, capturedAt: number, usedGb: number, totalGb: number | null = 20, overrides: Partial<ReadingRow> = {}): ReadingRow => ({
  id: nextId++, lineId, bucket: 'data', capturedAt, confirmedAt: capturedAt, usedBytes: Math.round(usedGb * GB),
  totalBytes: totalGb === null ? null : totalGb * GB, unlimited: totalGb === null, remainingBytes: null, periodEnd: null,
  pageSaysUpdatedAt: null, overage: false, source: 'page', generic: false, ...overrides,
});

export const analysisOf = (overrides: Partial<LineAnalysis> = {}): LineAnalysis => ({
  cycle: { start: NOW - 10 * DAY, end: NOW + 20 * DAY, startSource: 'page', endSource: 'page' },
  daily: [],
  projection: { status: 'within-cap', exhaustAt: null, exhaustRange: null, spareBytes: 4 * GB, expectedDailyBytes: 0.3 * GB },
  anomalies: [],
  usedBytes: 6 * GB, totalBytes: 20 * GB, percentUsed: 30, pace: -3.3, dailyBudgetBytes: 0.7 * GB, hourly: null, lastReadingAt: NOW - H,
  ...overrides,
});

export const cardOf = (overrides: Partial<LineCardModel> = {}): LineCardModel => ({
  lineId: 1, carrierId: 'movistar-es', carrierLabel: 'Movistar', name: 'Movistar ••12', color: null, bucket: 'data',
  usedBytes: 6 * GB, totalBytes: 20 * GB, unlimited: false, percent: 30, level: 'ok', usageLevel: 'ok', readAt: NOW - H, extras: [],
  generic: false, pending: false, warnings: [],
  outlook: {
    status: 'within-cap', exhaustAt: null, exhaustEarliest: null, exhaustLatest: null, cycleStart: NOW - 10 * DAY, cycleEnd: NOW + 20 * DAY,
    cycleEndSource: 'page', spareBytes: 4 * GB, pace: -3.3, dailyBudgetBytes: 0.7 * GB,
  },
  ...overrides,
});
