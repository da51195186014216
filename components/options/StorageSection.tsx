import { formatBytes } from '@/lib/format/bytes';
import type { Translator } from '@/lib/i18n/translator';
import type { StorageInfo } from '@/lib/state/options-model';

export interface StorageSectionProps {
  i18n: Translator;
  storage: StorageInfo | null;
  /** False when the browser has no `navigator.storage`. */
  supported: boolean;
  onPersist: () => void;
}

/** How much room the readings take, and asking the browser not to evict them under pressure. */
export function StorageSection({ i18n, storage, supported, onPersist }: StorageSectionProps) {
  const { t, locale } = i18n;
  const usage =
    storage?.usage != null && storage.quota != null
      ? t('opt_storage_usage', { used: formatBytes(storage.usage, locale), quota: formatBytes(storage.quota, locale) })
      : t('opt_storage_unknown');
  return (
    <section class="opt-section" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('opt_storage_title')}</h2>
      {!supported ? (
        <p>{t('opt_storage_unsupported')}</p>
      ) : (
        <>
          <p id="storage-usage">{storage === null ? t('loading') : usage}</p>
          <p class="hint">{t('opt_persist_hint')}</p>
          <p role="status" class={storage?.persisted ? 'tone-ok-text' : undefined}>
            {storage?.persisted === true && `✓ ${t('opt_persist_on')}`}
            {storage?.persisted === false && t('opt_persist_off')}
          </p>
          {storage?.persisted !== true && (
            <button type="button" onClick={onPersist}>
              {t('opt_persist_button')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
