import { findDate } from '../extract/dates';
import { lineNumber, lineNumbers } from '../extract/line-number';
import { bucketGuard, climbToCards } from '../reader/cards';
import { readFigures } from '../reader/figures';
import { explained } from '../reader/own-cards';
import { looksSignedOut, WORDING_ANYWHERE } from '../reader/logged-out';
import { MOVISTAR_ES } from './catalog';
import { withPeriodEndKind } from '../reader/period-kind';
import { phraseTime } from '../reader/phrase-dates';
import { defineCarrier } from './types';
import { type Bucket, type PageReading } from '../vocabulary/reading';

/**
 * Movistar Spain: the "Mi Movistar" web app (evidence: strong, see shared/CARRIERS.md).
 * Home cards titled "Consumo de datos" / "Datos compartidos" with "Llevas 3,5 GB de 20 GB" (or
 * "de ilimitados"); the usage screen says "Has consumido". The app is also offered in Catalan
 * ("Dades", "Has consumit 3,5 GB de 25 GB", "et queden 21,5 GB", "restants"). Beside the national
 * allowance a card may show roaming ("Datos en Roaming UE 12,3 GB de 35 GB") or a shared pool:
 * each card is its own bucket, and a climb never enters a card labelled for another bucket.
 * Numbers use a decimal comma and a dot for thousands ("1.024 MB"); Movistar counts 1 GB = 1024 MB.
 */
const ANCHORS =
  /^(?:consumo de datos|datos compartidos|has consumido|llevas|consumo|datos m[oó]viles|datos (?:en )?roaming|roaming|consum de dades|dades(?: m[oò]bils| compartides| en roaming)?|has consumit|portes)(?![\p{L}])/iu;
const SHARED = /datos compartidos|dades compartides|por \d+ l[ií]neas|per \d+ l[ií]nies/i;
const ROAMING = /roaming|itinerancia|itiner[àa]ncia/i;
const PERIOD_RANGE = /periodo de\s+(.+?)\s*[-–]\s*(\d{1,2}\s+[a-zé]{3,}\.?|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)/i;
const CYCLE_END = /(?:cierra en|termina en|se reinicia el|hasta el?|caduca el|es tanca en|acaba en|finalitza en|es reinicia el|fins al?|caduca el)\s+[^\n]{1,24}/i;
const UPDATED = /(?:hace\s+\d+\s+(?:minutos?|horas?)|a las\s+\d{1,2}:\d{2}|fa\s+\d+\s+(?:minuts?|hores?)|a les\s+\d{1,2}:\d{2})/i;

const DATA = /^(?:consumo de datos|datos m[oó]viles|consum de dades|dades(?: m[oò]bils)?)$/i;
const bucketOf = (label: string): Bucket | null =>
  ROAMING.test(label) ? 'roaming' : SHARED.test(label) ? 'shared' : DATA.test(label.trim()) ? 'data' : null;

export default defineCarrier(MOVISTAR_ES, {
  read(page, _url, context) {
    const { now, timeZone, locale, base, country } = context;
    const anchors = page.find(ANCHORS);
    // Every amount in a card is one of its figures: a card that climbed over daily rows or offers
    // ("211 MB" / "de 5 GB" once read as a pair) holds amounts it cannot account for.
    const read = (text: string) => {
      const f = readFigures(text, locale, base);
      return f && explained(f, text, locale, base) ? f : null;
    };
    const cards = climbToCards(anchors, read, page, 5, bucketGuard(page, bucketOf));
    const pageText = page.text;
    if (cards.length === 0) {
      if (looksSignedOut(page, WORDING_ANYWHERE)) return { ok: false, reason: 'logged-out', detail: 'sign-in form' };
      return anchors.length > 0
        ? { ok: false, reason: 'layout-changed', detail: 'labels without figures' }
        : { ok: false, reason: 'not-usage-page', detail: 'no usage card' };
    }
    const single = cards.length === 1;
    // Several buckets of one line: the page's only line number is theirs.
    const shown = lineNumbers(pageText, country);
    const pageLine = shown.size === 1 ? [...shown][0]! : null;
    const readings = cards.map(({ anchor, text, value: figures }): PageReading => {
      // The line number sits in the card, or on a one-line page in the header's line selector.
      const digits = lineNumber(text, country) ?? (single ? lineNumber(pageText, country) : pageLine);
      const reading: PageReading = {
        lineDigits: digits,
        planName: null,
        bucket: bucketOf(page.of(anchor)) ?? bucketOf(text.split('\n')[0] ?? '') ?? (SHARED.test(text) ? 'shared' : 'data'),
        ...figures,
        periodEnd: periodEnd(text, now, timeZone) ?? (single ? periodEnd(pageText, now, timeZone) : null),
        pageSaysUpdatedAt: phraseTime(text, UPDATED, context) ?? (single ? phraseTime(pageText, UPDATED, context) : null),
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

// Portal URLs: https://appweb.movistar.es/ (home, Consumo), https://mi.movistar.es/,
// https://www.movistar.es/mimovistar-cliente/
