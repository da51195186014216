import { describe, expect, it } from 'vitest';
import type { LineAnalysis } from '@/lib/analysis/types';
import type { LineRow, ReadingRow } from '@/lib/db/schema';
import { lineStatuses } from '@/lib/status/line-status';
import { warningsOf, WARNING_WINDOW_MS } from '@/lib/status/warnings';
import { DEFAULT_THRESHOLDS } from '@/lib/settings/defaults';

const GB = 1024 ** 3;
const NOW = Date.UTC(2026, 10, 20, 12);
const H = 3_600_000;

const line = (id: number, overrides: Partial<LineRow> = {}): LineRow => ({
  id, carrierId: 'movistar-es', lineKey: `movistar-es:00${id}`, lineDigits: `00${id}0`, planName: null, label: null,
  color: null, hidden: false, pendingConfirmation: false, createdAt: 0, ...overrides,
});
const reading = (lineId: number, usedGb: number, totalGb: number | null, overrides: Partial<ReadingRow> = {}): ReadingRow => ({
  id: lineId, lineId, bucket: 'data', capturedAt: NOW - H, confirmedAt: NOW - H, usedBytes: usedGb * GB,
  totalBytes: totalGb === null ? null : totalGb * GB, unlimited: totalGb === null, remainingBytes: null, periodEnd: null,
  pageSaysUpdatedAt: null, overage: false, source: 'page', generic: false, ...overrides,
});
const analysis = (overrides: Partial<LineAnalysis> = {}): LineAnalysis => ({
  cycle: { start: NOW - 10 * 24 * H, end: NOW + 20 * 24 * H, startSource: 'page', endSource: 'page' },
  daily: [],
  projection: { status: 'within-cap', exhaustAt: null, exhaustRange: null, spareBytes: 2 * GB, expectedDailyBytes: 0.3 * GB },
  anomalies: [],
  usedBytes: null, totalBytes: 20 * GB, percentUsed: null, pace: -5, dailyBudgetBytes: 0.5 * GB, hourly: null, lastReadingAt: NOW - H,
  ...overrides,
});
const overnight = (end: number) => ({
  kind: 'overnight' as const, start: end - 4 * H, end, bytes: 1.2 * GB, excessBytes: 1.1 * GB, ratePerHour: 0.3 * GB,
  baselinePerHour: 0.01 * GB, percentOfCap: 6, reason: '1.2 GB between 01:00 and 05:00',
});

const FIGURES = { percent: 40, usedBytes: 8 * GB, totalBytes: 20 * GB, unlimited: false, readAt: NOW - H };
const OPTIONS: { thresholds: readonly number[]; now: number; carrierLabel: () => string } = { thresholds: DEFAULT_THRESHOLDS, now: NOW, carrierLabel: () => 'Movistar' };
const toCardModels = (sources: Parameters<typeof lineStatuses>[0], options = OPTIONS) => lineStatuses(sources, options).map((s) => s.card);

describe('card warnings', () => {
  it('shows recent unusual use and a projected overrun, and forgets old anomalies', () => {
    const a = analysis({
      anomalies: [overnight(NOW - 3 * H), overnight(NOW - WARNING_WINDOW_MS - H)],
      projection: { status: 'runs-out', exhaustAt: NOW + 5 * 24 * H, exhaustRange: null, spareBytes: 0, expectedDailyBytes: GB },
    });
    expect(warningsOf(a, NOW, FIGURES).map((w) => w.kind)).toEqual(['overnight', 'overrun']);
  });

  it('does not call a run-out after renewal an overrun', () => {
    const a = analysis({ projection: { status: 'runs-out', exhaustAt: NOW + 30 * 24 * H, exhaustRange: null, spareBytes: 0, expectedDailyBytes: GB } });
    expect(warningsOf(a, NOW, FIGURES)).toEqual([]);
  });
});

describe('line statuses', () => {
  it('orders lines worst first: level (raised by warnings), then unusual use, then fullest; unlimited last', () => {
    const cards = toCardModels(
      [
        { line: line(1), latest: [reading(1, 18, 20)], analysis: analysis() },
        { line: line(2), latest: [reading(2, 2, 20)], analysis: analysis({ anomalies: [overnight(NOW - H)] }) },
        { line: line(3), latest: [reading(3, 50, null)], analysis: analysis() },
        { line: line(4), latest: [reading(4, 5, 20)], analysis: analysis({ projection: { status: 'runs-out', exhaustAt: NOW + 2 * 24 * H, exhaustRange: null, spareBytes: 0, expectedDailyBytes: GB } }) },
      ],
    );
    // 90 % and a leak are both red; the leak leads. A run-out before renewal is amber.
    expect(cards.map((c) => [c.lineId, c.level])).toEqual([[2, 'danger'], [1, 'danger'], [4, 'warning'], [3, 'ok']]);
    expect(cards[0]!.outlook).toMatchObject({ status: 'within-cap', pace: -5, dailyBudgetBytes: 0.5 * GB });
  });

  it('applies the user’s own cap over the page’s', () => {
    const [card] = toCardModels([{ line: line(1, { capBytes: 10 * GB }), latest: [reading(1, 5, 20)], analysis: null }]);
    expect(card).toMatchObject({ totalBytes: 10 * GB, percent: 50 });
  });

  it('colours a line by the user’s thresholds, not the defaults', () => {
    const sources = [{ line: line(1), latest: [reading(1, 7, 20)], analysis: analysis() }];
    expect(toCardModels(sources)[0]).toMatchObject({ usageLevel: 'ok', level: 'ok' });
    expect(toCardModels(sources, { ...OPTIONS, thresholds: [20, 30, 60, 100] })[0]).toMatchObject({ usageLevel: 'warning', level: 'warning' });
  });

  it('puts a line over its cap first, red, with a used-up warning', () => {
    const cards = toCardModels([
      { line: line(1), latest: [reading(1, 15, 20)], analysis: analysis() },
      { line: line(2), latest: [reading(2, 20.2, 20)], analysis: analysis({ projection: { status: 'exhausted', exhaustAt: null, exhaustRange: null, spareBytes: 0, expectedDailyBytes: GB } }) },
    ]);
    expect(cards[0]).toMatchObject({ lineId: 2, level: 'over' });
    expect(cards[0]!.warnings.map((w) => w.kind)).toEqual(['used-up']);
    // With a last threshold above 100 %, a used-up cap is still red.
    const lenient = toCardModels([{ line: line(2), latest: [reading(2, 20.2, 20)], analysis: analysis() }], { ...OPTIONS, thresholds: [50, 80, 95, 150] });
    expect(lenient[0]!.level).toBe('danger');
  });

  it('raises no alarm for figures the user has not confirmed yet', () => {
    const [card] = toCardModels([{ line: line(1, { pendingConfirmation: true }), latest: [reading(1, 19, 20, { generic: true })], analysis: analysis() }]);
    expect(card).toMatchObject({ pending: true, level: 'none', usageLevel: 'danger' });
  });
});
