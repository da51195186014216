import type { Language } from '../settings/schema';
import type { UiLocale } from './translator';

/** The `_locales` folder of each UI language (browsers know zh_TW, not zh_HK, as a folder name). */
export const LOCALE_DIRS = { en: 'en', es: 'es', fr: 'fr', 'zh-CN': 'zh_CN', 'zh-HK': 'zh_TW' } as const satisfies Record<UiLocale, string>;

/**
 * The UI language: the user's choice, else the browser's when we ship it, else English.
 * Traditional Chinese browsers (zh-TW, zh-HK, zh-MO, zh-Hant) get zh-HK; other Chinese gets zh-CN.
 */
export function resolveUiLocale(setting: Language, browserLanguage: string): UiLocale {
  if (setting !== 'auto') return setting;
  const lang = browserLanguage.toLowerCase().replace('_', '-');
  if (lang.startsWith('zh')) return /hant|tw|hk|mo/.test(lang) ? 'zh-HK' : 'zh-CN';
  if (lang.startsWith('es')) return 'es';
  if (lang.startsWith('fr')) return 'fr';
  return 'en';
}
