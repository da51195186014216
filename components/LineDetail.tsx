import type { ComponentChildren, ComponentType } from 'preact';
import { useMemo } from 'preact/hooks';
import type { LineAnalysis } from '@/lib/analysis/types';
import { CHART_RANGES, rangeStart, recentReadings, trendFacts, trendSeries, type ChartRange, type TrendSeries } from '@/lib/detail/chart-data';
import type { LineDetailData } from '@/lib/detail/load';
import { formatBytes } from '@/lib/format/bytes';
import { formatDay } from '@/lib/format/date';
import type { MessageKey, Translator } from '@/lib/i18n/translator';
import { outlookOf } from '@/lib/status/card';
import { describeOutlook, describeWarning } from '@/lib/wording/card';
import { HourlyChart } from './HourlyChart';
import { ReadingsTable } from './ReadingsTable';
import { ViewHeader } from './ViewHeader';

export type DetailState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'missing' }
  /** `year` is the same data extended to a year, read after the first chart is drawn. */
  | { status: 'ready'; data: LineDetailData; now: number; year?: LineDetailData | null };

export interface TrendChartProps {
  i18n: Translator;
  series: TrendSeries;
  /** Id of the visible text that describes the chart (its accessible description). */
  summaryId: string;
  onDrawn?: () => void;
}

export interface LineDetailProps {
  i18n: Translator;
  title: string;
  state: DetailState;
  range: ChartRange;
  onRange: (range: ChartRange) => void;
  onBack: () => void;
  /** The chart itself (uPlot in the popup; a stand-in in tests, which have no canvas). */
  chart: ComponentType<TrendChartProps>;
  onChartDrawn?: () => void;
  /** The line's card: figures and outlook, exactly as on the overview. */
  children?: ComponentChildren;
}

const RANGE_KEYS: Record<ChartRange, MessageKey> = { cycle: 'range_cycle', '90d': 'range_90d', year: 'range_year' };

/** The chart in words: what a screen reader announces, and the caption everyone can read. */
export function describeTrend(series: TrendSeries, analysis: LineAnalysis, i18n: Translator, endKind: 'renewal' | 'expiry' = 'renewal'): string {
  const facts = trendFacts(series);
  const { locale } = i18n;
  const parts = [
    facts.peak && facts.averagePerDay !== null
      ? i18n.t('chart_summary', {
          days: i18n.plural('days', facts.days),
          average: formatBytes(facts.averagePerDay, locale),
          date: formatDay(facts.peak.at, locale),
          peak: formatBytes(facts.peak.bytes, locale),
        })
      : i18n.t('chart_summary_none'),
  ];
  if (facts.anomalies > 0) parts.push(i18n.plural('chart_anomalies', facts.anomalies));
  parts.push(i18n.t('chart_outlook', { outlook: describeOutlook(outlookOf(analysis, endKind), i18n) }));
  return parts.join(' ');
}

/**
 * Whether the trend has a shape to draw: two days or more with a bar or two points of the line.
 * A single reading is said in words, not drawn as an empty box with one date repeated on its axis.
 */
export function plottable(series: TrendSeries): boolean {
  const count = (values: ReadonlyArray<number | null>) => values.filter((v) => v !== null).length;
  return series.x.length >= 2 && (count(series.daily) >= 1 || count(series.cumulative) >= 2);
}

/** One line in depth: its card, the trend chart, an average day, and the latest readings. */
export function LineDetail({ i18n, title, state, range, onRange, onBack, chart: Chart, onChartDrawn, children }: LineDetailProps) {
  return (
    <main class="detail">
      <ViewHeader i18n={i18n} title={title} onBack={onBack} />
      {children}
      {state.status === 'loading' && (
        <p class="loading" role="status">
          {i18n.t('detail_loading')}
        </p>
      )}
      {state.status === 'error' && (
        <p class="tab-status tone-problem" role="alert">
          {i18n.t('detail_error', { error: state.message })}
        </p>
      )}
      {state.status === 'missing' && <p class="tab-status tone-problem">{i18n.t('detail_missing')}</p>}
      {state.status === 'ready' && <Ready i18n={i18n} data={range === 'year' ? (state.year ?? state.data) : state.data} now={state.now} range={range} onRange={onRange} Chart={Chart} onChartDrawn={onChartDrawn} />}
    </main>
  );
}

interface ReadyProps {
  i18n: Translator;
  data: LineDetailData;
  now: number;
  range: ChartRange;
  onRange: (range: ChartRange) => void;
  Chart: ComponentType<TrendChartProps>;
  onChartDrawn?: () => void;
}

function Ready({ i18n, data, now, range, onRange, Chart, onChartDrawn }: ReadyProps) {
  const { analysis } = data;
  const series = useMemo(
    () => trendSeries({ line: data.line, readings: data.readings, daily: data.daily, analysis, from: rangeStart(range, analysis, now) }),
    [data, range, now],
  );
  const last = data.readings[data.readings.length - 1];
  const endKind = last?.periodEnd != null && last.periodEndKind === 'expiry' ? 'expiry' : 'renewal';
  const summary = describeTrend(series, analysis, i18n, endKind);
  return (
    <>
      <section class="trend" aria-labelledby="trend-title">
        <div class="section-head">
          <h3 id="trend-title">{i18n.t('chart_title')}</h3>
          <div class="ranges" role="group" aria-label={i18n.t('range_label')}>
            {CHART_RANGES.map((r) => (
              <button key={r} type="button" aria-pressed={r === range} class={r === range ? 'is-selected' : ''} onClick={() => onRange(r)}>
                {i18n.t(RANGE_KEYS[r])}
              </button>
            ))}
          </div>
        </div>
        <figure class="chart" data-days={series.x.length}>
          {plottable(series) ? <Chart i18n={i18n} series={series} summaryId="trend-summary" onDrawn={onChartDrawn} /> : <p class="chart-wait">{i18n.t('chart_one_reading')}</p>}
          <figcaption id="trend-summary">{summary}</figcaption>
        </figure>
        {series.marked.length > 0 && (
          <ul class="warnings anomalies" aria-label={i18n.t('series_anomaly')}>
            {series.marked.map((a) => (
              <li key={a.start} class={`warning warning-${a.kind}`}>
                <span aria-hidden="true">◆ </span>
                {describeWarning({ ...a, slowDrain: a.slowDrain === true }, i18n, outlookOf(analysis))}
              </li>
            ))}
          </ul>
        )}
      </section>
      {analysis.hourly && (
        <section class="hourly" aria-labelledby="hourly-title">
          <h3 id="hourly-title">{i18n.t('hourly_title')}</h3>
          <HourlyChart i18n={i18n} hourly={analysis.hourly} />
        </section>
      )}
      {data.readings.length > 0 && (
        <section class="recent" aria-labelledby="recent-title">
          <h3 id="recent-title">{i18n.t('recent_title')}</h3>
          <ReadingsTable i18n={i18n} readings={recentReadings(data.readings)} capBytes={data.line.capBytes ?? null} />
        </section>
      )}
    </>
  );
}
