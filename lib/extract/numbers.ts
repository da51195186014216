/**
 * Locale-aware number reading. Every figure a carrier page shows goes through here exactly once;
 * adapters never split or replace characters in number strings themselves.
 *
 * Why "readings" and not one number: "1.024" is 1024 on a Chilean page and 1.024 on a Mexican one,
 * and some Spanish pages are built with English formatters. We return every plausible reading,
 * best-first for the locale, so a caller holding more context (used ≤ total) can pick another.
 */

export type NumberLocale = 'es-ES' | 'es-CL' | 'es-MX' | 'fr-FR' | 'zh-HK' | 'zh-CN' | 'en';

export const NUMBER_LOCALES: readonly NumberLocale[] = [
  'es-ES',
  'es-CL',
  'es-MX',
  'fr-FR',
  'zh-HK',
  'zh-CN',
  'en',
];

/** Anything above this is a parsing accident, not a figure (also keeps us inside exact doubles). */
export const MAX_NUMBER = 1e15;

/** The character the locale writes between integer and fraction. */
export function decimalSeparator(locale: NumberLocale): ',' | '.' {
  return locale === 'es-ES' || locale === 'es-CL' || locale === 'fr-FR' ? ',' : '.';
}

// Space-like thousands separators: ASCII space, nbsp, narrow nbsp (what Intl emits for fr-FR),
// thin space.
const SPACE_GROUPED = /^(\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+)(?:([.,])(\d+))?$/;
const SPACE_ANY = /[ \u00A0\u202F\u2009]/g;
const ONLY_NUMBER_CHARS = /^\d[\d.,]*$/;

function finite(n: number): number | null {
  return Number.isFinite(n) && n >= 0 && n <= MAX_NUMBER ? n : null;
}

/** "1.024.000" with `sep` as a thousands separator; leading zeros ("0.024") cannot be grouping. */
function asGrouped(t: string, sep: '.' | ','): number | null {
  const groups = t.split(sep);
  if (groups.length < 2) return null;
  const [head, ...rest] = groups;
  if (head === undefined || !/^[1-9]\d{0,2}$/.test(head)) return null;
  if (!rest.every((g) => /^\d{3}$/.test(g))) return null;
  return finite(Number(groups.join('')));
}

function asDecimal(t: string, sep: '.' | ','): number | null {
  const parts = t.split(sep);
  if (parts.length !== 2) return null;
  const [int, frac] = parts;
  if (!int || !frac || !/^\d+$/.test(int) || !/^\d+$/.test(frac)) return null;
  return finite(Number(`${int}.${frac}`));
}

/** Both "." and "," present: the last one is the decimal mark, the other must group correctly. */
function mixed(t: string): number | null {
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  const dec: '.' | ',' = lastDot > lastComma ? '.' : ',';
  const group: '.' | ',' = dec === '.' ? ',' : '.';
  const at = Math.max(lastDot, lastComma);
  const intPart = t.slice(0, at);
  const frac = t.slice(at + 1);
  if (!/^\d+$/.test(frac) || intPart.includes(dec)) return null;
  const int = asGrouped(intPart, group);
  return int === null ? null : finite(Number(`${int}.${frac}`));
}

export function numberReadings(token: string, locale: NumberLocale): number[] {
  const t = token.trim();
  if (t.length === 0 || t.length > 40) return [];

  SPACE_ANY.lastIndex = 0;
  if (SPACE_ANY.test(t)) {
    // Space-grouped ("1 024,5", fr narrow nbsp): the space settles grouping, so the remaining
    // mark can only be a decimal one, whatever the locale.
    const m = SPACE_GROUPED.exec(t);
    if (!m || !m[1] || m[1].startsWith('0')) return [];
    const int = m[1].replace(SPACE_ANY, '');
    const n = finite(Number(m[3] ? `${int}.${m[3]}` : int));
    return n === null ? [] : [n];
  }
  if (!ONLY_NUMBER_CHARS.test(t) || !/\d$/.test(t)) return [];

  const hasDot = t.includes('.');
  const hasComma = t.includes(',');
  if (!hasDot && !hasComma) {
    const n = finite(Number(t));
    return n === null ? [] : [n];
  }
  if (hasDot && hasComma) {
    const n = mixed(t);
    return n === null ? [] : [n];
  }

  const sep: '.' | ',' = hasDot ? '.' : ',';
  const decimal = asDecimal(t, sep);
  const grouped = asGrouped(t, sep);
  // The locale's own decimal mark reads as decimal first. The other mark reads as thousands
  // first, except a dot in fr-FR: French groups with spaces, so a dot there is more likely a
  // machine-formatted decimal ("12.34") than a grouping.
  const decimalFirst = sep === decimalSeparator(locale) || (locale === 'fr-FR' && sep === '.');
  const ordered = decimalFirst ? [decimal, grouped] : [grouped, decimal];
  const out: number[] = [];
  for (const n of ordered) if (n !== null && !out.includes(n)) out.push(n);
  return out;
}

export function parseNumber(token: string, locale: NumberLocale): number | null {
  return numberReadings(token, locale)[0] ?? null;
}
