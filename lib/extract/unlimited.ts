/**
 * "Unlimited" in every language the portals use, as text or as an icon's label. Orange Spain draws
 * the ∞ of "de ∞" as an icon, so a text-only check would read that plan as having no total.
 */
import { visibleText } from './text';
import { anyOf, CHINESE, FRENCH, SPANISH } from './page-languages';

// Whole words only: "ilimitado" must not fire inside unrelated longer words, but the CJK terms
// have no word boundaries to check. "sin límite(s)"/"sans limite"/"no limit" cover prose.
const UNLIMITED = new RegExp(
  anyOf(
    `(?<![\\p{L}\\p{N}])(?:${anyOf(SPANISH && 'ilimitad[oa]s?|sin\\s+l[íi]mites?|infinit[oa]s?', FRENCH && 'illimit[ée]e?s?|sans\\s+limite', 'unlimited|no\\s+limit')})(?![\\p{L}\\p{N}])`,
    '∞',
    CHINESE && '無限|无限|不限',
  ),
  'iu',
);

export function isUnlimitedText(text: string): boolean {
  return UNLIMITED.test(text);
}

const LABEL_ATTRS = ['aria-label', 'title', 'alt'] as const;

export function hasUnlimitedMarker(el: Element): boolean {
  if (isUnlimitedText(visibleText(el))) return true;
  // Labels on non-empty elements are not part of visibleText, so check every labelled node.
  const labelled = [el, ...Array.from(el.querySelectorAll('[aria-label],[title],[alt]'))];
  return labelled.some((node) =>
    LABEL_ATTRS.some((attr) => {
      const v = node.getAttribute(attr);
      return v !== null && isUnlimitedText(v);
    }),
  );
}
