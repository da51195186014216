/**
 * Finding a usage card from its label. Three mechanisms live in lib/reader, for three page shapes;
 * all read element text and ancestors from the page model (lib/extract/text.ts: pageText's `of`
 * and `parent`, one walk per parse, shadow roots and frames included), and all stop rather than guess:
 *
 * - here, `climbToCards`: from each label, the smallest ancestor whose text a reader accepts. For
 *   pages whose cards each hold complete figures (Movistar ES, the generic reader, and through
 *   climbCards in own-cards.ts the Chilean portals, which also stop at an ancestor showing two
 *   phone numbers).
 * - own-cards.ts, `readOwnCards`: buckets side by side where one without figures of its own must
 *   not borrow its neighbour's (China Mobile HK). The stop rule differs: never climb into an
 *   ancestor holding another label, whether or not that one was read, and a flat run of siblings
 *   can be a card; unread buckets come back too, so the adapter can tell a layout change.
 * - blocks.ts, `readBlocks`: pages with several lines and allowances at once (Orange, Telcel,
 *   Movistar MX), where rings carry no label at all: amounts are anchors too, non-data labels
 *   (minutes, money) bound every climb, and each block gets its line and bucket. Too different in
 *   what stops a climb and what a block carries to be another reader for climbToCards.
 */
import type { PageText } from '../extract/text';
import type { NumberLocale } from '../extract/numbers';
import { readFigures, type Figures } from './figures';

export interface ClimbedCard<T> {
  anchor: Element;
  element: Element;
  text: string;
  value: T;
}

/** How far up from a label we look for its figures: a card, never the whole page. */
const MAX_CLIMB = 5;

/**
 * From each anchor (a label like "Consumo de datos"), climbs to the smallest ancestor whose text
 * `read` accepts, at most `maxClimb` levels up; `read` answers false to stop the climb there (an
 * ancestor that spans two lines). Anchoring on visible labels rather than class names
 * keeps adapters working when a portal re-skins; stopping at the first complete ancestor, and
 * never climbing into (or around) a card already found, keeps two lines on one page apart.
 * `kindOf` names the bucket an anchor labels (null: a neutral label like "Llevas"): a climb never
 * enters an ancestor that holds a label of ANOTHER bucket, so a roaming tile without figures of
 * its own cannot borrow the national allowance's. Ancestors are the page model's (shadow hosts
 * and frames included).
 */
export function climbToCards<T>(
  anchors: readonly Element[],
  read: (text: string) => T | null | false,
  page: PageText,
  maxClimb = MAX_CLIMB,
  kindOf?: (anchor: Element) => string | null,
): ClimbedCard<T>[] {
  const cards: ClimbedCard<T>[] = [];
  const kinds = kindOf ? anchors.map((a) => [a, kindOf(a)] as const).filter(([, k]) => k !== null) : [];
  const otherKind = (at: Element, anchor: Element, kind: string | null): boolean =>
    kinds.some(([other, k]) => k !== kind && other !== anchor && page.contains(at, other) && !page.contains(other, anchor) && !page.contains(anchor, other));
  // Climbs from neighbouring labels meet in the same ancestors, and a wrapper shows what its
  // child shows: read each distinct text once.
  const judged = new Map<string, T | null | false>();
  for (const anchor of anchors) {
    const kind = kindOf ? kindOf(anchor) : null;
    let el: Element | null = anchor;
    for (let level = 0; el && level <= maxClimb; level++, el = page.parent(el)) {
      const at: Element = el;
      if (cards.some((c) => c.element === at || page.contains(c.element, at) || page.contains(at, c.element))) break;
      if (kinds.length > 0 && otherKind(at, anchor, kind)) break;
      const text = page.of(at);
      let value = judged.get(text);
      if (value === undefined) judged.set(text, (value = read(text)));
      if (value === false) break;
      if (value !== null) {
        cards.push({ anchor, element: at, text, value });
        break;
      }
    }
  }
  return cards;
}

const HEADING = /^h[1-6]$/;
const TITLE_CLASS = /(?:^|[\s_-])(?:title|titulo|heading|header|titre)(?:$|[\s_-])/i;

/** Whether a label is a card's title (a heading) rather than a row inside a card. */
export function isTitle(el: Element): boolean {
  return HEADING.test(el.localName) || el.getAttribute('role') === 'heading' || TITLE_CLASS.test(el.getAttribute('class') ?? '');
}

/**
 * The `kindOf` for climbToCards from a label → bucket rule: a label of another bucket (roaming,
 * shared, bonus) always guards; a plain data label guards only as a card's title ("Consumo de
 * datos" over the national card), so a row label inside a bonus card ("Datos disponibles")
 * does not stop that card's own climb.
 */
export function bucketGuard(page: PageText, bucketOf: (label: string) => string | null): (anchor: Element) => string | null {
  return (anchor) => {
    const bucket = bucketOf(page.of(anchor));
    if (bucket === null) return null;
    return bucket !== 'data' || isTitle(anchor) ? bucket : null;
  };
}

/** climbToCards with the shared grammar as the reader: each card's `value` is its figures. */
export function findUsageCards(
  anchors: readonly Element[],
  page: PageText,
  locale: NumberLocale,
  base: 1000 | 1024,
  kindOf?: (anchor: Element) => string | null,
): ClimbedCard<Figures>[] {
  return climbToCards(anchors, (text) => readFigures(text, locale, base), page, MAX_CLIMB, kindOf);
}
