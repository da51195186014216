import type { MessageKey, Translator } from '@/lib/i18n/translator';
import { carrierListName } from '@/lib/wording/names';

export interface CarrierLink {
  id: string;
  label: string;
  country: string;
  usageUrl: string;
}

/** The countries we have a name for (lib/carriers' catalogue); another shows as its code. */
const COUNTRY_KEYS: Record<string, MessageKey> = { ES: 'country_ES', FR: 'country_FR', HK: 'country_HK', CL: 'country_CL', MX: 'country_MX' };

/** Carriers grouped by country, countries and carriers in the UI language's alphabetical order. */
export function carriersByCountry(carriers: readonly CarrierLink[], i18n: Translator): Array<{ country: string; name: string; carriers: CarrierLink[] }> {
  const groups = new Map<string, CarrierLink[]>();
  for (const c of carriers) groups.set(c.country, [...(groups.get(c.country) ?? []), c]);
  const collator = new Intl.Collator(i18n.locale);
  const nameOf = (country: string) => (COUNTRY_KEYS[country] ? i18n.t(COUNTRY_KEYS[country]) : country);
  return [...groups]
    .map(([country, list]) => ({ country, name: nameOf(country), carriers: [...list].sort((a, b) => collator.compare(a.label, b.label)) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** First run: exactly what to do, and where; a travel eSIM we cannot read can still be added by hand. */
export function EmptyState({ i18n, carriers, onOpenOptions }: { i18n: Translator; carriers: readonly CarrierLink[]; onOpenOptions?: () => void }) {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{i18n.t('empty_title')}</h2>
      <p>{i18n.t('empty_body')}</p>
      <p>{i18n.t('empty_supported')}</p>
      <dl class="carrier-list">
        {carriersByCountry(carriers, i18n).map((group) => (
          <div key={group.country} class="carrier-country" data-country={group.country}>
            <dt>{group.name}</dt>
            <dd>
              <ul>
                {group.carriers.map((carrier) => (
                  <li key={carrier.id}>
                    <a href={carrier.usageUrl} target="_blank" rel="noreferrer">
                      {carrierListName(carrier.id, carrier.label, i18n)}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      <p class="empty-manual">
        {i18n.t('empty_manual')}
        {onOpenOptions && (
          <>
            {' '}
            <button type="button" class="link" onClick={onOpenOptions}>
              {i18n.t('empty_manual_link')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}
