import { findDate, parseRelative } from '../extract/dates';
import { findElementsByText, pageText } from '../extract/text';
import { readFigures, type Figures } from '../reader/figures';
import { cardLineDigits, climbCards, explained, looksSignedOut, plausible, statedTime, unglue, unlimitedFigures } from '../reader/own-cards';
import { CLARO_CL } from './catalog';
import { defineCarrier, type PageReading } from './types';

/**
 * Claro Chile: "Sucursal Virtual Mi Claro" on *.clarochile.cl, login by RUT. Evidence: NONE: there
 * is nothing public about the usage screen (shared/CARRIERS.md). This adapter therefore leans
 * entirely on the shared grammar (lib/extract, lib/reader/figures.ts): it anchors on the generic
 * Spanish labels ("Consumo", "Datos", "Internet", "Roaming", "Bolsa") and reads "X usados de Y",
 * "X disponibles de Y", "Te quedan X de Y", "Renueva el dd/mm". Every label, the bucket words and
 * the 1 GB = 1024 MB base (América Móvil's usual convention) are assumptions to check against the
 * first real page. Chilean numbers: decimal comma, dot for thousands; "$4.990" is money.
 */
const ANCHORS =
  /^(?:consumos?(?: de datos| de internet| nacional(?:es)?)?|mis consumos|datos(?: m[óo]viles| nacionales| internacionales| roaming| del plan| de tu plan)?|internet(?: m[óo]vil)?|navegaci[óo]n|roaming(?: de datos)?|bolsas?(?: de datos| de gigas| adicional(?:es)?)?|gigas)(?![\p{L}])/iu;
const ROAMING = /roaming|internacional/i;
const BONUS = /^bolsa/i;
const PERIOD_END =
  /(?:se renueva(?:n)? el|renueva(?:n)? el|renovaci[óo]n|vence(?:n)?(?: el)?|vigencia(?: hasta)?|v[áa]lid[oa]s? hasta(?: el)?|hasta el|fin de(?:l)? (?:ciclo|per[íi]odo)|fecha de (?:corte|facturaci[óo]n))\s*:?\s*([^\n]{1,30})/i;
const UPDATED = /(?:actualizad[oa]s?(?: el| al| a las)?|[úu]ltima actualizaci[óo]n|consumo al|datos al)\s*:?\s*([^\n]{1,30})/i;
const UNLIMITED = /(?:gigas?|datos|navegaci[óo]n|internet)\s+libres?(?![\p{L}])/iu;
const USAGE_PAGE = /te quedan|has usado|has consumido|llevas|[KMG]B\s+(?:usad|consumid|disponible)/i;

export default defineCarrier(CLARO_CL, {
  parse(doc, url, { now, timeZone }) {
    const body = doc.body;
    if (!body) return { ok: false, reason: 'not-usage-page', detail: 'empty document' };
    const page = pageText(doc);
    const anchors = findElementsByText(body, ANCHORS);
    const cards = climbCards(anchors, figures, page.of);
    if (cards.length === 0) {
      if (looksSignedOut(doc, url)) return { ok: false, reason: 'logged-out', detail: 'sign-in form' };
      return anchors.length > 0 && (USAGE_PAGE.test(page.text) || /consumo/i.test(url.pathname + url.hash))
        ? { ok: false, reason: 'layout-changed', detail: 'usage labels found but no figures next to them' }
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

// Portal URLs (assumed, nothing public): https://www.clarochile.cl/ (Sucursal Virtual Mi Claro
// entry) and any *.clarochile.cl self-service host
