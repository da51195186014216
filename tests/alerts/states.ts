import type { Anomaly, LineAnalysis } from '@/lib/analysis/types';
import { decideAlerts as decideFromStatuses, type AlertContext, type NewAlert, type SentAlert } from '@/lib/alerts/decide';
import type { StatusSource } from '@/lib/status/card';
import { lineStatuses } from '@/lib/status/line-status';
import type { LineRow, ReadingRow } from '@/lib/db/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { translator } from '../helpers/i18n';

export const GB = 1024 ** 3;
export const H = 3_600_000;
export const DAY = 24 * H;
/** Friday 20 Nov 2026, 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 20, 12);
export const CYCLE_START = Date.UTC(2026, 10, 8);
export const CYCLE_END = Date.UTC(2026, 11, 8);

export const line = (id: number, overrides: Partial<LineRow> = {}): LineRow => ({
  id, carrierId: 'movistar-es', lineKey: `movistar-es:00${id}`, lineDigits: `00${id}0`, planName: null, label: null,
  color: null, hidden: false, pendingConfirmation: false, createdAt: 0, ...overrides,
});

export const reading = (lineId: number, usedGb: number, totalGb: number | null, overrides: Partial<ReadingRow> = {}): ReadingRow => ({
  id: lineId, lineId, bucket: 'data', capturedAt: NOW - H, confirmedAt: NOW - H, usedBytes: usedGb * GB,
  totalBytes: totalGb === null ? null : totalGb * GB, unlimited: totalGb === null, remainingBytes: null, periodEnd: null,
  pageSaysUpdatedAt: null, overage: false, source: 'page', generic: false, ...overrides,
});

export const analysis = (overrides: Partial<LineAnalysis> = {}): LineAnalysis => ({
  cycle: { start: CYCLE_START, end: CYCLE_END, startSource: 'inferred', endSource: 'inferred' },
  daily: [],
  projection: { status: 'within-cap', exhaustAt: null, exhaustRange: null, spareBytes: 2 * GB, expectedDailyBytes: 0.3 * GB },
  anomalies: [],
  usedBytes: null, totalBytes: 20 * GB, percentUsed: null, pace: -5, dailyBudgetBytes: 0.5 * GB, hourly: null, lastReadingAt: NOW - H,
  ...overrides,
});

export const anomaly = (kind: Anomaly['kind'], end: number, overrides: Partial<Anomaly> = {}): Anomaly => ({
  kind, start: end - 4 * H, end, bytes: 1.2 * GB, excessBytes: 1.1 * GB, ratePerHour: 0.3 * GB,
  baselinePerHour: 0.01 * GB, percentOfCap: 6, reason: `1.2 GB ${kind} between 01:00 and 05:00`, ...overrides,
});

export const runsOut = (exhaustAt: number): Partial<LineAnalysis> => ({
  projection: { status: 'runs-out', exhaustAt, exhaustRange: null, spareBytes: 0, expectedDailyBytes: GB },
});

/**
 * Runs out at `exhaustAt` at this pace, a day earlier at a busier one, and at the slower pace by
 * `latest` (null: never): a close call when that is the cycle's end or later.
 */
export const runsOutWithin = (exhaustAt: number, latest: number | null): Partial<LineAnalysis> => ({
  projection: { status: 'runs-out', exhaustAt, exhaustRange: { earliest: exhaustAt - DAY, latest }, spareBytes: 0, expectedDailyBytes: GB },
});

/** A line at `usedGb` of `totalGb` with a hand-made analysis (the decisions are what is tested). */
export function source(id: number, usedGb: number, totalGb: number | null, a: Partial<LineAnalysis> = {}, l: Partial<LineRow> = {}, r: Partial<ReadingRow> = {}): StatusSource {
  return { line: line(id, l), latest: [reading(id, usedGb, totalGb, r)], analysis: analysis(a) };
}

export function context(overrides: Omit<Partial<AlertContext>, 'settings'> & { settings?: Partial<AlertContext['settings']> } = {}): AlertContext {
  return {
    now: NOW,
    timeZone: 'UTC',
    i18n: translator('en'),
    ...overrides,
    settings: { ...DEFAULT_SETTINGS, ...overrides.settings },
  };
}

/** What the background would have stored after applying `add`: ids given, shown at `shownAt`. */
export function stored(add: readonly NewAlert[], existing: readonly SentAlert[] = [], shownAt: number | null = NOW): SentAlert[] {
  let id = Math.max(0, ...existing.map((r) => r.id));
  return [...existing, ...add.map((a) => ({ ...a, id: ++id, shownAt: a.heldUntil === null ? shownAt : null }))];
}

/** The lines' statuses as the background decides them for this moment and these settings. */
export function statusesAt(sources: readonly StatusSource[], ctx: Pick<AlertContext, 'now' | 'settings'>) {
  return lineStatuses(sources, { thresholds: ctx.settings.thresholds, now: ctx.now, carrierLabel: () => 'Movistar' });
}

/**
 * decideAlerts as the background runs it: statuses decided at the same moment, with the same
 * settings. The background raises them most urgent line first; these tests name lines by number,
 * so the rows come back in line order.
 */
export function decideAlerts(sources: readonly StatusSource[], sent: readonly SentAlert[], ctx: AlertContext) {
  const decision = decideFromStatuses(statusesAt(sources, ctx), sent, ctx);
  return { ...decision, add: [...decision.add].sort((a, b) => a.lineId - b.lineId) };
}
