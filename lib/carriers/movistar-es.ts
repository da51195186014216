import { findDate, parseRelative } from '../extract/dates';
import { lineDigits } from '../extract/digits';
import { findElementsByText, visibleText } from '../extract/text';
import { findUsageCards } from '../reader/cards';
import { looksLoggedOut } from '../reader/logged-out';
import { MOVISTAR_ES } from './catalog';
import { withPeriodEndKind } from '../reader/period-kind';
import { defineCarrier } from './types';
import { type PageReading } from '../vocabulary/reading';

/**
 * Movistar Spain: the "Mi Movistar" web app (evidence: strong, see shared/CARRIERS.md).
 * Home cards titled "Consumo de datos" / "Datos compartidos" with "Llevas 3,5 GB de 20 GB" (or
 * "de ilimitados"); the usage screen says "Has consumido". Numbers use a decimal comma and a dot
 * for thousands ("1.024 MB"); Movistar counts 1 GB = 1024 MB.
 */
const ANCHORS = /^(?:consumo de datos|datos compartidos|has consumido|llevas|consumo|datos m[oó]viles)\b/i;
const SHARED = /datos compartidos|por \d+ l[ií]neas/i;
const PERIOD_RANGE = /periodo de\s+(.+?)\s*[-–]\s*(\d{1,2}\s+[a-zé]{3,}\.?|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)/i;
const CYCLE_END = /(?:cierra en|termina en|se reinicia el|hasta el?|caduca el)\s+[^\n]{1,24}/i;
const UPDATED = /(?:hace\s+\d+\s+(?:minutos?|horas?)|a las\s+\d{1,2}:\d{2})/i;

export default defineCarrier(MOVISTAR_ES, {
  parse(doc, _url, { now, timeZone }) {
    const body = doc.body;
    if (!body) return { ok: false, reason: 'not-usage-page', detail: 'empty document' };
    const anchors = findElementsByText(body, ANCHORS);
    const cards = findUsageCards(anchors, 'es-ES', 1024);
    const pageText = visibleText(body);
    if (cards.length === 0) {
      if (looksLoggedOut(doc, pageText)) return { ok: false, reason: 'logged-out', detail: 'sign-in form' };
      return anchors.length > 0
        ? { ok: false, reason: 'layout-changed', detail: 'labels without figures' }
        : { ok: false, reason: 'not-usage-page', detail: 'no usage card' };
    }
    const single = cards.length === 1;
    const readings = cards.map(({ text, value: figures }): PageReading => {
      // The line number sits in the card, or on a one-line page in the header's line selector.
      const digits = lineDigits(text) ?? (single ? lineDigits(pageText) : null);
      const reading: PageReading = {
        lineDigits: digits,
        planName: null,
        bucket: SHARED.test(text) ? 'shared' : 'data',
        ...figures,
        periodEnd: periodEnd(text, now, timeZone) ?? (single ? periodEnd(pageText, now, timeZone) : null),
        pageSaysUpdatedAt: updatedAt(text, now, timeZone) ?? (single ? updatedAt(pageText, now, timeZone) : null),
      };
      // Prepaid "Caduca el 3 dic" expires; "Tu ciclo de facturación cierra…" renews.
      return withPeriodEndKind(reading, single ? `${text}\n${pageText}` : text);
    });
    return { ok: true, readings };
  },
});

function periodEnd(text: string, now: number, timeZone?: string): number | null {
  const range = PERIOD_RANGE.exec(text);
  if (range?.[2]) return findDate(range[2], { now, timeZone, direction: 'future' });
  const end = CYCLE_END.exec(text);
  return end ? findDate(end[0], { now, timeZone, direction: 'future' }) : null;
}

function updatedAt(text: string, now: number, timeZone?: string): number | null {
  const match = UPDATED.exec(text);
  return match ? parseRelative(match[0], { now, timeZone }) : null;
}

// Portal URLs: https://appweb.movistar.es/ (home, Consumo), https://mi.movistar.es/,
// https://www.movistar.es/mimovistar-cliente/
