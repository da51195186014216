/**
 * Relative time phrases ("cierra en 12 días", "Hace 5 minutos", "il y a 3 heures", "3 日後").
 *
 * Day-sized steps (days, weeks, months, hoy/mañana) resolve to local midnight of the target day,
 * like absolute dates do: a page re-read an hour later then still yields the same cycle end, and
 * a reading equal to the previous one is not stored twice. Hour-sized steps are exact offsets.
 */
import { addDays, addMonths, zonedParts, zonedTime } from '../time/calendar';
import { anyOf, CATALAN, CHINESE, FRENCH, SPANISH } from './page-languages';

export interface RelativeOptions {
  now: number;
  timeZone?: string;
}

interface Found {
  time: number;
  index: number;
  length: number;
  kind: 'relative';
}

type Step = 's' | 'min' | 'h' | 'd' | 'w' | 'mo';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// "un" is Spanish, Catalan and French alike.
const QTY = `(\\d{1,4}|${anyOf('un', (SPANISH || CATALAN) && 'una', SPANISH && 'uno', FRENCH && 'une', 'a|an|one')})`;
// Latin unit words of the languages read (Catalan's singular "hora", "dia", "mes" are spelt as
// Spanish's). Bare letters only for the conventional "h" and "min".
const UNIT = `(${anyOf(
  SPANISH && 'segundos?',
  'seconds?|secs?',
  SPANISH && 'minutos?',
  'minutes?|mins?',
  FRENCH && 'secondes?|mn|heures?|jours?|semaines?|mois',
  CATALAN && 'minuts?|hores?|dies|setmanes?|mesos',
  (SPANISH || CATALAN) && 'horas?',
  'hours?|hrs?|h',
  (SPANISH || CATALAN) && 'd[ií]as?',
  'days?',
  SPANISH && 'semanas?',
  'weeks?',
  SPANISH && 'meses',
  (SPANISH || CATALAN) && 'mes',
  'months?',
)})`;
const ZH_UNIT = '(秒|分鐘|分钟|分|小時|小时|日|天|星期|週|周|個月|个月)';

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

type Rule = { re: RegExp; sign: 1 | -1; qty: number; unit: number };
const rule = (source: string, flags: string, sign: 1 | -1): Rule => ({ re: new RegExp(source, flags), sign, qty: 1, unit: 2 });

/** sign: +1 future, -1 past; qty/unit are capture indexes. */
const RULES: Rule[] = [
  // en 12 días, dentro de 2 días, Faltan 13 días, quedan 3 días, dans 5 jours, in 3 days, il reste 3 jours
  // ("en" is Catalan and French too; "falta", "queda" Catalan too.)
  rule(
    `${L}(?:${anyOf('en', SPANISH && 'dentro\\s+de|faltan|quedan|restan', (SPANISH || CATALAN) && 'falta|queda', CATALAN && 'queden|falten', FRENCH && "dans|d'ici|reste|encore", 'in|within')})\\s+${QTY}\\s*${UNIT}${R}`,
    'giu',
    1,
  ),
  // 5 días restantes, 3 jours restants, 3 heures restantes, 3 days left / remaining
  rule(`${L}${QTY}\\s*${UNIT}\\s+(?:${anyOf((SPANISH || FRENCH) && 'restantes?', FRENCH && 'restants?', 'left|remaining')})${R}`, 'giu', 1),
  // hace 2 horas, il y a 3 heures, depuis 2 jours
  rule(`${L}(?:${anyOf(SPANISH && 'hace', CATALAN && 'fa', FRENCH && 'il\\s+y\\s+a|depuis')})\\s+${QTY}\\s*${UNIT}${R}`, 'giu', -1),
  // 3 days ago
  rule(`${L}${QTY}\\s*${UNIT}\\s+ago${R}`, 'giu', -1),
  ...(CHINESE
    ? [
        // 3 日後, 3天后, 5 日內
        rule(`(\\d{1,4})\\s*${ZH_UNIT}\\s*(?:後|后|內|内|之後|之后)`, 'gu', 1),
        // 還有3天, 剩餘3日
        rule(`(?:還有|还有|剩餘|剩余|尚餘|尚余)\\s*(\\d{1,4})\\s*${ZH_UNIT}`, 'gu', 1),
        // 2 小時前
        rule(`(\\d{1,4})\\s*${ZH_UNIT}\\s*(?:前|之前)`, 'gu', -1),
      ]
    : []),
];

function stepOf(unit: string): Step | null {
  const u = unit.toLowerCase();
  if (/^(seg|sec|秒)/.test(u)) return 's';
  if (/^(min|mn|分)/.test(u)) return 'min';
  if (/^(h|小)/.test(u)) return 'h';
  if (/^(d|jour|日|天)/.test(u)) return 'd';
  if (/^(sem|week|星期|週|周)/.test(u)) return 'w';
  if (/^(mes|mois|month|個月|个月)/.test(u)) return 'mo';
  if (/^set/.test(u)) return 'w';
  return null;
}

function qtyOf(q: string): number {
  return /^\d+$/.test(q) ? Number(q) : 1;
}

// Day words. "mañana" after "de la"/"por la"/"esta" is "morning", not "tomorrow". English has no
// word for ±2 days: a build reading none of the other languages has no such entry (an empty one
// would match everywhere).
const DAY_WORDS: Array<[RegExp, number]> = (
  [
    [anyOf(SPANISH && 'pasado\\s+mañana', FRENCH && 'après-demain', CHINESE && '后天|後天'), 2],
    [anyOf(SPANISH && 'anteayer|antier', FRENCH && 'avant-hier', CHINESE && '前天'), -2],
    [anyOf(SPANISH && '(?<!(?:de|por)\\s+la\\s+|esta\\s+)mañana', 'tomorrow', FRENCH && 'demain', CHINESE && '明天|明日'), 1],
    [anyOf(SPANISH && 'ayer', 'yesterday', FRENCH && 'hier', CHINESE && '昨天|昨日'), -1],
    [anyOf(SPANISH && 'hoy', 'today', FRENCH && "aujourd['’]hui", CHINESE && '今天|今日'), 0],
  ] as const
)
  .filter(([words]) => words !== '')
  .map(([words, offset]) => [new RegExp(words, 'iu'), offset]);
const DAY_RE = new RegExp(
  `(?<![\\p{L}])(${DAY_WORDS.map(([re]) => `(?:${re.source})`).join('|')})(?![\\p{L}])` +
    `(?:,?\\s*(?:a\\s+las?|à|at|a\\s+les)?\\s*(\\d{1,2})[:h](\\d{2})(?!\\d))?`,
  'giu',
);
const AT_TIME_RE = /(?<![\p{L}])(?:a\s+las?|à|at)\s+(\d{1,2})[:h](\d{2})(?!\d)/giu;
const NOW_RE = new RegExp(
  anyOf(`(?<![\\p{L}])(?:${anyOf(SPANISH && 'ahora(?:\\s+mismo)?|justo\\s+ahora|hace\\s+un\\s+momento', FRENCH && "à\\s+l['’]instant", 'just\\s+now|right\\s+now')})(?![\\p{L}])`, CHINESE && '剛剛|刚刚'),
  'giu',
);

function dayOffset(word: string): number {
  for (const [re, offset] of DAY_WORDS) if (new RegExp(`^(?:${re.source})$`, 'iu').test(word)) return offset;
  return 0;
}

function atDay(now: number, timeZone: string, days: number, hour = 0, minute = 0): number | null {
  if (hour > 23 || minute > 59) return null;
  const today = zonedParts(now, timeZone);
  const d = addDays(today.year, today.month, today.day, days);
  return zonedTime(d.year, d.month, d.day, hour, minute, timeZone);
}

function apply(now: number, timeZone: string, sign: 1 | -1, qty: number, step: Step): number {
  switch (step) {
    case 's':
      return now + sign * qty * SECOND;
    case 'min':
      return now + sign * qty * MINUTE;
    case 'h':
      return now + sign * qty * HOUR;
    case 'd':
    case 'w':
      return atDay(now, timeZone, sign * qty * (step === 'w' ? 7 : 1)) as number;
    case 'mo': {
      const t = zonedParts(now, timeZone);
      const d = addMonths(t.year, t.month, t.day, sign * qty);
      return zonedTime(d.year, d.month, d.day, 0, 0, timeZone);
    }
  }
}

/** Every relative expression in text, in order of appearance. */
export function findRelative(text: string, options: RelativeOptions): Found[] {
  const { now } = options;
  const timeZone = options.timeZone ?? 'UTC';
  if (!Number.isFinite(now)) return [];
  const out: Found[] = [];
  const push = (index: number, length: number, time: number | null) => {
    if (time !== null && Number.isFinite(time)) out.push({ time, index, length, kind: 'relative' });
  };
  for (const { re, sign, qty, unit } of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const step = stepOf(m[unit] ?? '');
      if (step) push(m.index, m[0].length, apply(now, timeZone, sign, qtyOf(m[qty] ?? ''), step));
    }
  }
  DAY_RE.lastIndex = 0;
  for (let m = DAY_RE.exec(text); m !== null; m = DAY_RE.exec(text)) {
    const offset = dayOffset(m[1] ?? '');
    push(m.index, m[0].length, m[2] ? atDay(now, timeZone, offset, Number(m[2]), Number(m[3])) : atDay(now, timeZone, offset));
  }
  AT_TIME_RE.lastIndex = 0;
  for (let m = AT_TIME_RE.exec(text); m !== null; m = AT_TIME_RE.exec(text)) {
    push(m.index, m[0].length, atDay(now, timeZone, 0, Number(m[1]), Number(m[2])));
  }
  NOW_RE.lastIndex = 0;
  for (let m = NOW_RE.exec(text); m !== null; m = NOW_RE.exec(text)) push(m.index, m[0].length, now);

  // Earliest first; at one position the longest ("hoy a las 14:05" over "a las 14:05").
  out.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: Found[] = [];
  for (const f of out) {
    const last = kept[kept.length - 1];
    if (!last || f.index >= last.index + last.length) kept.push(f);
  }
  return kept;
}

export function parseRelative(text: string, options: RelativeOptions): number | null {
  return findRelative(text, options)[0]?.time ?? null;
}
