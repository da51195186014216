import type { Translator } from '@/lib/i18n/translator';
import { LANGUAGES, type Language, type Settings } from '@/lib/settings/schema';

export interface LanguageSectionProps {
  i18n: Translator;
  settings: Settings;
  onSave: (settings: Settings) => Promise<boolean> | void;
}

/** Each language is named in itself, so a user lost in a language they cannot read still finds theirs. */
export const LANGUAGE_NAMES: Record<Exclude<Language, 'auto'>, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  'zh-CN': '简体中文',
  'zh-HK': '繁體中文（香港）',
};

export function LanguageSection({ i18n, settings, onSave }: LanguageSectionProps) {
  const { t } = i18n;
  return (
    <section class="opt-section" aria-labelledby="language-title">
      <h2 id="language-title">{t('opt_language_title')}</h2>
      <form onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>{t('opt_language_legend')}</legend>
          <label for="language">{t('opt_language_label')}</label>
          <select
            id="language"
            value={settings.language}
            onChange={(e) => void onSave({ ...settings, language: e.currentTarget.value as Language })}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language === 'auto' ? undefined : language}>
                {language === 'auto' ? t('opt_language_auto') : LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
          <p class="hint">{t('opt_language_hint')}</p>
        </fieldset>
      </form>
    </section>
  );
}
