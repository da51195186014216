import { formatBytes } from '@/lib/format/bytes';
import { formatPercent } from '@/lib/format/percent';
import type { Translator } from '@/lib/i18n/translator';
import { adviseLine, type AdviceContext, type CompareRow } from '@/lib/status/compare';
import { describeOutlook, describePaceColumn } from '@/lib/wording/card';
import { lineDisplayName } from '@/lib/wording/names';
import { CompareChart, type Trail } from './CompareChart';
import { ViewHeader } from './ViewHeader';

export interface CompareProps {
  i18n: Translator;
  rows: readonly CompareRow[];
  /** Each line's path through its current cycle, once loaded (the points show before). */
  trails: ReadonlyMap<number, Trail>;
  onBack: () => void;
  onOpenLine: (lineId: number) => void;
  /** Where the user seems to be (the active tab's lines) and each carrier's country: advice never means roaming. */
  advice?: AdviceContext;
}


/** All lines side by side: where each stands in its cycle, and which one to spend first. */
export function Compare({ i18n, rows, trails, onBack, onOpenLine, advice: context }: CompareProps) {
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, i18n.locale));
  const advice = adviseLine(rows, context);
  const best = advice?.kind === 'use' ? advice : null;
  const nameOf = (lineId: number | undefined, fallback = '') => {
    const row = rows.find((r) => r.lineId === lineId);
    return row ? lineDisplayName(row.card, i18n) : fallback;
  };
  return (
    <main class="compare">
      <ViewHeader i18n={i18n} title={i18n.t('compare_title')} onBack={onBack} />
      {best && (
        <p class="hint" role="note">
          {i18n.t('compare_hint', { line: nameOf(best.lineId, best.name), amount: formatBytes(best.headroomPerDay, i18n.locale) })}
        </p>
      )}
      {advice?.kind === 'unsure' && (
        <p class="hint is-unsure" role="note">
          {advice.reason === 'little-known'
            ? i18n.t('compare_unsure_little_known', { line: nameOf(advice.lineId, advice.name) })
            : i18n.t(advice.reason === 'abroad' ? 'compare_unsure_abroad' : 'compare_unsure_countries')}
        </p>
      )}
      <CompareChart i18n={i18n} rows={rows} trails={trails} />
      <table class="compare-table">
        <thead>
          <tr>
            <th scope="col">{i18n.t('col_line')}</th>
            <th scope="col">{i18n.t('col_used_percent')}</th>
            <th scope="col">{i18n.t('col_elapsed')}</th>
            <th scope="col">{i18n.t('col_pace')}</th>
            <th scope="col">{i18n.t('col_outlook')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.lineId} data-line-id={row.lineId} class={best?.lineId === row.lineId ? 'is-best' : ''}>
              <th scope="row">
                <span class="row-number" aria-hidden="true">
                  {i + 1}.{' '}
                </span>
                <button type="button" class="link" onClick={() => onOpenLine(row.lineId)}>
                  {lineDisplayName(row.card, i18n)}
                </button>
              </th>
              {/* data-label: a phone shows each row as a block, with the column's name before each figure. */}
              <td data-label={i18n.t('col_used_percent')}>{row.unlimited ? i18n.t('unlimited') : pct(row.usedPercent)}</td>
              <td data-label={i18n.t('col_elapsed')}>{pct(row.elapsedPercent)}</td>
              <td data-label={i18n.t('col_pace')}>{row.pace === null ? '—' : describePaceColumn(row.pace, i18n)}</td>
              <td data-label={i18n.t('col_outlook')}>{row.card.outlook ? describeOutlook(row.card.outlook, i18n, { manual: row.card.manual }) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
