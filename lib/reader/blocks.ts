/**
 * Usage blocks on pages that show several lines and several allowances at once (Orange ES/FR,
 * Sosh, Telcel, Movistar MX): one block per allowance, each with the line it belongs to.
 *
 * Why not findUsageCards alone: a bucket without complete figures of its own (a roaming tile
 * showing only "0 MB") would climb into its neighbour and borrow the data figures. Here a climb
 * stops at any ancestor holding a label of another bucket or a non-data label (minutes, SMS,
 * money), and amounts themselves are anchors too, because Orange draws rings with no label at all.
 * Element texts and text nodes come from the adapter's one page walk (pageText); see cards.ts for
 * how this relates to the other card finders.
 */
import { lineNumbers } from '../extract/line-number';
import { contextOf, lineOf, type Block, type TextNode } from './block-lines';
import type { PageText } from '../extract/text';
import { findAmounts } from '../extract/units';
import { isUnlimitedText } from '../extract/unlimited';
import type { Bucket, CarrierContext } from '../vocabulary/reading';
import { readFigures, type Figures } from './figures';
import { unglue } from './own-cards';
import { isTitle } from './cards';
import { anyOf, CATALAN, FRENCH, SPANISH } from '../extract/page-languages';

export type { Block } from './block-lines';

export interface BlockRules {
  /** Labels of data allowances (titles, "Datos consumidos"), matched on an element's whole text. */
  labels: RegExp;
  /** Labels of what is not data (minutes, SMS, money): a block never grows past one. */
  boundaries: RegExp;
  /** The bucket a label or block names when it is not plain data (roaming, bonus…), else null. */
  bucketOf(text: string): Bucket | null;
  /** "Unlimited" said of something else ("Redes sociales ilimitadas"): ignored. */
  otherUnlimited?: RegExp;
  /** Blocks the page marks by id or data attribute (Orange FR's `internetMobile` family). */
  blocks?(page: PageText): Element[];
  /**
   * Where a bare "X de Y" could be either used or left (Orange FR's main figure is what is LEFT),
   * figures count only when an amount carries one of these words right next to it.
   */
  requireLabel?: { used: RegExp; left: RegExp };
  /** Whether an icon after "de" says infinity (Orange ES's ring: lib/reader/infinity-icon.ts). */
  iconUnlimited?: (el: Element) => boolean;
}


const MAX_CLIMB = 6;
const AMOUNT_START = /^[^\n]{0,24}?\d\s?(?:[KMGT]B|[KMGT]o)(?![\p{L}])/u;
// A ring's big number over its unit ("5,82" / "GB" in two blocks) is still one amount.
const SPLIT_UNIT = /(^|\n)(\d[\d.,]*)\n(?=(?:[KMGT]B|[KMGT]o)(?![\p{L}]))/gu;
// Words of the languages read (lib/extract/page-languages.ts): "restant", "disponible" are
// Spanish, French and Catalan alike.
const USED_NEAR = new RegExp(anyOf(SPANISH && 'consumid[oa]s?|usad[oa]s?|utilizad[oa]s?|llevas', FRENCH && 'consomm[ée]e?s?|utilis[ée]e?s?', 'used'), 'i');
const LEFT_NEAR = new RegExp(anyOf('restant|disponible', SPANISH && 'quedan?', FRENCH && 'reste', (SPANISH || CATALAN) && 'saldo', 'left|remaining'), 'i');
// Offers quote allowances too ("50GB de 100GB por solo 5 €/mes"): a block never includes one.
// Prices per month mark an offer, in the languages this script reads (none read: no offer words).
const MONTH_WORD = anyOf((SPANISH || CATALAN) && 'mes', FRENCH && 'mois');
const OFFER_WORDS = anyOf(
  MONTH_WORD !== '' && `[€$]\\s*\\/\\s*(?:${MONTH_WORD})|\\/\\s*(?:${MONTH_WORD})(?![\\p{L}])`,
  SPANISH && '\\bal\\s+mes\\b|por\\s+solo',
  FRENCH && 'par\\s+mois|pour\\s+seulement',
);
const OFFER = OFFER_WORDS ? new RegExp(OFFER_WORDS, 'iu') : null;
// Money is never data: "$12.990 Go" in a price list must not read as 12,99 Go.
// Money and glued figures are made of digits: text without one needs no cleaning.
const DIGIT = /\d/;
const MONEY = /[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|(?:MXN|EUR)(?![A-Za-z]))/g;
// Buttons name buckets they sell ("Contratar bonos extra"), not the block they sit in.
const ACTION_LINE = new RegExp(
  `^(?:${anyOf('contrat|command', SPANISH && 'compra|a[ñn]ad|ver\\b|activa|recarg|m[aá]s info', FRENCH && 'ach[eè]t|ajout|voir|d[ée]couvr|souscri|g[ée]rer')})`,
  'i',
);

/** The blocks of the page, read from its one walk (the text model, shadow roots and frames included). */
export function readBlocks(page: PageText, rules: BlockRules, context: CarrierContext): Block[] {
  const texts = page.of;
  const { locale, base, country } = context;
  const top = page.doc?.body ?? null;
  // Climbs stop at the page's body; a frame's body climbs on into its frame element.
  const up = (el: Element): Element | null => (el === top ? null : page.parent(el));
  const body = top ?? page.doc?.documentElement;
  if (!body) return [];
  // Climbs from many anchors meet in the same ancestors: read each element's text once.
  const cleaned = new Map<Element, string>();
  const textOf = (el: Element): string => {
    let t = cleaned.get(el);
    // Label and value spans joined with nothing ("Datos disponibles1,024 MB") get their space back.
    if (t === undefined) cleaned.set(el, (t = unglue(texts(el).replace(SPLIT_UNIT, '$1$2 ').replace(MONEY, ' '))));
    return t;
  };
  const nodes = textNodes(page);
  // A text node alone in an element read as text is that element's whole text: clean it directly.
  for (const { value, parent, alone } of nodes) if (alone) cleaned.set(parent, DIGIT.test(value) ? unglue(value.replace(MONEY, ' ')) : value);
  const ancestors = new Map<Element, Set<Element>>();
  const within = (outer: Element, el: Element): boolean => {
    let set = ancestors.get(el);
    if (!set) {
      set = new Set();
      for (let a: Element | null = el; a; a = page.parent(a)) set.add(a);
      ancestors.set(el, set);
    }
    return set.has(outer);
  };
  const apart = (a: Element, b: Element) => !within(a, b) && !within(b, a);
  const matching = (re: RegExp): Element[] => {
    const hits = new Set<Element>();
    for (const { value, parent } of nodes) {
      const text = textOf(parent);
      if (re.test(value) || (text !== value && re.test(text))) hits.add(parent);
    }
    const all = [...hits];
    return all.filter((el) => !all.some((o) => o !== el && within(el, o)));
  };
  const labels = matching(rules.labels);
  const bounds = matching(rules.boundaries).filter((b) => !labels.includes(b));
  // A label naming no bucket ("Datos", "Te quedan") is neutral: it never stops another one's climb.
  // A title naming no other bucket ("Internet mobile" over its card) is the plan's data: it bounds
  // another bucket's climb, so an empty shared pool never borrows the line's own figures.
  const kinds = new Map<Element, Bucket | null>(labels.map((l) => [l, rules.bucketOf(texts(l)) ?? (isTitle(l) ? 'data' : null)]));
  const conflicts = (l: Element, kind: Bucket | null) => {
    const k = kinds.get(l);
    return !!k && k !== kind && (kind !== null || k !== 'data');
  };
  const found: Array<Omit<Block, 'lineDigits' | 'context'>> = [];

  // A block the page marks (Orange FR's internetMobile family) holds its family's figures: a climb
  // never leaves it nor enters it from outside, or a family that lost its total would pair with
  // the next family's ("Il vous reste 8 Go" + the shared pool's "sur 200 Go" read 8 Go left of 200).
  const marked = rules.blocks?.(page) ?? [];
  const climbUp = (el: Element): Element | null => (marked.includes(el) ? null : up(el));
  const climb = (anchor: Element, kind: Bucket | null) => {
    let el: Element | null = anchor;
    for (let level = 0; el && level <= MAX_CLIMB; level++, el = climbUp(el)) {
      const here: Element = el;
      if (found.some((b) => !apart(b.element, here))) return;
      if (marked.some((m) => m !== here && within(here, m) && !within(m, anchor))) return;
      if (bounds.some((b) => within(here, b) && apart(b, anchor))) return;
      if (labels.some((l) => conflicts(l, kind) && within(here, l) && apart(l, anchor))) return;
      const text = textOf(here);
      if (OFFER?.test(text)) return;
      const figures = readFigures(text, locale, base) ?? usedOfUnlimited(text, here, rules, context);
      if (figures) {
        // A block belongs to one line: an ancestor showing two numbers (a table of lines) is the page.
        if (lineNumbers(text, country).size > 1) return;
        if (sane(figures) && !contradicted(text, figures, context) && (!rules.requireLabel || labelled(text, figures, rules, context))) found.push({ element: here, text, figures, bucket: bucketFor(here, text, kind) });
        return;
      }
    }
  };
  const bucketFor = (el: Element, text: string, kind: Bucket | null): Bucket => {
    // The title line names the bucket; a note further down ("dont 25 Go en Europe") does not.
    const own = rules.bucketOf(text.split('\n').find((l) => !ACTION_LINE.test(l)) ?? '');
    if (kind) return kind;
    if (own) return own;
    // An unlabelled ring takes the label just above it, if that label is close by.
    const p = page.parent(el);
    const pp = p && page.parent(p);
    const near = pp && page.parent(pp);
    const before = labels.filter((l) => near && within(near, l) && page.before(l, el));
    return (before.length ? kinds.get(before[before.length - 1]!) : null) ?? 'data';
  };

  for (const block of marked) climb(block, null);
  for (const label of labels) climb(label, kinds.get(label) ?? null);
  for (const amount of amountElements(nodes, up, textOf, within)) climb(amount, null);
  found.sort((a, b) => (page.before(a.element, b.element) ? -1 : 1));

  const withLines = found.map((b) => ({ ...b, lineDigits: lineOf(b.element, up, textOf, nodes, within, context) }));
  const oneLine = new Set(withLines.map((b) => b.lineDigits)).size <= 1;
  return withLines.map((b) => ({ ...b, context: oneLine ? textOf(body) : contextOf(b, withLines, up, within, textOf) }));
}


/** The non-blank pieces the page walk read (the text model's notion of shown), each with its element. */
function textNodes(page: PageText): TextNode[] {
  const out: TextNode[] = [];
  const values = page.pieceTexts();
  page.pieces.forEach(({ owner: parent, alone }, i) => {
    const value = values[i]!;
    if (value !== '') out.push({ value, parent, alone });
  });
  return out;
}

/** Smallest elements whose text starts with an amount, split spans included ("5,82<span>GB</span>"). */
function amountElements(nodes: TextNode[], up: (el: Element) => Element | null, textOf: (el: Element) => string, within: (o: Element, e: Element) => boolean): Element[] {
  const found = new Set<Element>();
  for (const { value, parent } of nodes) {
    if (!/\d/.test(value)) continue;
    if (AMOUNT_START.test(value)) {
      found.add(parent);
      continue;
    }
    // Only a bare number may be completed by its neighbours ("5,82" + "<span>GB</span>").
    if (!/^[\d.,\s]+$/.test(value)) continue;
    let el: Element | null = parent;
    for (let level = 0; el && level < 3; level++, el = up(el)) {
      if (AMOUNT_START.test(textOf(el))) {
        found.add(el);
        break;
      }
    }
  }
  const all = [...found];
  return all.filter((el) => !all.some((other) => other !== el && within(el, other)));
}

/** A used amount next to an explicit "unlimited" (Orange ES "5,82GB de ∞", FR "Illimité"). */
function usedOfUnlimited(text: string, el: Element, rules: BlockRules, { locale, base }: CarrierContext): Figures | null {
  const clean = rules.otherUnlimited ? text.replace(rules.otherUnlimited, ' ') : text;
  const amounts = findAmounts(clean, locale, base);
  const near = (a: (typeof amounts)[number], re: RegExp) =>
    re.test(clean.slice(Math.max(0, a.index - 30), a.index)) || re.test(clean.slice(a.index + a.length, a.index + a.length + 16));
  const used = amounts.filter((a) => near(a, USED_NEAR));
  const pick = used.length === 1 ? used[0] : amounts.length === 1 ? amounts[0] : undefined;
  if (!pick || near(pick, LEFT_NEAR)) return null;
  const iconAfterDe = !!rules.iconUnlimited && /^\s*de\s*$/i.test(clean.slice(pick.index + pick.length)) && rules.iconUnlimited(el);
  // The word before the amount or on its line ("Illimité" / "210,5 Go consommés", "5,82GB de ∞");
  // on a later line it is the next allowance's, whose title may be gone ("Appels" / "Illimités").
  const lineEnd = clean.indexOf('\n', pick.index + pick.length);
  if (!isUnlimitedText(lineEnd < 0 ? clean : clean.slice(0, lineEnd)) && !iconAfterDe) return null;
  return { usedBytes: pick.bytes, totalBytes: null, unlimited: true, remainingBytes: null };
}

/** The figure read is the one its own label names: "Il vous reste 12 Go", "87 Go consommés". */
function labelled(text: string, figures: Figures, rules: BlockRules, { locale, base }: CarrierContext): boolean {
  const amounts = findAmounts(text, locale, base);
  const tagged = (re: RegExp, bytes: number | null) => {
    const before = new RegExp(`(?:${re.source})\\s*[:：]?\\s*$`, re.flags);
    const after = new RegExp(`^\\s*(?:${re.source})`, re.flags);
    return amounts.some(
      (a) => a.bytes === bytes && (before.test(text.slice(Math.max(0, a.index - 30), a.index)) || after.test(text.slice(a.index + a.length))),
    );
  };
  return tagged(rules.requireLabel!.left, figures.remainingBytes) || tagged(rules.requireLabel!.used, figures.usedBytes);
}

/**
 * A figure read one way while its own amount is worded the other way ("Te quedan % 3,1 GB de 5 GB"
 * read as used because the label is no longer adjacent): too unsure to keep.
 */
function contradicted(text: string, { usedBytes, remainingBytes, unlimited }: Figures, { locale, base }: CarrierContext): boolean {
  if (unlimited) return false;
  const amounts = findAmounts(text, locale, base);
  return amounts.some((a, i) => {
    // Only the words since the previous amount speak of this one.
    const prev = amounts[i - 1];
    const before = text.slice(Math.max(0, a.index - 20, prev ? prev.index + prev.length : 0), a.index);
    const left = LEFT_NEAR.test(before);
    const used = USED_NEAR.test(before);
    if (usedBytes === remainingBytes) return false;
    return (a.bytes === usedBytes && left && !used) || (a.bytes === remainingBytes && used && !left);
  });
}

function sane({ usedBytes, totalBytes, remainingBytes }: Figures): boolean {
  if (totalBytes === null) return true;
  return (remainingBytes === null || remainingBytes <= totalBytes) && (usedBytes === null || usedBytes <= totalBytes * 1.5);
}
