/**
 * Which digits on a page are the user's line. A page that does not show the user's number still
 * shows numbers (a hotline, an order reference, a contract id), and taking "the first phone-like
 * run" made four bogus lines out of them. A run counts only in a line-number context: after a
 * label that names a line ("Línea", "Número", "Mobile", "號碼"…), or printed in the shape the
 * carrier's country prints mobile numbers in. Otherwise there is no line number (the line is then
 * keyed by its plan).
 */
import { anyOf, CATALAN, CHINESE, FRENCH, SPANISH } from './page-languages';
import { phoneRuns } from './digits';

export type Country = 'ES' | 'FR' | 'HK' | 'CL' | 'MX';

const M = '[\\dXx*•·●∗]';
const S = '[ \\u00A0\\u202F.-]';
/** How each country prints a MOBILE number (masks allowed), with at least one separator. */
const SHAPES: Record<Country, RegExp> = {
  // 6XX XXX XXX, 600 00 00 12, +34 600 000 012
  ES: new RegExp(`^(?:\\+34${S}?)?[67]${M}{2}(?:${S}${M}{2,3}){2,3}$`),
  // 06 xx xx xx xx, +33 6 00 00 00 12
  FR: new RegExp(`^(?:\\+33${S}?[67]|0[67])(?:${S}${M}{2}){4}$`),
  // 9XXX XXXX, +852 9000 0012 (landlines start with 2 or 3)
  HK: new RegExp(`^(?:\\+852${S}?)?[4-9]${M}{3}${S}${M}{4}$`),
  // 9 XXXX XXXX, +56 9 0000 0044
  CL: new RegExp(`^(?:\\+56${S}?)?9${S}?${M}{4}${S}${M}{4}$`),
  // 55 XXXX XXXX, (55) 0000 0056, 000 000 0000, +52 1 55 …; never toll-free 800/900
  MX: new RegExp(`^(?!\\(?[89]00)(?:\\+52${S}?(?:1${S}?)?)?(?:\\(?\\d{2}\\)?${S}${M}{4}${S}${M}{4}|\\(?\\d{3}\\)?${S}${M}{3}${S}${M}{4})$`),
};

// A label right before the number: "Línea: …", "Tu número …", "Mobile 06 …", "號碼 9000 0012".
const LABEL_BEFORE = new RegExp(
  `(?:${anyOf(`(?<![\\p{L}])(?:${anyOf(SPANISH && 'l[íi]ne?a', (SPANISH || CATALAN) && 'n[úu]mero', FRENCH && 'num[ée]ro|ligne', 'mobile', SPANISH && 'm[óo]vil|celular', 'line|number|phone')})`, CHINESE && '號碼|号码|手機|手机')})[^\\d\\n]{0,16}$`,
  'iu',
);
// Customer-service numbers in footers and help boxes are never the user's line.
const HOTLINE = new RegExp(
  anyOf(SPANISH && 'fono|ayuda|ll[áa]m[ae]|atenci[óo]n|servicio|pedido|cuenta', 'service|hotline|call', FRENCH && 'appel|commande|r[ée]f[ée]ren|contrat|compte', CHINESE && '熱線|热线|客服', 'order|referen|account|factur|invoice'),
  'i',
);

// Dates and clock times ("2026-11-20 09:30") look like digit runs; a CJK label glued to the
// number by inline spans ("號碼9000 0012") hides it from the run, which wants a clean edge.
const DATE_TIME = /\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}/g;

/** National length of a mobile number: a fully masked run of that length ("******0045") is one. */
const LENGTH: Record<Country, number> = { ES: 9, FR: 10, HK: 8, CL: 9, MX: 10 };
const MASKED = /^[Xx*•·●∗]{4,}\d{2,4}$/;

/** The last digits of the user's line in one line of page text, or null (see the header). */
export function lineNumberIn(raw: string, country: Country): string | null {
  // A run holds a digit (digits.ts): most lines of a page hold none, and are done at once.
  if (!/\d/.test(raw) || HOTLINE.test(raw)) return null;
  // A spaced "·" or "•" separates items ("9 0000 0044 · Plan 20 GB"); the run would read it as a mask.
  const line = raw.replace(/\s[·•]\s/g, ' | ').replace(DATE_TIME, ' ').replace(/([\p{Script=Han}:：])(?=[+\d])/gu, '$1 ');
  const runs = phoneRuns(line);
  for (const { index, run, digits } of runs) {
    if (LABEL_BEFORE.test(line.slice(Math.max(0, index - 32), index)) || SHAPES[country].test(run)) return digits;
    if (MASKED.test(run) && run.length === LENGTH[country]) return digits;
  }
  return null;
}

/** The first line number in a text, line by line. */
export function lineNumber(text: string, country: Country): string | null {
  for (const line of text.split('\n')) {
    const digits = lineNumberIn(line, country);
    if (digits !== null) return digits;
  }
  return null;
}

/** The distinct line numbers a text shows, one per text line at most. */
export function lineNumbers(text: string, country: Country): Set<string> {
  const found = new Set<string>();
  for (const line of text.split('\n')) {
    const digits = lineNumberIn(line, country);
    if (digits !== null) found.add(digits);
  }
  return found;
}
