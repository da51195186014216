import { formatBytes } from '@/lib/format/bytes';
import type { Translator } from '@/lib/i18n/translator';
import { busiestHours } from '@/lib/detail/chart-data';

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** An average day, hour by hour: plain bars (no canvas needed for 24 values), described in words. */
export function HourlyChart({ i18n, hourly }: { i18n: Translator; hourly: readonly number[] }) {
  const max = Math.max(...hourly, 1);
  const busy = busiestHours(hourly);
  const total = hourly.reduce((a, b) => a + b, 0);
  return (
    <figure class="hourly-chart">
      <div class="hour-bars" role="img" aria-label={i18n.t('hourly_title')} aria-describedby="hourly-summary">
        {hourly.map((bytes, h) => (
          <div
            key={h}
            class={`hour-bar${busy && (h - busy.from + 24) % 24 < 3 ? ' is-busy' : ''}`}
            style={{ height: `${Math.max(2, (100 * bytes) / max)}%` }}
            title={`${hh(h)} · ${formatBytes(bytes, i18n.locale)}`}
          />
        ))}
      </div>
      <div class="hour-axis" aria-hidden="true">
        {[0, 6, 12, 18].map((h) => (
          <span key={h} style={{ left: `${(100 * h) / 24}%` }}>
            {hh(h)}
          </span>
        ))}
      </div>
      <figcaption id="hourly-summary">
        {busy ? i18n.t('hourly_summary', { from: hh(busy.from), to: hh(busy.to), amount: formatBytes(total, i18n.locale) }) : i18n.t('hourly_none')}
      </figcaption>
    </figure>
  );
}
