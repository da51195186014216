import { findDate } from '../extract/dates';
import { lineDigits } from '../extract/digits';
import type { NumberLocale } from '../extract/numbers';
import { langOf, PHRASES, type Lang } from '../extract/phrases';
import { findElementsByText, visibleText } from '../extract/text';
import type { CarrierInfo } from '../carriers/catalog';
import type { PageReading, ParseContext, ParseResult } from '../vocabulary/reading';
import { findUsageCards } from './cards';

const LANGS: Lang[] = ['es', 'fr', 'zh', 'en'];
/** Cycle-end wording in our languages; the date itself is parsed by lib/extract. */
const CYCLE_END = /(?:cierra|termina|renueva|reinicia|vence|caduca|vigencia|hasta|renouvellement|expire|valable|失效|到期|有效期|renews?|expir\w*|valid until)[^\n]{0,30}/i;

function phraseRegex(lang: Lang): RegExp {
  const sources = [...PHRASES.used[lang], ...PHRASES.remaining[lang]].map((re) => re.source);
  return new RegExp(sources.join('|'), 'iu');
}

/**
 * The last resort on a carrier host whose adapter cannot read the page (a redesign, a route we
 * have not seen): the shared grammar applied to blocks anchored on "used"/"remaining" wording in
 * the carrier's language, then in the others. Readings are marked `generic`, and the popup asks the
 * user to confirm the first one per line before it counts.
 */
export function readGeneric(doc: Document, carrier: Pick<CarrierInfo, 'locale' | 'unitBase'>, { now, timeZone }: ParseContext): ParseResult {
  const body = doc.body;
  if (!body) return { ok: false, reason: 'not-usage-page', detail: 'empty document' };
  const own = langOf(carrier.locale);
  for (const lang of [own, ...LANGS.filter((l) => l !== own)]) {
    const anchors = findElementsByText(body, phraseRegex(lang));
    const cards = findUsageCards(anchors, carrier.locale as NumberLocale, carrier.unitBase);
    if (cards.length === 0) continue;
    // With one card on the page, the number and dates may sit outside it (a header, a selector).
    const context = cards.length === 1 ? visibleText(body) : '';
    const readings = cards.map(({ text, value: figures }): PageReading => {
      const end = CYCLE_END.exec(text) ?? CYCLE_END.exec(context);
      return {
        lineDigits: lineDigits(text) ?? (context ? lineDigits(context) : null),
        planName: null,
        bucket: 'data',
        ...figures,
        periodEnd: end ? findDate(end[0], { now, timeZone, direction: 'future' }) : null,
        pageSaysUpdatedAt: null,
        generic: true,
      };
    });
    return { ok: true, readings };
  }
  return { ok: false, reason: 'layout-changed', detail: 'no usage figures (generic)' };
}
