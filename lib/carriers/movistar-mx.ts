import { findDate } from '../extract/dates';
import { pageText } from '../extract/text';
import { findUpdatedAt, readBlocks, whyNoBlocks, type BlockRules } from '../reader/blocks';
import { MOVISTAR_MX } from './catalog';
import { defineCarrier, type Bucket, type PageReading } from './types';

/**
 * Movistar Mexico: the "Mi Movistar" extranet at mi.movistar.com.mx (evidence: weak: one old
 * description, "Mi línea" → "saldo" shows the REMAINING MB). Most lines are prepaid, so the page
 * speaks of what is left ("Te quedan", "Megas/Datos disponibles", "Vigencia"), next to a money
 * balance ("Saldo $32.50") that is never data. Mexican Spanish: decimal POINT, comma for
 * thousands ("1,024.5 MB"), "Megas"/"Gigas" as units. Everything past that is the shared grammar
 * (lib/reader/figures); since a bare "X de Y" could be used or left here, figures need a label.
 */
const RULES: BlockRules = {
  locale: 'es-MX',
  base: 1024,
  labels:
    /^(?:consumo\s+de\s+(?:datos|internet)|datos(?:\s+(?:consumidos|disponibles|usados|utilizados|restantes|incluidos|m[oó]viles))?|internet(?:\s+(?:incluido|m[oó]vil|movistar|de\s+regalo|adicional))?|(?:mb|gb|megas|gigas)\s+(?:disponibles|consumidos|usados|restantes)|paquete(?:\s+de)?\s+(?:internet|datos)[^\n]{0,30}|internet\s+(?:en\s+)?(?:eua|ee\.?\s?uu\.?|estados\s+unidos|canad[aá]|am[eé]rica|europa|el\s+extranjero|roaming)[^\n]{0,30}|roaming[^\n]{0,30}|bono(?:\s+de)?\s+(?:datos|internet|regalo|bienvenida)[^\n]{0,20}|(?:megas|gigas)(?:\s+de\s+regalo)?|bolsa\s+de\s+(?:datos|megas)|saldo\s+de\s+(?:datos|internet|megas)|te\s+quedan)\s*:?$/i,
  boundaries:
    /^(?:redes\s+sociales(?:\s+ilimitadas)?|minutos[^\n]{0,20}|llamadas[^\n]{0,20}|sms[^\n]{0,20}|mensajes[^\n]{0,20}|saldo(?:\s+(?:principal|disponible|de\s+recarga|promocional|en\s+pesos|a\s+favor))?(?:\s*:?\s*\$\s?[\d.,]+)?|recargas?[^\n]{0,20}|(?:mi\s+)?factura[^\n]{0,20}|whatsapp[^\n]{0,20})\s*:?$/i,
  bucketOf,
  otherUnlimited:
    /(?:redes\s+sociales|whatsapp|facebook|twitter|instagram|messenger|snapchat|uber|minutos|llamadas|sms|mensajes)[^\n]{0,40}?ilimitad[oa]s?|ilimitad[oa]s?\s+(?:en\s+)?(?:redes|minutos|llamadas|sms|mensajes|whatsapp)|sin\s+l[ií]mites?(?:\s+\d+)?/gi,
  requireLabel: {
    used: /(?:consumid[oa]s?|usad[oa]s?|utilizad[oa]s?|has\s+(?:consumido|usado)|llevas|consumo\s+de\s+datos)(?![\p{L}])/iu,
    left: /(?:disponibles?|restantes?|te\s+quedan|quedan|saldo(?:\s+de\s+datos)?)(?![\p{L}])/iu,
  },
};
const USAGE_WORDS = /consumo\s+de\s+datos|datos\s+(?:consumidos|disponibles|usados)|(?:mb|gb|megas|gigas)\s+disponibles|te\s+quedan|saldo\s+de\s+(?:datos|internet|megas)/i;
const PERIOD_END =
  /(?:vigencia|vence|vencimiento|v[aá]lid[oa]s?\s+hasta|fecha\s+de\s+corte|pr[oó]ximo\s+corte|se\s+renueva|renovaci[oó]n|caduca|expira)[^\n\d]{0,20}\d[^\n]{0,24}|(?:faltan|quedan|restan)\s+\d+\s+d[ií]as?/i;
const UPDATED = /(?:actualizad[oa]s?|[uú]ltima\s+actualizaci[oó]n|informaci[oó]n\s+al|consulta\s+(?:al|del))[^\n]{0,40}/i;
const PLAN = /(?:^|\s)((?:plan\s+movistar|movistar\s+(?:prepago|pospago|plan|plus|ilimitado|empresas?)|paquete\s+(?:internet|movistar)|recarga\s+(?:plus|internet))[^\n$]{0,40})$/iu;

export default defineCarrier(MOVISTAR_MX, {
  parse(doc, _url, { now, timeZone }) {
    const body = doc.body;
    if (!body) return { ok: false, reason: 'not-usage-page', detail: 'empty document' };
    const page = pageText(doc);
    const blocks = readBlocks(body, RULES, page);
    if (blocks.length === 0) return whyNoBlocks(doc, page.text, USAGE_WORDS);
    // A page with several lines may state one cut-off date for all of them, outside every line.
    const pageEnd = () => periodEnd(page.text, now, timeZone);
    const readings = blocks.map(({ text, context, figures, bucket, lineDigits }): PageReading => ({
      lineDigits,
      planName: planName(context),
      bucket,
      ...figures,
      periodEnd: periodEnd(text, now, timeZone) ?? periodEnd(context, now, timeZone) ?? pageEnd(),
      pageSaysUpdatedAt: findUpdatedAt(text, UPDATED, now, timeZone) ?? findUpdatedAt(context, UPDATED, now, timeZone),
    }));
    return { ok: true, readings };
  },
});

function bucketOf(text: string): Bucket | null {
  if (/\beua\b|ee\.?\s?uu|estados\s+unidos|canad[aá]|roaming|internacional|extranjero|europa|am[eé]rica|mundo/i.test(text)) return 'roaming';
  if (/compartid/i.test(text)) return 'shared';
  if (/\bbono|regalo|promoci[oó]n|adicional|\bextra\b/i.test(text)) return 'bonus';
  return null;
}

function periodEnd(text: string, now: number, timeZone?: string): number | null {
  const match = PERIOD_END.exec(text);
  return match ? findDate(match[0], { now, timeZone, direction: 'future' }) : null;
}

function planName(context: string): string | null {
  for (const line of context.split('\n')) {
    const m = PLAN.exec(line.trim());
    // The name ends where the figures begin ("Plan Movistar 300 Datos consumidos 2 GB").
    if (m) return m[1]!.split(/\s+(?=datos|consum|disponib|de\s)/i)[0]!.trim();
  }
  return null;
}

// Portal URLs: https://mi.movistar.com.mx/extranet (Mi Movistar: "Mi línea" → "Saldo", consumption
// of prepaid and postpaid lines)
