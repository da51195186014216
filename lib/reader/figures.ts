import { PHRASES } from '../extract/phrases';
import { anyOf, CATALAN, CHINESE, FRENCH, SPANISH } from '../extract/page-languages';
import { isUnlimitedText } from '../extract/unlimited';
import { parseNumber, type NumberLocale } from '../extract/numbers';
import { findAmounts, resolveUsedOfTotal, toBytes, type Amount } from '../extract/units';

/** The mandatory part of a reading: what is used and/or left, and out of what. */
export interface Figures {
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  remainingBytes: number | null;
}

// "3,5 GB de 20 GB", "12 Go sur 100 Go", "350MB / 3000MB", "2 GB of 10 GB".
const OF_JOINER = new RegExp(`^\\s*(?:${anyOf('de(?: un total de)?|del?', FRENCH && 'sur', 'of|out of|\\/|de los')})\\s*$`, 'i');
// Just after an amount: "… de ilimitados", "… sur Illimité", "… / ∞".
const OF_UNLIMITED_AFTER = new RegExp(`^\\s*(?:${anyOf('de', FRENCH && 'sur', 'of|\\/')})\\s*(.{0,16})`, 'i');
const REMAINING_AFTER = new RegExp(`^\\s*(?:${anyOf((SPANISH || FRENCH) && 'disponibles?|restantes?', (FRENCH || CATALAN) && 'restants?', 'left|remaining', SPANISH && 'de saldo', CHINESE && '餘量|余量|剩餘|剩余')})`, 'i');
// A label that already has its own percentage ("38 % consumido") names no amount after it.
// Catalan too (Movistar Spain): "et queden", "Has consumit", "consumits", "utilitzats".
const REMAINING_BEFORE = new RegExp(
  `(?<!\\d\\s?%\\s?)(?:${anyOf(SPANISH && 'te quedan|quedan', CATALAN && 'et queden|queden', FRENCH && 'il vous reste|reste', CHINESE && '剩餘|剩余|餘量|余量', 'remaining|left', (SPANISH || FRENCH) && 'disponibles?', (SPANISH || CATALAN) && 'saldo')})\\s*[:：]?\\s*$`,
  'i',
);
const USED_BEFORE = new RegExp(
  `(?<!\\d\\s?%\\s?)(?:${anyOf(SPANISH && 'has consumido|llevas|consumidos?|utilizados?|total utilizado', FRENCH && 'consommés?', CATALAN && 'has consumit|portes|consumits?|utilitzats?', CHINESE && '已用|已使用', 'used')})\\s*[:：]?\\s*$`,
  'i',
);
// "87,66 Go consommés sur 100 Go", "1.2 GB consumidos": the used label after its amount.
const USED_AFTER = new RegExp(`^\\s*(?:${anyOf(FRENCH && 'consomm[ée]e?s?|utilis[ée]e?s?', SPANISH && 'consumid[oa]s?|usad[oa]s?', CATALAN && 'consumits?|utilitzats?', 'used')})(?![\\p{L}])`, 'iu');
// "已用：0.00/60.00GB": the used number carries no unit of its own; it takes the total's.
// Not a price or a code: "HK$0 /20GB" has no used figure.
// Same line only, and not after another number ("14.50 0 /60GB").
// Never a date's part: "19/11/2026 /2 312 MB", "17/11/2026 G" are dates, not 2026 of 2312 MB.
const BARE_NUMBER_BEFORE_SLASH = /(?<![A-Za-z\u00C0-\u024F\d$€£¥.,/-])(?<![\d.,%][ \t\u00A0]+)(\d+(?:[.,]\d+)*)[ \t\u00A0]*\/[ \t\u00A0]*$/;
// A total named by its label rather than a joiner: "總量 60GB", "Total: 20 GB", Entel's
// "Datos incluidos en tu plan: 3000MB". "Total utilizado" ends in "utilizado", so it stays used.
// A remaining+total pair as label/value rows: "Te quedan 1.250 MB" / "Total de la bolsa 5 GB"
// (Chile prepaid), "Datos disponibles 1,024 MB" / "Datos del paquete 3,072 MB" (Mexico).
const TOTAL_BEFORE = new RegExp(
  `(?:${anyOf(
    CHINESE && '總量|总量|總數據|总数据',
    // "Total" is every language's; the rest is Spanish wording.
    `(?<![\\p{L}])(?:${anyOf(
      `total${SPANISH ? '(?:\\s+(?:de\\s+(?:la|tu|el|tus)|del)\\s+(?:bolsa|plan|paquete|saldo|datos)(?:\\s+de\\s+datos)?)?' : ''}`,
      SPANISH && 'incluidos(?:\\s+en\\s+tu\\s+plan)?|(?:datos|megas|gigas|capacidad)\\s+(?:del|de\\s+tu|de\\s+la)\\s+(?:paquete|plan|bolsa)|tama[ñn]o\\s+de\\s+la\\s+bolsa',
    )})`,
  )})\\s*[:：]?\\s*$`,
  'iu',
);

/**
 * Reads the usage figures out of one block of text (a card, a gauge). Returns null when the text
 * does not clearly hold them: no guessing from a lone amount, because a wrong number is worse
 * than none.
 */
export function readFigures(text: string, locale: NumberLocale, base: 1000 | 1024): Figures | null {
  const amounts = findAmounts(text, locale, base);
  const pair = usedOfTotal(text, amounts, locale, base);
  if (pair) return pair;

  // Labelled figures that are not side by side must still be close: a card that climbed too far
  // (a label removed, a redesign) must not pair "Llevas 3,5 GB" with an offer's "de 5 GB" below.
  const remaining = amounts.find((a) => isRemaining(text, a));
  const used = amounts.find(
    (a) => a !== remaining && (labelledBefore(text.slice(0, a.index), USED_BEFORE) || USED_AFTER.test(text.slice(a.index + a.length))),
  );
  const anchor = remaining ?? used;
  const total = amounts.find(
    (a) =>
      a !== remaining &&
      a !== used &&
      (!anchor || near(text, anchor, a)) &&
      (OF_JOINER.test(lastWord(text.slice(0, a.index))) || TOTAL_BEFORE.test(text.slice(Math.max(0, a.index - 30), a.index))),
  );
  if (remaining && total && !labelBetween(text, remaining, total)) {
    return { usedBytes: Math.max(0, total.bytes - remaining.bytes), totalBytes: total.bytes, unlimited: false, remainingBytes: remaining.bytes };
  }
  if (remaining && used && near(text, remaining, used) && !labelBetween(text, remaining, used)) {
    return { usedBytes: used.bytes, totalBytes: used.bytes + remaining.bytes, unlimited: false, remainingBytes: remaining.bytes };
  }
  if (used && total && !labelBetween(text, used, total)) {
    return { usedBytes: used.bytes, totalBytes: total.bytes, unlimited: false, remainingBytes: Math.max(0, total.bytes - used.bytes) };
  }
  return null;
}

function usedOfTotal(text: string, amounts: Amount[], locale: NumberLocale, base: 1000 | 1024): Figures | null {
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i]!;
    const after = text.slice(a.index + a.length);
    const next = amounts[i + 1];
    if (next && OF_JOINER.test(text.slice(a.index + a.length, next.index))) {
      const { usedBytes, totalBytes } = resolveUsedOfTotal(a, next, base);
      // "Te quedan 7 GB de 10 GB", "Il vous reste 12 Go sur 100 Go": the first amount is what is left.
      if (isRemaining(text, a)) {
        return { usedBytes: totalBytes - usedBytes, totalBytes, unlimited: false, remainingBytes: usedBytes };
      }
      // "Te quedan 12,40 € 16,8 GB de 20 GB": something stands between "what is left" and the pair,
      // so whether the pair is used or left is unknown. Better no figure than the wrong one.
      if (leftWordOnLineBefore(text, a)) return null;
      return { usedBytes, totalBytes, unlimited: false, remainingBytes: Math.max(0, totalBytes - usedBytes) };
    }
    const unlimitedMatch = OF_UNLIMITED_AFTER.exec(after);
    if (unlimitedMatch && isUnlimitedText(unlimitedMatch[1] ?? '')) {
      return { usedBytes: a.bytes, totalBytes: null, unlimited: true, remainingBytes: null };
    }
    const bare = BARE_NUMBER_BEFORE_SLASH.exec(text.slice(Math.max(0, a.index - 24), a.index));
    // A remaining figure is never the total of a bare "x/", and "10/12 k" is a date, not 10 of 12 KB.
    if (bare && !isRemaining(text, a) && !amounts.some((b) => b.index + b.length > a.index - bare[0].length && b.index < a.index)) {
      const value = parseNumber(bare[1] ?? '', locale);
      const dateLike = /^\d{1,2}$/.test(bare[1] ?? '') && /^\d{1,2}\s?[A-Za-z]+$/.test(a.text) && a.value <= 12;
      if (value !== null && !dateLike) {
        const usedBytes = toBytes(value, a.unit, base);
        return { usedBytes, totalBytes: a.bytes, unlimited: false, remainingBytes: Math.max(0, a.bytes - usedBytes) };
      }
    }
  }
  return null;
}

/** Words that only ever say "what is left", however far along the line their figure comes. */
const LEFT_WORDS = new RegExp(`(?:${anyOf(SPANISH && 'te quedan', CATALAN && 'et queden', FRENCH && 'il vous reste', CHINESE && '剩餘|剩余|餘量|余量', 'remaining')})(?![\\p{L}])`, 'iu');

function leftWordOnLineBefore(text: string, amount: Amount): boolean {
  const before = text.slice(Math.max(0, amount.index - 30), amount.index);
  return LEFT_WORDS.test(before.slice(before.lastIndexOf('\n') + 1));
}

function isRemaining(text: string, amount: Amount): boolean {
  return remainingAfter(text.slice(amount.index + amount.length)) || labelledBefore(text.slice(Math.max(0, amount.index - 30), amount.index), REMAINING_BEFORE);
}

/**
 * A label ending `before` names the amount right after it, unless the label sits on an earlier
 * line after a figure of its own ("12.00GB 已使用" / "48.00GB": the label is 12 GB's).
 */
function labelledBefore(before: string, re: RegExp): boolean {
  const m = re.exec(before);
  if (!m) return false;
  if (!before.slice(m.index).includes('\n')) return true;
  const line = before.slice(before.lastIndexOf('\n', m.index) + 1, m.index);
  return !/\d\s?(?:[KMGT]B|[KMGT]o)(?![\p{L}])/u.test(line);
}

/**
 * "60.00GB 餘量": a remaining label right after the amount. On the next line it is the amount's
 * own label only when that line holds no figure of its own: in rows ("已使用 12.00GB" / "剩餘
 * 48.00GB") it labels the next row's figure.
 */
function remainingAfter(after: string): boolean {
  const m = REMAINING_AFTER.exec(after);
  // "已使用 12.00GB 剩餘 48.00GB": a label followed by a figure of its own is that figure's.
  if (!m || /^\s*[:：]?\s*\d/.test(after.slice(m[0].length))) return false;
  const crossed = after.slice(0, m[0].length).includes('\n');
  return !crossed || !/\d/.test(after.slice(m[0].length).split('\n')[0] ?? '');
}

/** At most two line breaks apart: the same gauge, not the next box on the page. */
const MAX_LINES_APART = 2;

function near(text: string, a: Amount, b: Amount): boolean {
  const [first, second] = a.index < b.index ? [a, b] : [b, a];
  let breaks = 0;
  for (let i = first.index + first.length; i < second.index; i++) if (text.charCodeAt(i) === 10 && ++breaks > MAX_LINES_APART) return false;
  return true;
}

// Words that label a used or a remaining figure: the grammar's own phrases, every language.
const LABEL = [...Object.values(PHRASES.used), ...Object.values(PHRASES.remaining)].flat().map((re) => re.source).join('|');
const LABEL_ANYWHERE = new RegExp(LABEL, 'iu');
// Its own label follows an amount on its line ("12,34 Go restants"); on the next line it is another's.
const OWN_LABEL_AFTER = new RegExp(`^[ \\t\\u00A0]*(?:${LABEL})`, 'iu');
const OWN_LABEL_BEFORE = new RegExp(`(?:${LABEL})\\s*[:：]?\\s*$`, 'iu');

/**
 * Whether another figure's label sits between two amounts (their own labels aside): "Il vous
 * reste 8 Go" / "Il vous reste" / "sur 200 Go" is two allowances whose middle figure is missing,
 * not 8 Go left of 200.
 */
function labelBetween(text: string, a: Amount, b: Amount): boolean {
  const [first, second] = a.index < b.index ? [a, b] : [b, a];
  const between = text.slice(first.index + first.length, second.index).replace(OWN_LABEL_AFTER, '').replace(OWN_LABEL_BEFORE, '');
  return LABEL_ANYWHERE.test(between);
}

function lastWord(text: string): string {
  const match = /(\S+)\s*$/.exec(text);
  return match ? match[1]! : '';
}
