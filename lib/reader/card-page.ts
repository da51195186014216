import type { CarrierContext } from '../vocabulary/reading';
import type { NumberLocale } from '../extract/numbers';
import type { PageText } from '../extract/text';
import type { Bucket, PageReading, ParseContext, ParseResult } from '../vocabulary/reading';
import { withPeriodEndKind } from './period-kind';
import { readFigures, type Figures } from './figures';
import { looksSignedOut, wordingNearAField } from './logged-out';
import { cardLineDigits, climbCards, explained, plausible, unglue, unlimitedFigures } from './own-cards';
import { phraseDate, phraseTime } from './phrase-dates';
import { bucketGuard } from './cards';

/**
 * A whole parse for portals that show each allowance as a card under a label of its own (Claro,
 * Movistar and Entel Chile): from each label, the smallest ancestor with readable figures
 * (climbCards), one reading per card. The adapter states only its words and quirks.
 */
export interface CardPage {
  /** Labels cards are climbed to from ("Consumo de datos", "Bolsa"), matched on an element's text. */
  anchors: RegExp;
  /** Elements the page marks as its usage card (an id), climbed from before the labels. */
  cardSelector?: string;
  /** The figures of one card's text, or null when it does not clearly hold them. */
  figures(text: string, context: CarrierContext): Figures | null;
  /** The bucket a card's label names. */
  bucketOf(label: string): Bucket;
  /** Whether a page whose labels hold no figures still is a usage page (its layout changed). */
  usagePage(text: string, url: URL, page: PageText): boolean;
  /** What the layout-changed failure says. */
  layoutDetail?: string;
  /** A card's dates, from its text and the page's (`single`: the page's only card). */
  dates(card: string, page: string, single: boolean, context: ParseContext): Pick<PageReading, 'periodEnd' | 'pageSaysUpdatedAt'>;
}

export function readCardPage(page: PageText, url: URL, shape: CardPage, context: CarrierContext): ParseResult {
  // A marked card first: it holds the whole usage card, so its labels fold into it.
  const marked = shape.cardSelector ? page.select(shape.cardSelector) : [];
  const anchors = [...marked, ...page.find(shape.anchors)];
  // Another bucket's label, or the title of the data card, bounds a climb (see bucketGuard).
  const guard = bucketGuard(page, shape.bucketOf);
  const kindOf = (anchor: Element) => (marked.includes(anchor) ? null : guard(anchor));
  const cards = climbCards(anchors, (text) => shape.figures(text, context), page, context.country, kindOf);
  if (cards.length === 0) {
    if (looksSignedOut(page, wordingNearAField(url))) return { ok: false, reason: 'logged-out', detail: 'sign-in form' };
    return anchors.length > 0 && shape.usagePage(page.text, url, page)
      ? { ok: false, reason: 'layout-changed', detail: shape.layoutDetail ?? 'labels without figures' }
      : { ok: false, reason: 'not-usage-page', detail: 'no usage card' };
  }
  const single = cards.length === 1;
  const readings = cards.map(
    ({ anchor, element, text: card, value }): PageReading =>
      withPeriodEndKind(
        {
          lineDigits: cardLineDigits(element, page, context.country),
          planName: null,
          bucket: shape.bucketOf(page.of(anchor)),
          ...value,
          ...shape.dates(card, page.text, single, context),
        },
        single ? `${card}\n${page.text}` : card,
      ),
  );
  return { ok: true, readings };
}

/**
 * Strict figures for portals without evidence of their wording: used of total never above the
 * total (these carriers stop or throttle at the cap), or a used amount next to an unlimited word
 * (the generic ones or the carrier's `unlimitedWord`), and every amount in the card explained.
 */
export function strictCardFigures(raw: string, locale: NumberLocale, base: 1000 | 1024, unlimitedWord: RegExp): Figures | null {
  const text = unglue(raw);
  const f = plausible(readFigures(text, locale, base), 1) ?? unlimitedFigures(text, locale, base, unlimitedWord);
  return f && explained(f, text, locale, base) ? f : null;
}

/** The card's end date, else the page's when it is the only card; its update time, else the page's. */
export function phraseDates(periodEnd: RegExp, updated: RegExp): CardPage['dates'] {
  return (card, page, single, context) => ({
    periodEnd: phraseDate(card, periodEnd, context) ?? (single ? phraseDate(page, periodEnd, context) : null),
    pageSaysUpdatedAt: phraseTime(card, updated, context) ?? phraseTime(page, updated, context),
  });
}
