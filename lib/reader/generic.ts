import { findDate } from '../extract/dates';
import { lineNumber } from '../extract/line-number';
import type { NumberLocale } from '../extract/numbers';
import { langOf, PHRASES, type Lang } from '../extract/phrases';
import { anyOf, CATALAN, CHINESE, FRENCH, SPANISH } from '../extract/page-languages';
import { pageText } from '../extract/text';
import type { CarrierInfo } from '../carriers/catalog';
import type { PageReading, ParseContext, ParseResult } from '../vocabulary/reading';
import { findUsageCards } from './cards';
import { pageKind } from './page-kind';

/** The languages this build has phrases for (lib/extract/page-languages.ts). */
const LANGS = (['es', 'fr', 'zh', 'en'] as Lang[]).filter((lang) => PHRASES.used[lang].length > 0);
/** Cycle-end wording in our languages; the date itself is parsed by lib/extract. */
const CYCLE_END = new RegExp(
  `(?:${anyOf(SPANISH && 'cierra|renueva|reinicia|vence|vigencia|hasta', (SPANISH || CATALAN) && 'termina|caduca', FRENCH && 'renouvellement|expire|valable', CHINESE && '失效|到期|有效期', 'renews?|expir\\w*|valid until', CATALAN && 'es renova|fins al?')})[^\\n]{0,30}`,
  'i',
);

function phraseRegex(lang: Lang): RegExp {
  const sources = [...PHRASES.used[lang], ...PHRASES.remaining[lang]].map((re) => re.source);
  return new RegExp(sources.join('|'), 'iu');
}

/**
 * The last resort on a carrier host whose adapter cannot read the page (a redesign, a route we
 * have not seen): the shared grammar applied to blocks anchored on "used"/"remaining" wording in
 * the carrier's language, then in the others, on the same text model as the adapters (shadow
 * roots, frames, nothing hidden). Readings are marked `generic`, and the popup asks the user to
 * confirm the first one per line before it counts. Never on a forum, help or article page, nor
 * behind a sign-in dialog.
 */
export function readGeneric(doc: Document, carrier: Pick<CarrierInfo, 'locale' | 'unitBase' | 'country'>, { now, timeZone }: ParseContext, url?: URL): ParseResult {
  if (!doc.body) return { ok: false, reason: 'not-usage-page', detail: 'empty document' };
  const page = pageText(doc);
  const refused = pageKind(url ?? new URL(doc.location?.href ?? 'about:blank'), page);
  if (refused) return refused;
  const own = langOf(carrier.locale);
  for (const lang of [...LANGS.filter((l) => l === own), ...LANGS.filter((l) => l !== own)]) {
    const anchors = page.find(phraseRegex(lang));
    const cards = findUsageCards(anchors, page, carrier.locale as NumberLocale, carrier.unitBase);
    if (cards.length === 0) continue;
    // With one card on the page, the number and dates may sit outside it (a header, a selector).
    const context = cards.length === 1 ? page.text : '';
    const readings = cards.map(({ text, value: figures }): PageReading => {
      const end = CYCLE_END.exec(text) ?? CYCLE_END.exec(context);
      return {
        lineDigits: lineNumber(text, carrier.country) ?? (context ? lineNumber(context, carrier.country) : null),
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
