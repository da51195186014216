import type { Translator } from '@/lib/i18n/translator';

export interface CarrierLink {
  id: string;
  label: string;
  country: string;
  usageUrl: string;
}

/** First run: exactly what to do, and where. */
export function EmptyState({ i18n, carriers }: { i18n: Translator; carriers: readonly CarrierLink[] }) {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{i18n.t('empty_title')}</h2>
      <p>{i18n.t('empty_body')}</p>
      <p>{i18n.t('empty_supported')}</p>
      <ul class="carrier-list">
        {carriers.map((carrier) => (
          <li key={carrier.id}>
            <a href={carrier.usageUrl} target="_blank" rel="noreferrer">
              {carrier.label}
            </a>{' '}
            <span class="country">({carrier.country})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
