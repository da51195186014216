import { findDate, parseRelative } from '../extract/dates';
import { findElementsByText, pageText } from '../extract/text';
import { readFigures, type Figures } from '../reader/figures';
import { cardLineDigits, climbCards, looksSignedOut, statedTime, unglue, unlimitedFigures, plausible, explained } from '../reader/own-cards';
import { MOVISTAR_CL } from './catalog';
import { defineCarrier, type PageReading } from './types';

/**
 * Movistar Chile: "Mi Movistar" at mi.movistar.cl, an app with hash routes (/svr/#/…) whose
 * sections load late into a container. Evidence: weak (shared/CARRIERS.md): a usage card with the
 * id `card-revisa-consumo`; prepaid shows a money balance ("saldo", `saldoRecarga`) and a validity
 * date ("vigencia", `fechaVigencia`). Nothing public about the wording inside the card, so the
 * figures lean entirely on the shared grammar (Spanish "Has usado X de Y", "Te quedan", "usados",
 * "disponibles"). Chilean numbers: decimal comma, dot for thousands; "$2.500" is money, never
 * data. 1 GB = 1024 MB, as in the rest of the Movistar (Telefónica) group.
 */
const ANCHORS =
  /^(?:revisa (?:tu )?consumo|consumo(?: de datos| de internet)?|mis consumos|datos(?: m[óo]viles| disponibles| del plan| de tu plan| roaming)?|internet(?: m[óo]vil)?|navegaci[óo]n|bolsas?(?: de datos| de gigas| adicional(?:es)?)?|saldo de datos|gigas|roaming)(?![\p{L}])/iu;
const USAGE_CARD = '#card-revisa-consumo, [id*="revisa-consumo"]';
const ROAMING = /^(?:datos roaming|roaming)/i;
const BONUS = /^bolsa/i;
const PERIOD_END =
  /(?:vigencia|v[áa]lid[oa]s? hasta(?: el)?|vigentes? hasta(?: el)?|vence(?:n)?(?: el)?|fecha de vencimiento|se renueva(?:n)? el|renueva el|fin de(?:l)? (?:ciclo|per[íi]odo)|hasta el|pr[óo]xima facturaci[óo]n|fecha de facturaci[óo]n)\s*:?\s*([^\n]{1,30})/i;
const UPDATED = /(?:actualizad[oa]s?(?: el| al| a las)?|[úu]ltima actualizaci[óo]n|datos al|consumo al)\s*:?\s*([^\n]{1,30})/i;
const UNLIMITED = /(?:gigas?|datos|navegaci[óo]n|internet)\s+libres?(?![\p{L}])/iu;
const USAGE_PAGE = /revisa (?:tu )?consumo|has usado|has consumido|te quedan|llevas|[KMG]B\s+(?:usad|consumid|disponible)/i;

export default defineCarrier(MOVISTAR_CL, {
  parse(doc, url, { now, timeZone }) {
    const body = doc.body;
    if (!body) return { ok: false, reason: 'not-usage-page', detail: 'empty document' };
    const page = pageText(doc);
    // The card's id first: it holds the whole usage card, so its labels fold into it.
    const anchors = [...Array.from(body.querySelectorAll(USAGE_CARD)), ...findElementsByText(body, ANCHORS)];
    const cards = climbCards(anchors, figures, page.of);
    if (cards.length === 0) {
      if (looksSignedOut(doc, url)) return { ok: false, reason: 'logged-out', detail: 'sign-in form' };
      const usagePage = body.querySelector(USAGE_CARD) !== null || /consumo/i.test(url.hash) || USAGE_PAGE.test(page.text);
      return anchors.length > 0 && usagePage
        ? { ok: false, reason: 'layout-changed', detail: 'usage card found but no figures in it' }
        : { ok: false, reason: 'not-usage-page', detail: 'no usage card' };
    }
    const single = cards.length === 1;
    const readings = cards.map(({ anchor, element, text, value }): PageReading => {
      const title = page.of(anchor);
      return {
        lineDigits: cardLineDigits(element, page.of),
        planName: null,
        bucket: ROAMING.test(title) ? 'roaming' : BONUS.test(title) ? 'bonus' : 'data',
        ...value,
        periodEnd: periodEnd(text, now, timeZone) ?? (single ? periodEnd(page.text, now, timeZone) : null),
        pageSaysUpdatedAt: updatedAt(text, now, timeZone) ?? updatedAt(page.text, now, timeZone),
      };
    });
    return { ok: true, readings };
  },
});

function figures(raw: string): Figures | null {
  const text = unglue(raw);
  const f = plausible(readFigures(text, 'es-CL', 1024), 1) ?? unlimitedFigures(text, 'es-CL', 1024, UNLIMITED);
  return f && explained(f, text, 'es-CL', 1024) ? f : null;
}

function periodEnd(text: string, now: number, timeZone?: string): number | null {
  const m = PERIOD_END.exec(text);
  return m?.[1] ? findDate(m[1], { now, timeZone, direction: 'future' }) : null;
}

function updatedAt(text: string, now: number, timeZone?: string): number | null {
  const m = UPDATED.exec(text);
  if (!m?.[1]) return null;
  return statedTime(m[1], now, timeZone) ?? parseRelative(m[0], { now, timeZone });
}

// Portal URLs: https://mi.movistar.cl/svr/#/ (home with #card-revisa-consumo), hash routes under
// https://mi.movistar.cl/svr/#/…
