/**
 * Cards that keep to their own label (readOwnCards, China Mobile HK), the Chilean portals' climb
 * (climbCards, on climbToCards in cards.ts), and what card readers share: the line a card belongs
 * to, glued labels, and the checks that a card's figures are
 * plausible and fully explained. Why three card finders, see cards.ts.
 */
import { lineNumbers, type Country } from '../extract/line-number';
import type { NumberLocale } from '../extract/numbers';
import { langOf, PHRASES } from '../extract/phrases';
import type { PageText } from '../extract/text';
import { findAmounts } from '../extract/units';
import { isUnlimitedText } from '../extract/unlimited';
import { MAX_USED_OVER_TOTAL } from '../vocabulary/limits';
import { anyOf, CATALAN, FRENCH, SPANISH } from '../extract/page-languages';
import { climbToCards, type ClimbedCard } from './cards';
import type { Figures } from './figures';

export interface OwnCard<T> {
  anchor: Element;
  /** The card element; for a flat list, the anchor's first element of its run of siblings. */
  element: Element;
  text: string;
  /** What `read` made of the card, or null when its figures could not be read. */
  value: T | null;
}

const MAX_CLIMB = 6;

/**
 * Like findUsageCards, but for pages with several labelled buckets side by side (China Mobile HK
 * shows plan, local, roaming and bonus data for each number): an anchor never climbs into an
 * ancestor that holds another anchor, so one bucket can never borrow its neighbour's figures.
 * When labels and figures are flat siblings in one container, an anchor's card is its run of
 * siblings up to the next label, but only when nothing readable comes before the first label
 * (figures above their label would otherwise be given to the previous one).
 */
export function readOwnCards<T>(anchors: readonly Element[], read: (text: string) => T | null, page: PageText, stops: readonly Element[] = []): OwnCard<T>[] {
  const holdsOther = (el: Element, anchor: Element) =>
    anchors.some((o) => o !== anchor && page.contains(el, o) && !page.contains(anchor, o)) || stops.some((o) => page.contains(el, o) && !page.contains(anchor, o));
  return anchors.map((anchor) => {
    let el = anchor;
    for (let level = 0; level <= MAX_CLIMB; level++) {
      const text = page.of(el);
      const value = read(text);
      if (value !== null) return { anchor, element: el, text, value };
      const parent = page.parent(el);
      if (!parent) break;
      if (holdsOther(parent, anchor)) return siblingRun(parent, el, anchor, [...anchors, ...stops], read, page);
      el = parent;
    }
    return { anchor, element: el, text: '', value: null };
  });
}

function siblingRun<T>(
  parent: Element,
  start: Element,
  anchor: Element,
  labels: readonly Element[],
  read: (text: string) => T | null,
  page: PageText,
): OwnCard<T> {
  const holdsLabel = (el: Element) => labels.some((o) => page.contains(el, o));
  const children = page.children(parent);
  const first = children.findIndex(holdsLabel);
  const at = children.indexOf(start);
  const before = children.slice(0, first).map(page.of).join('\n');
  const failed = { anchor, element: start, text: '', value: null };
  if (first < 0 || at < 0 || (before !== '' && read(before) !== null)) return failed;
  const parts = [page.of(start)];
  for (let i = at + 1; i < children.length && !holdsLabel(children[i]!); i++) parts.push(page.of(children[i]!));
  const text = parts.filter((p) => p !== '').join('\n');
  const value = read(text);
  return value === null ? failed : { anchor, element: start, text, value };
}

/**
 * The last digits of the number a card belongs to: the innermost ancestor (the card itself
 * first) showing phone-like numbers decides, and only when it shows exactly one, so on a family
 * page each number's section names its own cards and a two-number ancestor names none.
 */
export function cardLineDigits(card: Element, page: PageText, country: Country): string | null {
  let shown: string | null = null;
  for (let el: Element | null = card; el; el = page.parent(el)) {
    // A wrapper showing just what its child shows (<html> around <body>) shows no number either.
    const text = page.of(el);
    if (text === shown) continue;
    shown = text;
    const found = lineNumbers(text, country);
    if (found.size === 1) return [...found][0]!;
    if (found.size > 1) return null;
  }
  return null;
}

/**
 * climbToCards with the adapter's own reader: from each label, the smallest ancestor whose text
 * `read` accepts. For portals whose labels sit inside one card ("Total utilizado", "Datos
 * disponibles"). An ancestor showing two different phone numbers spans two lines: the climb stops
 * there, so a line without readable figures never borrows its neighbour's.
 */
export function climbCards<T>(
  anchors: readonly Element[],
  read: (text: string) => T | null,
  page: PageText,
  country: Country,
  kindOf?: (anchor: Element) => string | null,
  maxClimb = 5,
): ClimbedCard<T>[] {
  return climbToCards(anchors, (text) => (lineNumbers(text, country).size > 1 ? false : read(text)), page, maxClimb, kindOf);
}

/**
 * An unlimited allowance shown as a used amount next to an unlimited word ("Datos ilimitados",
 * "無限", or the carrier's own word) rather than as "X de ilimitados". Only when the block holds
 * that one amount and it is labelled as used: anything more is a layout we do not know.
 */
export function unlimitedFigures(text: string, locale: NumberLocale, base: 1000 | 1024, word?: RegExp): Figures | null {
  if (!isUnlimitedText(text) && !word?.test(text)) return null;
  const amounts = findAmounts(text, locale, base);
  const used = PHRASES.used[langOf(locale)].map((re) => re.source).join('|');
  const before = new RegExp(`(?:${used})\\s*[:：]?\\s*$`, 'iu');
  const after = new RegExp(`^\\s*(?:${used})`, 'iu');
  const only = amounts.length === 1 ? amounts[0]! : null;
  if (!only) return null;
  const labelled = before.test(text.slice(Math.max(0, only.index - 40), only.index)) || after.test(text.slice(only.index + only.length));
  return labelled ? { usedBytes: only.bytes, totalBytes: null, unlimited: true, remainingBytes: null } : null;
}

// SPA markup joins a label span and a figure span with nothing between them ("Datos disponibles"
// + "18,5 GB" reads "disponibles18,5 GB"), and the grammar rightly refuses numbers glued to words.
// Known label words, words glued to a figure with its unit, and unit-then-word joints get their
// space back.
const GLUED_WORD = new RegExp(
  `(?<![\\p{L}])(${anyOf(
    'de|disponibles?|restantes?|total',
    SPANISH && 'del|utilizad[oa]s?|usad[oa]s?|consumid[oa]s?|quedan|restan|incluidos|llevas',
    (SPANISH || CATALAN) && 'saldo',
    FRENCH && 'sur',
    'of|used|remaining|left',
  )})(?=\\d)`,
  'giu',
);
// Only a word (3 letters or more) is a glued label: "x2 GB" is a multiplier, not "x" + "2 GB".
const GLUED_LETTER = /(?<=[A-Za-z\u00C0-\u024F]{2})([A-Za-z\u00C0-\u024F])(?=\d+(?:[.,]\d+)*[ \u00A0]?(?:[KMGT]B|[KMGT]o)(?![A-Za-z]))/gu;
// Same line only: "0023" over "Movistar" is no "23 Mo".
const GLUED_AFTER = /(\d[ \u00A0]?(?:[KMGT]B|[kKMGT]o))(?=\p{L})/gu;

// Every joint above is a letter right before a digit or a unit right before a letter: text with
// neither (most of a page) is left as it is without running the three searches.
const MAY_BE_GLUED = /\p{L}\d|\d[ \u00A0]?(?:[KMGT]B|[kKMGT]o)\p{L}/u;

export function unglue(text: string): string {
  if (!MAY_BE_GLUED.test(text)) return text;
  return text.replace(GLUED_AFTER, '$1 ').replace(GLUED_WORD, '$1 ').replace(GLUED_LETTER, '$1 ');
}

/**
 * Figures a page could mean: used far beyond the total (what a reversed or re-ordered "25 GB de
 * 4,2 GB" reads as) is a misread the background would refuse anyway; fail here instead.
 * `maxRatio` 1 for carriers that stop or throttle at the cap, where used > total cannot be real.
 */
export function plausible(f: Figures | null, maxRatio = MAX_USED_OVER_TOTAL): Figures | null {
  if (!f || f.usedBytes === null || f.totalBytes === null) return f;
  return f.totalBytes > 0 && f.usedBytes <= f.totalBytes * maxRatio ? f : null;
}

/**
 * Every amount in a card must be one of the figures read (zeros aside: "Datos adicionales: 0MB"),
 * with room for the page's own rounding. An amount left over means the card holds something we
 * did not understand, so the figures may be paired wrongly. `requireTotal`: the total must be
 * written on the page, not derived from used + remaining.
 */
export function explained(f: Figures, text: string, locale: NumberLocale, base: 1000 | 1024, requireTotal = false): boolean {
  const known = [f.usedBytes, f.totalBytes, f.remainingBytes].filter((v): v is number => v !== null);
  const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(16 * 1024 ** 2, 0.01 * Math.max(a, b));
  const amounts = findAmounts(text, locale, base);
  if (requireTotal && f.totalBytes !== null && !amounts.some((a) => near(a.bytes, f.totalBytes!))) return false;
  return amounts.every((a) => a.bytes === 0 || known.some((k) => near(a.bytes, k)));
}
