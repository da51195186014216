/**
 * Absolute dates as carrier pages write them, and the entry point that also tries relative
 * phrases (relative.ts). Results are ms since epoch at local midnight of the day in `timeZone`.
 *
 * Why year inference: Movistar writes "Periodo de 5 nov - 4 dic" and "Se reinicia el 02/01" with
 * no year. A cycle end is in the future, so by default a yearless date takes the year that puts
 * it next, except that a date that would land more than ~11 months ahead is read as the recent
 * past instead (a page a day stale saying "Hasta 19/12" on 20/12 means yesterday, not next year).
 */
import { findRelative, parseRelative, type RelativeOptions } from './relative';
import { dayDiff, isValidDay, zonedParts, zonedTime } from '../time/calendar';
import { CATALAN, CHINESE, FRENCH, SPANISH } from './page-languages';

export { parseRelative };

export type DateDirection = 'future' | 'past' | 'nearest';
export interface DateOptions {
  now: number;
  timeZone?: string;
  direction?: DateDirection;
}

/** ~11 months: beyond this a yearless date flips to the other side of today. */
const FLIP_DAYS = 335;

// Month words per language, January first, full and abbreviated, with and without accents (Spanish,
// French and Catalan only where read: lib/extract/page-languages.ts; a spelling two languages share
// stays while either is read). Ambiguity is harmless here: every shared spelling ("mar", "nov",
// "sept") names the same month.
const MONTHS_ES = ['enero|ene', 'febrero|feb', 'marzo|mar', 'abril|abr', 'mayo|may', 'junio|jun', 'julio|jul', 'agosto|ago', 'septiembre|setiembre|sept|sep', 'octubre|oct', 'noviembre|nov', 'diciembre|dic'];
const MONTHS_EN = ['january|jan', 'february|feb', 'march|mar', 'april|apr', 'may', 'june|jun', 'july|jul', 'august|aug', 'september|sept|sep', 'october|oct', 'november|nov', 'december|dec'];
const MONTHS_FR = ['janvier|janv|jan', 'février|fevrier|févr|fevr|fév|fev', 'mars|mar', 'avril|avr', 'mai', 'juin', 'juillet|juil', 'août|aout', 'septembre|sept', 'octobre|oct', 'novembre|nov', 'décembre|decembre|déc|dec'];
const MONTHS_CA = ['gener', 'febrer', 'març', 'abril', 'maig', 'juny', 'juliol', 'agost', 'setembre', 'octubre', 'novembre', 'desembre'];
const MONTH_WORDS: Array<[number, string[]]> = Array.from({ length: 12 }, (_, i) => [
  i + 1,
  [...new Set([SPANISH && MONTHS_ES, MONTHS_EN, FRENCH && MONTHS_FR, CATALAN && MONTHS_CA].flatMap((months) => (months ? months[i]!.split('|') : [])))],
]);
/** Every month word the grammar knows, for the redacted sample's allow-list (pure: see UNIT_WORDS in units.ts). */
export const MONTH_NAMES: readonly string[] = /* @__PURE__ */ MONTH_WORDS.flatMap(([, words]) => words);
const MONTH_BY_WORD = new Map<string, number>();
for (const [m, words] of MONTH_WORDS) for (const w of words) MONTH_BY_WORD.set(w, m);
const MONTH_ALT = [...MONTH_BY_WORD.keys()].sort((a, b) => b.length - a.length).join('|');

interface RawDate {
  index: number;
  length: number;
  year: number | null;
  month: number;
  day: number;
}

type Pattern = { re: RegExp; read: (m: RegExpExecArray) => Omit<RawDate, 'index' | 'length'> | null };
const CHINESE_DATE: Pattern[] = CHINESE
  ? [
      {
        // 2026年10月6日, 10月6日 (zh)
        re: /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/gu,
        read: (m) => ({ year: m[1] ? Number(m[1]) : null, month: Number(m[2]), day: Number(m[3]) }),
      },
    ]
  : [];

const PATTERNS: Pattern[] = [
  ...CHINESE_DATE,
  {
    // 2026.10.06, 2026-10-06 (also the date part of an ISO timestamp), 2026/10/06
    re: /(?<![\d.,/-])(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?!\d)/gu,
    read: (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    // 06/10/2026, 06-10-2026, 06.10.2026, 06/10/26
    re: /(?<![\d.,/:-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[.,/]\d)/gu,
    read: (m) => ({ year: twoDigitYear(m[4] ?? ''), month: Number(m[3]), day: Number(m[1]) }),
  },
  {
    // 02/01 (day first everywhere we operate, Hong Kong included)
    re: /(?<![\d.,/:-])(\d{1,2})\/(\d{1,2})(?!\d|\/|[.,]\d)/gu,
    read: (m) => ({ year: null, month: Number(m[2]), day: Number(m[1]) }),
  },
  {
    // 5 nov, 3 de diciembre, 1er janvier 2027, 12 déc. 2026, 4 de dic de 2026
    re: new RegExp(
      `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:er|º|°)?\\s*(?:de\\s+)?(${MONTH_ALT})(?![\\p{L}])\\.?(?:,?\\s*(?:de\\s+|del\\s+)?(\\d{4})(?!\\d))?`,
      'giu',
    ),
    read: (m) => monthWord(m[2], m[1], m[3]),
  },
  {
    // Dec 12, 2026 / Oct 6 (English pages)
    re: new RegExp(`(?<![\\p{L}])(${MONTH_ALT})(?![\\p{L}])\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4})(?!\\d))?`, 'giu'),
    read: (m) => monthWord(m[1], m[2], m[3]),
  },
];

function twoDigitYear(s: string): number {
  const n = Number(s);
  return s.length === 2 ? 2000 + n : n;
}

function monthWord(word: string | undefined, day: string | undefined, year: string | undefined) {
  const month = MONTH_BY_WORD.get((word ?? '').toLowerCase());
  if (!month || !day) return null;
  return { year: year ? Number(year) : null, month, day: Number(day) };
}

function scanRaw(text: string): RawDate[] {
  const out: RawDate[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const r = read(m);
      if (r) out.push({ ...r, index: m.index, length: m[0].length });
    }
  }
  // Earliest first; at one position the longest reading wins ("5 nov 2026" over "5 nov").
  return out.sort((a, b) => a.index - b.index || b.length - a.length);
}

/** Picks the year for a yearless day-month per `direction`; null if the day never exists. */
function inferYear(month: number, day: number, now: number, timeZone: string, direction: DateDirection): number | null {
  const today = zonedParts(now, timeZone);
  const options: Array<{ year: number; diff: number }> = [];
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    if (isValidDay(year, month, day)) options.push({ year, diff: dayDiff(today, { year, month, day }) });
  }
  if (options.length === 0) return null;
  const ahead = options.filter((o) => o.diff >= 0).sort((a, b) => a.diff - b.diff)[0];
  const behind = options.filter((o) => o.diff < 0).sort((a, b) => b.diff - a.diff)[0];
  if (direction === 'nearest') {
    if (!ahead) return behind?.year ?? null;
    if (!behind) return ahead.year;
    return -behind.diff < ahead.diff ? behind.year : ahead.year;
  }
  if (direction === 'future') {
    if (ahead && (ahead.diff <= FLIP_DAYS || !behind)) return ahead.year;
    return behind?.year ?? null;
  }
  if (behind && (-behind.diff <= FLIP_DAYS || !ahead)) return behind.year;
  // 'past' treats today as already past.
  return ahead?.year ?? null;
}

export interface FoundDate {
  time: number;
  index: number;
  length: number;
  kind: 'absolute' | 'relative';
}

/** Every absolute date in text, in order of appearance (for ranges like "5 nov - 4 dic"). */
export function findAbsoluteDates(text: string, options: DateOptions): FoundDate[] {
  const timeZone = options.timeZone ?? 'UTC';
  const direction = options.direction ?? 'future';
  const out: FoundDate[] = [];
  let end = -1;
  for (const raw of scanRaw(text)) {
    if (raw.index < end) continue; // overlaps an earlier, longer match
    const year = raw.year ?? inferYear(raw.month, raw.day, options.now, timeZone, direction);
    if (year === null || !isValidDay(year, raw.month, raw.day)) continue;
    out.push({ time: zonedTime(year, raw.month, raw.day, 0, 0, timeZone), index: raw.index, length: raw.length, kind: 'absolute' });
    end = raw.index + raw.length;
  }
  return out;
}

export function parseDate(text: string, options: DateOptions): number | null {
  return findAbsoluteDates(text, options)[0]?.time ?? null;
}

/** Every date or relative expression in text, in order of appearance. */
export function findDates(text: string, options: DateOptions): FoundDate[] {
  const relOptions: RelativeOptions = { now: options.now, timeZone: options.timeZone };
  const all = [...findAbsoluteDates(text, options), ...findRelative(text, relOptions)];
  return all.sort((a, b) => a.index - b.index || b.length - a.length);
}

export function findDate(text: string, options: DateOptions): number | null {
  return findDates(text, options)[0]?.time ?? null;
}
