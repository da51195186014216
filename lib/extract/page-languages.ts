/**
 * Which languages' words this build reads. Each carrier's content script is built knowing the
 * languages of its portal (`languages` in lib/carriers/catalog.ts; wxt.config.ts turns them into
 * the flags below), so a Telcel page never loads Chinese or French phrase tables: the scripts run
 * on every carrier page and are size-budgeted (content_js_gzip_kb ≤ 20), and those tables were a
 * twentieth of each. Everywhere else (the tests, the background, the extension's pages) every flag
 * is true. English is read everywhere: every portal mixes it in. Catalan is only ever read beside
 * Spanish, but a word both languages spell alike is written `(SPANISH || CATALAN) && '…'` so that
 * each table says whose words it holds. Some Spanish-looking words are the grammar's structure for
 * every language (a joiner, a unit, a month abbreviation another language shares): those stay
 * unflagged.
 *
 * A word table written for one language spells its alternatives as `${FRENCH ? '|sur' : ''}`:
 * with the flag a build-time false, the minifier drops the words.
 */
export type PageLanguage = 'es' | 'ca' | 'fr' | 'en' | 'zh';

declare const __READS_ES__: boolean | undefined;
declare const __READS_ZH__: boolean | undefined;
declare const __READS_FR__: boolean | undefined;
declare const __READS_CA__: boolean | undefined;

/** Spanish (the Spanish, Chilean and Mexican portals; not Orange France nor CMHK). */
export const SPANISH: boolean = typeof __READS_ES__ === 'boolean' ? __READS_ES__ : true;
/** Chinese (Hong Kong portals: traditional and simplified characters). */
export const CHINESE: boolean = typeof __READS_ZH__ === 'boolean' ? __READS_ZH__ : true;
/** French (Orange / Sosh). */
export const FRENCH: boolean = typeof __READS_FR__ === 'boolean' ? __READS_FR__ : true;
/** Catalan (Movistar Spain and Orange Spain offer it beside Spanish). */
export const CATALAN: boolean = typeof __READS_CA__ === 'boolean' ? __READS_CA__ : true;

/** The build flags for a carrier script that reads `languages` (used by wxt.config.ts). */
export function languageDefines(languages: readonly PageLanguage[]): Record<string, string> {
  return {
    __READS_ES__: String(languages.includes('es')),
    __READS_ZH__: String(languages.includes('zh')),
    __READS_FR__: String(languages.includes('fr')),
    __READS_CA__: String(languages.includes('ca')),
  };
}

/** Regex alternatives joined with "|", leaving out the `false` ones (words of a language not read). */
export function anyOf(...alternatives: ReadonlyArray<string | false>): string {
  return alternatives.filter((a): a is string => a !== false).join('|');
}
