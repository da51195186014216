import type { Translator } from '@/lib/i18n/translator';
import { SUPPORT_URL } from '@/lib/wording/support';

/** How to send us a page we cannot read: a link the user follows; the extension sends nothing. */
export function SupportSection({ i18n }: { i18n: Translator }) {
  return (
    <section class="opt-section" aria-labelledby="support-title">
      <h2 id="support-title">{i18n.t('opt_support_legend')}</h2>
      <p class="hint">
        {i18n.t('opt_support_hint')}{' '}
        <a href={SUPPORT_URL} target="_blank" rel="noreferrer">
          {SUPPORT_URL}
        </a>
      </p>
    </section>
  );
}
