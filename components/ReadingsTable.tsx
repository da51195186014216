import type { ReadingRow } from '@/lib/db/schema';
import { formatBytes } from '@/lib/format/bytes';
import { dateLocale } from '@/lib/format/date';
import type { MessageKey, Translator } from '@/lib/i18n/translator';
import { usedOf } from '@/lib/status/usage';

const SOURCE_KEYS: Record<ReadingRow['source'], MessageKey> = { page: 'source_page', manual: 'source_manual', import: 'source_import' };

/** The latest figures as read, newest first: what the chart is drawn from, checkable by eye. */
export function ReadingsTable({ i18n, readings, capBytes }: { i18n: Translator; readings: readonly ReadingRow[]; capBytes: number | null }) {
  const { locale } = i18n;
  const when = new Intl.DateTimeFormat(dateLocale(locale), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <table class="readings">
      <thead>
        <tr>
          <th scope="col">{i18n.t('col_when')}</th>
          <th scope="col">{i18n.t('col_used')}</th>
          <th scope="col">{i18n.t('col_total')}</th>
          <th scope="col">{i18n.t('col_source')}</th>
        </tr>
      </thead>
      <tbody>
        {readings.map((r) => {
          const used = usedOf(r);
          const total = capBytes ?? r.totalBytes;
          return (
            <tr key={r.id}>
              <td>
                <time dateTime={new Date(r.capturedAt).toISOString()}>{when.format(r.capturedAt)}</time>
              </td>
              <td>{used === null ? '—' : formatBytes(used, locale)}</td>
              <td>{r.unlimited && capBytes === null ? i18n.t('unlimited') : total === null ? '—' : formatBytes(total, locale)}</td>
              <td>{i18n.t(SOURCE_KEYS[r.source])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
