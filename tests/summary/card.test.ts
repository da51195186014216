import { describe, expect, it } from 'vitest';
import type { LineAnalysis } from '@/lib/analysis/types';
import type { LineRow, ReadingRow } from '@/lib/db/schema';
import { toCardModels, warningsOf, WARNING_WINDOW_MS } from '@/lib/summary/card';

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

describe('card warnings', () => {
  it('shows recent unusual use and a projected overrun, and forgets old anomalies', () => {
    const a = analysis({
      anomalies: [overnight(NOW - 3 * H), overnight(NOW - WARNING_WINDOW_MS - H)],
      projection: { status: 'runs-out', exhaustAt: NOW + 5 * 24 * H, exhaustRange: null, spareBytes: 0, expectedDailyBytes: GB },
    });
    expect(warningsOf(a, NOW).map((w) => w.kind)).toEqual(['overnight', 'overrun']);
  });

  it('does not call a run-out after renewal an overrun', () => {
    const a = analysis({ projection: { status: 'runs-out', exhaustAt: NOW + 30 * 24 * H, exhaustRange: null, spareBytes: 0, expectedDailyBytes: GB } });
    expect(warningsOf(a, NOW)).toEqual([]);
  });
});

describe('toCardModels', () => {
  it('orders lines worst first: warnings, then projected overrun, then fullest; unlimited last', () => {
    const cards = toCardModels(
      [
        { line: line(1), latest: [reading(1, 18, 20)], analysis: analysis() },
        { line: line(2), latest: [reading(2, 2, 20)], analysis: analysis({ anomalies: [overnight(NOW - H)] }) },
        { line: line(3), latest: [reading(3, 50, null)], analysis: analysis() },
        { line: line(4), latest: [reading(4, 5, 20)], analysis: analysis({ projection: { status: 'runs-out', exhaustAt: NOW + 2 * 24 * H, exhaustRange: null, spareBytes: 0, expectedDailyBytes: GB } }) },
      ],
      () => 'Movistar',
      NOW,
    );
    expect(cards.map((c) => c.lineId)).toEqual([2, 4, 1, 3]);
    expect(cards[0]!.outlook).toMatchObject({ status: 'within-cap', pace: -5, dailyBudgetBytes: 0.5 * GB });
  });

  it('applies the user’s own cap over the page’s', () => {
    const [card] = toCardModels([{ line: line(1, { capBytes: 10 * GB }), latest: [reading(1, 5, 20)], analysis: null }], () => 'Movistar', NOW);
    expect(card).toMatchObject({ totalBytes: 10 * GB, percent: 50 });
  });
});
