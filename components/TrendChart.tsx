import { useLayoutEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { formatBytes, formatBytesIn } from '@/lib/format/bytes';
import { formatDay } from '@/lib/format/date';
import type { TrendChartProps } from './LineDetail';

const HEIGHT = 190;
const HALF_DAY_S = 43_200;

/** Chart colours come from the page's CSS variables, so light and dark schemes both read well. */
function palette(el: Element) {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#1f2328'),
    muted: v('--muted', '#59636e'),
    grid: v('--chart-grid', 'rgba(128,128,128,0.2)'),
    bar: v('--chart-bar', '#54aeff'),
    line: v('--chart-line', '#0969da'),
    cap: v('--chart-cap', '#59636e'),
    projection: v('--chart-projection', '#8250df'),
    anomaly: v('--danger', '#c62828'),
    bg: v('--bg', '#ffffff'),
  };
}

const MB = 1024 ** 2;
const GB = 1024 * MB;
/**
 * An axis in one unit, with round decimal steps of it: MB below 1 GB ("250 MB"), else GB
 * ("0.5 GB", "2 GB"), in the carriers' binary units (the figures the card shows). Never the binary
 * steps that read "512 MB", "768 MB".
 */
export function axisUnit(max: number): { unit: 'MB' | 'GB'; incrs: number[] } {
  if (max >= GB) return { unit: 'GB', incrs: [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 500].map((n) => n * GB) };
  return { unit: 'MB', incrs: [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500].map((n) => n * MB) };
}

const maxOf = (...lists: Array<ReadonlyArray<number | null>>) => Math.max(1, ...lists.flatMap((l) => l.filter((v): v is number => v !== null)));

/**
 * Daily bars (left axis), and on the right axis the cycle's cumulative use, the cap, and the dashed
 * projection; unusual use is marked with diamonds. Each series differs by shape or stroke as well
 * as colour (bars, solid, dotted, dashed, diamonds), and the legend names them.
 */
export function TrendChart({ i18n, series, onDrawn }: TrendChartProps) {
  const host = useRef<HTMLDivElement>(null);
  // A layout effect: the chart is drawn in the same frame as its container, not one paint later.
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const { locale } = i18n;
    const bytes = (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : formatBytes(v, locale));
    const dayMax = maxOf(series.daily, series.anomalies);
    const totalMax = maxOf(series.cumulative, series.cap, series.projection);
    const dayAxis = axisUnit(dayMax * 1.3);
    const totalAxis = axisUnit(totalMax * 1.05);
    const ticksIn = (unit: 'MB' | 'GB') => (_u: uPlot, values: number[]) => values.map((v) => formatBytesIn(v, unit, locale));
    // Only the series that have something to draw get a place in the legend.
    const has = (values: ReadonlyArray<number | null>) => values.some((v) => v !== null);
    const columns = [series.x, series.daily, series.cumulative, series.cap, series.projection, series.anomalies];
    let plot: uPlot | null = null;
    let drawn = false;

    const build = () => {
      plot?.destroy();
      const c = palette(el);
      const diamonds = (u: uPlot) => {
        const ctx = u.ctx;
        const r = 5 * devicePixelRatio;
        ctx.save();
        ctx.lineWidth = 2 * devicePixelRatio;
        ctx.strokeStyle = c.anomaly;
        ctx.fillStyle = c.bg;
        series.anomalies.forEach((value, i) => {
          if (value === null) return;
          const cx = u.valToPos(series.x[i]!, 'x', true);
          const cy = u.valToPos(value, 'day', true) - r;
          ctx.beginPath();
          ctx.moveTo(cx, cy - r);
          ctx.lineTo(cx + r, cy);
          ctx.lineTo(cx, cy + r);
          ctx.lineTo(cx - r, cy);
          ctx.closePath();
          ctx.fill();
          ctx.stroke();
        });
        ctx.restore();
      };
      const allSeries: uPlot.Series[] = [
          { value: (_u, v) => (v === null ? '—' : formatDay(v * 1000, locale)) },
          {
            label: i18n.t('series_daily'),
            scale: 'day',
            stroke: c.bar,
            fill: c.bar,
            width: 0,
            paths: uPlot.paths.bars!({ size: [0.8, 24], gap: 0 }),
            points: { show: false },
            value: bytes,
          },
          { label: i18n.t('series_cumulative'), scale: 'total', stroke: c.line, width: 2, spanGaps: true, points: { show: false }, value: bytes },
          { label: i18n.t('series_cap'), scale: 'total', stroke: c.cap, width: 1.5, dash: [2, 3], paths: uPlot.paths.stepped!({ align: 1 }), spanGaps: true, points: { show: false }, value: bytes },
          { label: i18n.t('series_projection'), scale: 'total', stroke: c.projection, width: 2, dash: [6, 4], spanGaps: true, points: { show: false }, value: bytes },
          { label: i18n.t('series_anomaly'), scale: 'day', stroke: c.anomaly, width: 2, paths: () => null, points: { show: false }, value: bytes },
        ];
      const shownSeries = allSeries.filter((_s, i) => i === 0 || has(columns[i]!));
      const opts: uPlot.Options = {
        width: Math.max(240, el.clientWidth),
        height: HEIGHT,
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        legend: {
          live: false,
          markers: { dash: (u, i) => (u.series[i]?.dash ? (u.series[i]?.label === i18n.t('series_cap') ? 'dotted' : 'dashed') : 'solid') },
        },
        scales: {
          x: { time: true, range: (_u, min, max) => [min - HALF_DAY_S, max + HALF_DAY_S] },
          // Headroom above the tallest bar for its unusual-use diamond.
          day: { range: () => [0, dayMax * 1.3] },
          total: { range: () => [0, totalMax * 1.05] },
        },
        axes: [
          { stroke: c.muted, space: 48, values: (_u, splits) => splits.map((v) => formatDay(v * 1000, locale)), grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } },
          { scale: 'day', label: i18n.t('axis_daily'), labelSize: 16, labelFont: '11px system-ui, sans-serif', font: '11px system-ui, sans-serif', stroke: c.muted, values: ticksIn(dayAxis.unit), incrs: dayAxis.incrs, size: 52, grid: { stroke: c.grid, width: 1 }, ticks: { show: false } },
          { scale: 'total', side: 1, label: i18n.t('axis_cumulative'), labelSize: 16, labelFont: '11px system-ui, sans-serif', font: '11px system-ui, sans-serif', stroke: c.muted, values: ticksIn(totalAxis.unit), incrs: totalAxis.incrs, size: 52, grid: { show: false }, ticks: { show: false } },
        ],
        series: shownSeries,
        hooks: {
          draw: [
            (u) => {
              diamonds(u);
              if (!drawn) {
                drawn = true;
                onDrawn?.();
              }
            },
          ],
        },
      };
      plot = new uPlot(opts, columns.filter((col, i) => i === 0 || has(col)) as uPlot.AlignedData, el);
    };
    build();

    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', build);
    const resize = new ResizeObserver(() => {
      const width = Math.max(240, el.clientWidth);
      if (plot && Math.abs(plot.width - width) > 2) plot.setSize({ width, height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      scheme.removeEventListener('change', build);
      resize.disconnect();
      plot?.destroy();
    };
  }, [series, i18n]);
  // The canvas says nothing to assistive technology: the figure's caption describes it.
  return <div class="trend-chart" ref={host} role="img" aria-label={i18n.t('chart_title')} aria-describedby="trend-summary" />;
}
