import fc from 'fast-check';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Compare } from '@/components/Compare';
import { Overview } from '@/components/Overview';
import { badgeLinesOf, decideBadge } from '@/lib/alerts/badge';
import type { Anomaly, LineAnalysis } from '@/lib/analysis/types';
import { formatPercent, wholePercent } from '@/lib/format/percent';
import { compareRows } from '@/lib/status/compare';
import { LEVEL_RANK } from '@/lib/status/level';
import { lineStatuses } from '@/lib/status/line-status';
import type { StatusSource } from '@/lib/status/card';
import { plain, translator } from '../helpers/i18n';
import { analysis, anomaly, DAY, GB, H, line, NOW, reading } from '../alerts/states';

/**
 * The promise of lib/status: for the same lines and settings, the overview's cards, the toolbar
 * badge and the compare view state the same level, the same order and the same percentages.
 */

const THRESHOLDS = fc
  .uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 4 })
  .map((t) => [...t].sort((a, b) => a - b));

const LINE = fc.record({
  usedGb: fc.double({ min: 0, max: 40, noNaN: true }),
  totalGb: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
  capGb: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null, freq: 4 }),
  pending: fc.boolean(),
  anomaly: fc.option(fc.constantFrom<Anomaly['kind']>('spike', 'overnight', 'burn-rate'), { nil: null, freq: 3 }),
  anomalyAgeH: fc.integer({ min: 0, max: 72 }),
  runsOutInDays: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null, freq: 3 }),
  label: fc.constantFrom<string | null>('Work', 'Travel', 'Home', null),
});

type LineSpec = typeof LINE extends fc.Arbitrary<infer T> ? T : never;

function sourcesOf(specs: LineSpec[]): StatusSource[] {
  return specs.map((s, i) => {
    const id = i + 1;
    const extra: Partial<LineAnalysis> = {};
    if (s.anomaly) extra.anomalies = [anomaly(s.anomaly, NOW - s.anomalyAgeH * H)];
    if (s.runsOutInDays !== null) extra.projection = { status: 'runs-out', exhaustAt: NOW + s.runsOutInDays * DAY, exhaustRange: null, spareBytes: 0, expectedDailyBytes: GB };
    return {
      line: line(id, { pendingConfirmation: s.pending, capBytes: s.capGb === null ? null : s.capGb * GB, label: s.label === null ? null : `${s.label} ${id}` }),
      latest: [reading(id, s.usedGb, s.totalGb, { usedBytes: Math.round(s.usedGb * GB), generic: s.pending })],
      analysis: analysis(extra),
    };
  });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('card, badge and compare agree', () => {
  it('on level, order and percent for any lines and any thresholds', () => {
    const en = { i18n: translator('en'), timeZone: 'UTC' };
    fc.assert(
      fc.property(fc.array(LINE, { minLength: 1, maxLength: 8 }), THRESHOLDS, (specs, thresholds) => {
        const statuses = lineStatuses(sourcesOf(specs), { thresholds, now: NOW, carrierLabel: () => 'Movistar' });
        const cards = statuses.map((s) => s.card);
        // Worst first: a card never follows one of a lower level.
        for (let i = 1; i < cards.length; i++) expect(LEVEL_RANK[cards[i]!.level]).toBeLessThanOrEqual(LEVEL_RANK[cards[i - 1]!.level]);

        const counted = cards.filter((c) => !c.pending);
        const badge = decideBadge(badgeLinesOf(statuses, en), en);
        const first = counted[0];
        if (!first) {
          expect(badge.level).toBe('none');
          return;
        }
        expect(badge.level).toBe(first.level);
        if (badge.text !== '!' && first.percent !== null) expect(badge.text).toBe(`${Math.min(999, wholePercent(first.percent))}%`);
        // The title lists the counted lines in the cards' order.
        expect(badge.title.split('\n').slice(1).map((l) => l.split(':')[0])).toEqual(counted.map((c) => c.name));

        const rows = compareRows(cards, NOW);
        expect(rows.map((r) => r.lineId)).toEqual(cards.map((c) => c.lineId));
        for (const [i, row] of rows.entries()) {
          const card = cards[i]!;
          if (row.usedPercent !== null) expect(formatPercent(row.usedPercent)).toBe(formatPercent(card.percent!));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('on the percentages printed in the overview and in compare', () => {
    const specs = [0.3299, 0.9999, 0.655, 1.0001].map((share, i) => ({
      usedGb: share * 10, totalGb: 10, capGb: null, pending: false, anomaly: null, anomalyAgeH: 0, runsOutInDays: null, label: `L${i}`,
    }));
    const cards = lineStatuses(sourcesOf(specs), { thresholds: [50, 80, 90, 100], now: NOW, carrierLabel: () => 'Movistar' }).map((s) => s.card);
    for (const locale of ['en', 'fr'] as const) {
      const i18n = translator(locale);
      const overview = document.createElement('div');
      document.body.append(overview);
      render(
        <Overview i18n={i18n} cards={cards} tab={null} now={NOW} error={null} carriers={[]} carrierLabel={() => 'Movistar'} onCopySample={async () => false} onConfirm={() => {}} onDiscard={() => {}} />,
        overview,
      );
      const compare = document.createElement('div');
      document.body.append(compare);
      render(<Compare i18n={i18n} rows={compareRows(cards, NOW)} trails={new Map()} onBack={() => {}} onOpenLine={() => {}} />, compare);
      const onCards = [...overview.querySelectorAll('.line-card .percent')].map((e) => plain(e.textContent));
      const inCompare = [...compare.querySelectorAll('.compare-table tbody tr')].map((tr) => plain(tr.children[1]!.textContent));
      expect(onCards).toEqual(inCompare);
      // Rounded down everywhere: 32.99 % is 32 %, 99.99 % is not yet 100 %.
      expect(onCards.map((t) => t.replace(/\s/g, ''))).toEqual(['100%', '99%', '65%', '32%']);
    }
  });
});
