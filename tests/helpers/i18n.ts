import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALE_DIRS } from '@/lib/i18n/locale';
import { createTranslator, type Messages, type Translator, type UiLocale } from '@/lib/i18n/translator';

const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../public/_locales');

export function messagesOf(locale: UiLocale): Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, LOCALE_DIRS[locale], 'messages.json'), 'utf8')) as Messages;
}

/** The translator the popup would build, from the packaged messages (no English fallback: gaps show). */
export function translator(locale: UiLocale = 'en'): Translator {
  return createTranslator(locale, messagesOf(locale));
}

/** Text as a reader sees it: the non-breaking spaces between numbers and units become spaces. */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00A0\u202F]/g, ' ');
}
