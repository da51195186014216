import { visibleText } from '../extract/text';
import type { NumberLocale } from '../extract/numbers';
import { readFigures, type Figures } from './figures';

export interface UsageCard {
  element: Element;
  text: string;
  figures: Figures;
}

/** How far up from a label we look for its figures: a card, never the whole page. */
const MAX_CLIMB = 5;

/**
 * From each anchor (a label like "Consumo de datos"), climbs to the smallest ancestor whose text
 * holds a complete set of figures. Anchoring on visible labels rather than class names keeps
 * adapters working when a portal re-skins; stopping at the first complete ancestor keeps two lines
 * on one page apart.
 */
export function findUsageCards(
  anchors: readonly Element[],
  locale: NumberLocale,
  base: 1000 | 1024,
): UsageCard[] {
  const cards: UsageCard[] = [];
  for (const anchor of anchors) {
    let element: Element | null = anchor;
    for (let level = 0; element && level <= MAX_CLIMB; level++, element = element.parentElement) {
      if (cards.some((card) => card.element === element || card.element.contains(element!) || element!.contains(card.element))) {
        break;
      }
      const text = visibleText(element);
      const figures = readFigures(text, locale, base);
      if (figures) {
        cards.push({ element, text, figures });
        break;
      }
    }
  }
  return cards;
}
