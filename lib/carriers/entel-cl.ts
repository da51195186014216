import { findDate } from '../extract/dates';
import { readCardPage, strictCardFigures } from '../reader/card-page';
import { statedTime } from '../reader/phrase-dates';
import { ENTEL_CL } from './catalog';
import { defineCarrier } from './types';
import { type PageReading, type ParseContext } from '../vocabulary/reading';

/**
 * Entel Chile: "Mi Entel" (miportal.entel.cl, account page /miEntel/mi-cuenta; older pages on
 * www.entel.cl). Evidence: weak, one old description of the traffic page (shared/CARRIERS.md):
 * "Consulta de tráfico", "Datos incluidos en tu plan:", "Total utilizado", "350MB / 3000MB",
 * "N % consumido", "Datos disponibles", "Datos adicionales:", "al <fecha>". Beyond those labels
 * the adapter leans on the shared grammar (lib/reader/figures.ts) for the figures.
 * Chilean numbers: decimal comma, dot for thousands ("1.024 MB"); money ("$12.990") is never a
 * figure. 1 GB = 1000 MB: Entel's page shows a 3 GB plan as "3000MB".
 */
const ANCHORS =
  /^(?:consulta de tr[áa]fico|tr[áa]fico(?: de datos)?|datos(?: (?:incluidos|disponibles|adicionales|m[óo]viles|del plan|de tu plan))?|total utilizado|internet(?: m[óo]vil)?|consumo(?: de datos)?|mis datos|bolsas?(?: de datos| adicional(?:es)?)?|navegaci[óo]n|gigas)(?![\p{L}])/iu;
const BONUS = /^(?:datos adicionales|bolsas?)/i;
// "Total utilizado al 19/11/2026 10:35: 350MB": the as-of date sits between label and figure.
const DATE = String.raw`\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?|\d{1,2}\s+de\s+\p{L}+(?:\s+(?:de\s+)?\d{4})?`;
const AS_OF = new RegExp(String.raw`\s+al\s+(?:${DATE})(?:,?\s*(?:a\s+las\s+)?\d{1,2}:\d{2}(?:\s*h(?:rs?)?\.?)?)?`, 'giu');
const RANGE_END = new RegExp(String.raw`(?:${DATE})\s*(?:al|-|–|hasta)\s*(${DATE})`, 'iu');
const PERIOD_END = /(?:vence(?:n)? el|v[áa]lid[oa]s? hasta(?: el)?|vigencia(?: hasta)?|vigentes? hasta|se renueva(?:n)? el|renovaci[óo]n|fin de(?:l)? (?:ciclo|per[íi]odo)|hasta el|pr[óo]xima facturaci[óo]n|fecha de (?:corte|facturaci[óo]n))\s*:?\s*([^\n]{1,30})/i;
const UNLIMITED = /(?:gigas?|datos|navegaci[óo]n|internet)\s+libres?(?![\p{L}])/iu;
const USAGE_PAGE = /consulta de tr[áa]fico|total utilizado|consumid[oa]|utilizad[oa]s?|disponibles|te quedan|usad[oa]s/i;

export default defineCarrier(ENTEL_CL, {
  read: (page, url, context) =>
    readCardPage(page, url, {
      anchors: ANCHORS,
      figures: (text, { locale, base }) => strictCardFigures(text.replace(AS_OF, ''), locale, base, UNLIMITED),
      bucketOf: (label) => (BONUS.test(label) ? 'bonus' : 'data'),
      usagePage: (text, url) => USAGE_PAGE.test(text) || /tr[aá]fico|consumo/i.test(url.pathname + url.hash),
      dates,
    }, context),
});

function dates(card: string, page: string, single: boolean, { now, timeZone }: ParseContext): Pick<PageReading, 'periodEnd' | 'pageSaysUpdatedAt'> {
  const asOf = asOfTime(card, now, timeZone) ?? (single ? asOfTime(page, now, timeZone) : null);
  const end = periodEnd(card, now, timeZone) ?? (single ? periodEnd(page, now, timeZone) : null);
  // "Datos disponibles al 30/11" names a future day: that is a validity end, not an as-of time.
  const asOfIsEnd = asOf !== null && asOf > now + 86_400_000;
  return { periodEnd: end ?? (asOfIsEnd ? asOf : null), pageSaysUpdatedAt: asOfIsEnd ? null : asOf };
}

function asOfTime(text: string, now: number, timeZone?: string): number | null {
  AS_OF.lastIndex = 0;
  const m = AS_OF.exec(text);
  if (!m) return null;
  // "01/11/2026 al 30/11/2026" is a period, not an as-of date.
  if (/\d\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) return null;
  return statedTime(m[0], now, timeZone, 'nearest');
}

function periodEnd(text: string, now: number, timeZone?: string): number | null {
  const range = RANGE_END.exec(text);
  if (range?.[1]) return findDate(range[1], { now, timeZone, direction: 'future' });
  const m = PERIOD_END.exec(text);
  return m?.[1] ? findDate(m[1], { now, timeZone, direction: 'future' }) : null;
}

// Portal URLs: https://miportal.entel.cl/miEntel/mi-cuenta (account, usage), https://www.entel.cl/
// (older "Consulta de tráfico" pages)
