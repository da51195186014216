import type { Translator } from '@/lib/i18n/translator';
import type { CompareRow } from '@/lib/status/compare';
import { formatPercent } from '@/lib/format/percent';
import { themedColor } from '@/lib/format/contrast';
import { lineDisplayName } from '@/lib/wording/names';

export type Trail = Array<{ x: number; y: number }>;

/** Marker shapes, so lines differ by more than their colour. */
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
export type Shape = (typeof SHAPES)[number];
const SERIES = 5;

/**
 * Each line's colour and marker, never the same pair twice (up to 25 lines): a line keeps its own
 * colour (made readable in both themes) or gets the next series colour, and takes the first shape
 * not yet used with that colour.
 */
export function markerStyles(rows: ReadonlyArray<Pick<CompareRow, 'color'>>): Array<{ color: string; shape: Shape }> {
  const used = new Set<string>();
  return rows.map((row, i) => {
    const color = row.color ? themedColor(row.color) : `var(--series-${(i % SERIES) + 1})`;
    let shape: Shape = SHAPES[i % SHAPES.length]!;
    for (let k = 0; k < SHAPES.length; k++) {
      const candidate = SHAPES[(i + k) % SHAPES.length]!;
      if (!used.has(`${color}|${candidate}`)) {
        shape = candidate;
        break;
      }
    }
    used.add(`${color}|${shape}`);
    return { color, shape };
  });
}

const W = 320;
const H = 220;
const PAD = { left: 52, right: 16, top: 10, bottom: 30 };

export function Marker({ shape, x, y, color, size = 5 }: { shape: Shape; x: number; y: number; color: string; size?: number }) {
  const common = { stroke: color, 'stroke-width': 2, fill: color };
  if (shape === 'circle') return <circle cx={x} cy={y} r={size} {...common} />;
  if (shape === 'square') return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
  if (shape === 'triangle') return <polygon points={`${x},${y - size - 1} ${x + size + 1},${y + size} ${x - size - 1},${y + size}`} {...common} />;
  if (shape === 'diamond') return <polygon points={`${x},${y - size - 1} ${x + size + 1},${y} ${x},${y + size + 1} ${x - size - 1},${y}`} {...common} />;
  return <path d={`M${x - size} ${y - size}L${x + size} ${y + size}M${x + size} ${y - size}L${x - size} ${y + size}`} {...common} stroke-width={3} />;
}

/**
 * Every line at once: % of its cycle gone (across) against % of its cap used (up). On the
 * diagonal a line uses its allowance evenly; above it, faster than the cycle passes.
 */
export function CompareChart({ i18n, rows, trails }: { i18n: Translator; rows: readonly CompareRow[]; trails: ReadonlyMap<number, Trail> }) {
  const placed = rows.map((row, i) => ({ row, i })).filter(({ row }) => row.usedPercent !== null && row.elapsedPercent !== null);
  const yMax = Math.max(100, ...placed.map(({ row }) => Math.ceil((row.usedPercent! + 5) / 25) * 25));
  const px = (x: number) => PAD.left + (Math.min(100, Math.max(0, x)) / 100) * (W - PAD.left - PAD.right);
  const py = (y: number) => H - PAD.bottom - (Math.max(0, y) / yMax) * (H - PAD.top - PAD.bottom);
  const yTicks = Array.from({ length: yMax / 25 + 1 }, (_, k) => k * 25);
  const styles = markerStyles(rows);
  const pct = (v: number) => formatPercent(v, i18n.locale);
  return (
    <figure class="compare-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={i18n.t('compare_chart_label')} aria-describedby="compare-caption">
        {yTicks.map((t) => (
          <g key={`y${t}`} class="grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={py(t)} y2={py(t)} />
            <text x={PAD.left - 4} y={py(t) + 3} text-anchor="end">
              {pct(t)}
            </text>
          </g>
        ))}
        {[0, 25, 50, 75, 100].map((t) => (
          <text key={`x${t}`} class="tick" x={px(t)} y={H - PAD.bottom + 12} text-anchor="middle">
            {pct(t)}
          </text>
        ))}
        <text class="axis-label" x={(PAD.left + W - PAD.right) / 2} y={H - 4} text-anchor="middle">
          {i18n.t('axis_elapsed')}
        </text>
        <text class="axis-label" transform={`translate(10 ${(PAD.top + H - PAD.bottom) / 2}) rotate(-90)`} text-anchor="middle">
          {i18n.t('axis_used')}
        </text>
        <line class="even-pace" x1={px(0)} y1={py(0)} x2={px(100)} y2={py(100)} />
        {/* Right-aligned at 55 % height, where the diagonal is far to the left: it never runs through its own label. */}
        <text class="even-pace-label" x={px(100) - 2} y={py(55)} text-anchor="end">
          {i18n.t('even_pace')}
        </text>
        {placed.map(({ row, i }) => {
          const trail = trails.get(row.lineId);
          const { color, shape } = styles[i]!;
          return (
            <g key={row.lineId} class="compare-line" data-line-id={row.lineId}>
              {trail && trail.length > 1 && (
                <polyline class="trail" points={trail.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ')} style={{ stroke: color }} />
              )}
              <Marker shape={shape} x={px(row.elapsedPercent!)} y={py(row.usedPercent!)} color={color} />
              <text class="point-label" x={px(row.elapsedPercent!) + 8} y={py(row.usedPercent!) - 6}>
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="compare-caption">
        <span class="visually-hidden">{i18n.t('compare_chart_caption')} </span>
        <ol class="compare-legend">
          {rows.map((row, i) => (
            <li key={row.lineId}>
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <Marker shape={styles[i]!.shape} x={7} y={7} color={styles[i]!.color} size={4} />
              </svg>{' '}
              <span aria-hidden="true">{i + 1}. </span>
              {lineDisplayName(row.card, i18n)}
              {row.usedPercent !== null && row.elapsedPercent !== null ? (
                <span class="visually-hidden">
                  {' '}
                  {i18n.t('compare_point', { used: pct(row.usedPercent), elapsed: pct(row.elapsedPercent) })}
                </span>
              ) : (
                <span class="muted"> · {i18n.t('compare_not_placed')}</span>
              )}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
