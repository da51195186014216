import type enMessages from '../../public/_locales/en/messages.json';

/** Every key of the English catalogue; the other languages must have exactly the same keys. */
export type MessageKey = keyof typeof enMessages;
export type Messages = Record<string, { message: string; description?: string }>;
export type Params = Record<string, string | number>;

/** The UI languages we ship. zh-HK is Traditional Chinese as written in Hong Kong. */
export const UI_LOCALES = ['en', 'es', 'fr', 'zh-CN', 'zh-HK'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export interface Translator {
  locale: UiLocale;
  /** The message for `key` with `{name}` placeholders filled in. */
  t(key: MessageKey, params?: Params): string;
  /** Picks `<base>_one`, `<base>_other` (…) by the language's plural rules for `count`. */
  plural(base: string, count: number, params?: Params): string;
}

/**
 * Messages live in the extension's `_locales/<lang>/messages.json`, the browser's own i18n format,
 * so the store listing and manifest use them too. Placeholders are `{name}` (filled here, not by
 * the browser) so the user can pick a UI language other than the browser's.
 */
export function createTranslator(locale: UiLocale, messages: Messages, fallback: Messages = messages): Translator {
  const rules = new Intl.PluralRules(locale);
  const lookup = (key: string): string => messages[key]?.message ?? fallback[key]?.message ?? key;
  const fill = (text: string, params?: Params): string =>
    params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
  return {
    locale,
    t: (key, params) => fill(lookup(key), params),
    plural(base, count, params) {
      const key = `${base}_${rules.select(count)}`;
      const chosen = messages[key] || fallback[key] ? key : `${base}_other`;
      return fill(lookup(chosen), { count, ...params });
    },
  };
}
