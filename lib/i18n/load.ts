import { browser } from 'wxt/browser';
import englishMessages from '../../public/_locales/en/messages.json';
import { SETTINGS_KEY } from '../storage/keys';
import { settingsFrom, type Language, type Settings } from '../settings/schema';
import { LOCALE_DIRS, resolveUiLocale } from './locale';
import { createTranslator, type Messages, type Translator, type UiLocale } from './translator';

type ExtensionBrowser = typeof browser;

async function fetchMessages(locale: UiLocale, api: Pick<ExtensionBrowser, 'runtime'> = browser): Promise<Messages> {
  // Our own packaged file: no network request leaves the browser.
  const response = await fetch(api.runtime.getURL(`/_locales/${LOCALE_DIRS[locale]}/messages.json`));
  return (await response.json()) as Messages;
}

/**
 * The browser's language, decided the same way in every context (service worker, popup, options):
 * the browser's UI language (`i18n.getUILanguage()`, the one the manifest's messages follow), and
 * only where a context has none, the first language the browser asks pages for. Never each
 * context's own guess, so "same as the browser" never words the badge in English and the popup in
 * French.
 */
export function browserLanguage(api: Partial<Pick<ExtensionBrowser, 'i18n'>> = browser): string {
  const ui = (() => {
    try {
      return api.i18n?.getUILanguage?.() ?? '';
    } catch {
      return '';
    }
  })();
  if (ui) return ui;
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return nav?.languages?.[0] ?? nav?.language ?? 'en';
}

/** The translator for the user's language setting, with English behind any missing message. */
export async function loadTranslator(): Promise<Translator> {
  const stored = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
  return loadTranslatorFor(settingsFrom(stored[SETTINGS_KEY]));
}

/** The translator for a language setting (the options page switches without a reload). */
export function translatorFor(language: Language): Promise<Translator> {
  return loadTranslatorFor({ language });
}

/**
 * The translator for already-read settings, for every page and the background: one fetch at most
 * (English is bundled, and behind any missing message). Nothing may wait on a failed fetch, so
 * any failure words everything in English.
 */
export async function loadTranslatorFor(settings: Pick<Settings, 'language'>, api: Pick<ExtensionBrowser, 'runtime' | 'i18n'> = browser): Promise<Translator> {
  const english = englishMessages as Messages;
  let locale: UiLocale = 'en';
  try {
    locale = resolveUiLocale(settings.language, browserLanguage(api));
    if (locale === 'en') return createTranslator('en', english);
    return createTranslator(locale, await fetchMessages(locale, api), english);
  } catch (error) {
    if (locale !== 'en') console.warn('[esim-usage-guard] messages for', locale, 'not loaded; wording in English', error);
    return createTranslator('en', english);
  }
}
