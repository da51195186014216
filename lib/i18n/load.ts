import { browser } from 'wxt/browser';
import { SETTINGS_KEY, settingsFrom, type Language } from '../settings/schema';
import { LOCALE_DIRS, resolveUiLocale } from './locale';
import { createTranslator, type Messages, type Translator, type UiLocale } from './translator';

async function fetchMessages(locale: UiLocale): Promise<Messages> {
  // Our own packaged file: no network request leaves the browser.
  const response = await fetch(browser.runtime.getURL(`/_locales/${LOCALE_DIRS[locale]}/messages.json`));
  return (await response.json()) as Messages;
}

/** The translator for the user's language setting, with English behind any missing message. */
export async function loadTranslator(): Promise<Translator> {
  const stored = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
  return translatorFor(settingsFrom(stored[SETTINGS_KEY]).language);
}

/** The translator for a language setting (the options page switches without a reload). */
export async function translatorFor(language: Language): Promise<Translator> {
  const locale = resolveUiLocale(language, browser.i18n.getUILanguage());
  const [messages, english] = await Promise.all([fetchMessages(locale), locale === 'en' ? null : fetchMessages('en')]);
  return createTranslator(locale, messages, english ?? messages);
}
