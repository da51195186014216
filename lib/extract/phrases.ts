/**
 * Label phrases per role and language, for adapters anchoring on text and for the generic reader.
 * Regexes are case-insensitive and unicode, never global (callers reuse them with .test()).
 * Word edges use \p{L} lookarounds because \b does not know accented letters ("días", "consommé").
 */
import type { NumberLocale } from './numbers';
import { CATALAN, CHINESE, FRENCH, SPANISH } from './page-languages';

export type Lang = 'es' | 'fr' | 'zh' | 'en';
// No "total" role: totals are read structurally ("X de Y", "X / Y", lib/reader/figures.ts), and
// every byte counts in the content scripts (budget 20 KB). A language a build does not read
// (lib/extract/page-languages.ts) has no phrases there.
export type PhraseRole = 'used' | 'remaining' | 'login';

/** Builds a whole-word, case-insensitive unicode regex from a source fragment. */
function w(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'iu');
}
/** CJK has no word edges; match the characters as they are. */
function z(source: string): RegExp {
  return new RegExp(source, 'u');
}

export const PHRASES: Record<PhraseRole, Record<Lang, RegExp[]>> = {
  used: {
    es: [
      ...(SPANISH
        ? [
            w('has\\s+consumido'), w('llevas(?:\\s+consumidos?)?'), w('consumid[oa]s?(?:\\s+hasta\\s+hoy)?'),
            w('total\\s+utilizado'), w('has\\s+usado'), w('usad[oa]s?'), w('utilizad[oa]s?'), w('gastad[oa]s?'),
          ]
        : []),
      // Catalan (Movistar Spain offers it).
      ...(CATALAN ? [w('has\\s+consumit'), w('consumits?'), w('utilitzats?')] : []),
    ],
    fr: FRENCH ? [w('consomm[ée]e?s?'), w('consommation'), w('utilis[ée]e?s?')] : [],
    zh: CHINESE ? [z('已用'), z('已使用'), z('使用量'), z('用量')] : [],
    en: [w('used'), w('usage'), w('consumed')],
  },
  remaining: {
    es: [
      ...(SPANISH ? [w('disponibles?'), w('te\\s+quedan?'), w('quedan?'), w('restantes?'), w('saldo'), w('te\\s+restan?')] : []),
      ...(CATALAN ? [w('et\\s+queden'), w('restants?')] : []),
    ],
    fr: FRENCH ? [w('restante?s?'), w('il\\s+vous\\s+reste'), w('reste'), w('disponibles?')] : [],
    zh: CHINESE ? [z('餘量'), z('余量'), z('剩餘'), z('剩余'), z('尚餘'), z('尚余'), z('可用')] : [],
    en: [w('left'), w('remaining'), w('available'), w('balance')],
  },
  login: {
    es: SPANISH
      ? [
          w('iniciar\\s+sesi[oó]n'), w('inicia\\s+sesi[oó]n'), w('accede'), w('contrase[ñn]a'),
          w('identif[ií]cate'), w('ingresa\\s+tu\\s+rut'),
        ]
      : [],
    fr: FRENCH ? [w('se\\s+connecter'), w('mot\\s+de\\s+passe'), w('identifiez-vous'), w('connectez-vous')] : [],
    zh: CHINESE ? [z('登入'), z('登录'), z('登錄'), z('密碼'), z('密码')] : [],
    en: [w('log\\s*in'), w('sign\\s*in'), w('password')],
  },
};

export function langOf(locale: NumberLocale): Lang {
  if (locale.startsWith('es')) return 'es';
  if (locale.startsWith('fr')) return 'fr';
  if (locale.startsWith('zh')) return 'zh';
  return 'en';
}

/** True when any phrase of `role` in `lang` occurs in text. */
export function hasPhrase(text: string, role: PhraseRole, lang: Lang): boolean {
  return PHRASES[role][lang].some((re) => re.test(text));
}

/**
 * A whole-line label ("Datos disponibles:") from phrase patterns written the way pages word them:
 * a space in a phrase stands for any run of white space, and an optional colon may end the line.
 */
export function labelLine(phrases: readonly string[]): RegExp {
  return new RegExp(`^(?:${phrases.join('|').replace(/ /g, '\\s+')})\\s*:?$`, 'i');
}
