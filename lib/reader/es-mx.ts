import type { Bucket } from '../vocabulary/reading';
import type { BlockRules } from './blocks';
import type { BlockPage } from './block-page';
import { phraseDate } from './phrase-dates';

/**
 * How Mexican portals (Telcel, Movistar MX) word their data allowances, shared by their adapters:
 * neither has public evidence of its usage screen, and both follow the same market conventions.
 * A carrier whose page turns out to say something else keeps its own wording in its adapter.
 */

/**
 * "Redes sociales ilimitadas", "WhatsApp ilimitado" and "Sin Límite" plan names speak of social
 * apps and calls, never of unlimited data: cut out before the unlimited check.
 */
export const MX_OTHER_UNLIMITED =
  /(?:redes\s+sociales|whatsapp|facebook|twitter|instagram|messenger|snapchat|uber|minutos|llamadas|sms|mensajes)[^\n]{0,40}?ilimitad[oa]s?|ilimitad[oa]s?\s+(?:en\s+)?(?:redes|minutos|llamadas|sms|mensajes|whatsapp)|sin\s+l[ií]mites?(?:\s+\d+)?/gi;

/** Nothing says whether a bare "X de Y" is used or left here: an amount needs one of these next to it. */
export const MX_AMOUNT_LABELS = {
  used: /(?:consumid[oa]s?|usad[oa]s?|utilizad[oa]s?|has\s+(?:consumido|usado)|llevas|consumo\s+de\s+datos)(?![\p{L}])/iu,
  left: /(?:disponibles?|restantes?|te\s+quedan|quedan|saldo(?:\s+de\s+datos)?)(?![\p{L}])/iu,
};

/** Data-allowance labels both Mexican portals use; each adds its own brand's words. */
export const MX_DATA_LABELS = [
  'consumo de (?:datos|internet)',
  'datos(?: (?:consumidos|disponibles|usados|utilizados|restantes|incluidos|m[oó]viles))?',
  'internet(?: (?:incluido|m[oó]vil|de regalo|adicional))?',
  '(?:mb|gb|megas|gigas) (?:disponibles|consumidos|usados|restantes)',
  'paquete(?: de)? (?:internet|datos)[^\\n]{0,30}',
  'internet (?:en )?(?:eua|ee\\.?\\s?uu\\.?|estados unidos|canad[aá]|am[eé]rica|europa|el extranjero|roaming)[^\\n]{0,30}',
  'roaming[^\\n]{0,30}',
  'bono(?: de)? (?:datos|internet|regalo)[^\\n]{0,20}',
];

/** Lines that start another allowance (calls, messages, money), never data; each adds its own balances. */
export const MX_BOUNDARIES = [
  'redes sociales(?: ilimitadas)?',
  'minutos[^\\n]{0,20}',
  'llamadas[^\\n]{0,20}',
  'sms[^\\n]{0,20}',
  'mensajes[^\\n]{0,20}',
  'recargas?[^\\n]{0,20}',
  '(?:mi )?factura[^\\n]{0,20}',
  'whatsapp[^\\n]{0,20}',
];

/** "Vigencia 30/11/2026", "Fecha de corte: …", "Faltan 12 días". */
export const MX_PERIOD_END =
  /(?:vigencia|vence|vencimiento|v[aá]lid[oa]s?\s+hasta|fecha\s+de\s+corte|pr[oó]ximo\s+corte|se\s+renueva|renovaci[oó]n|caduca|expira)[^\n\d]{0,20}\d[^\n]{0,24}|(?:faltan|quedan|restan)\s+\d+\s+d[ií]as?/i;

export const MX_UPDATED = /(?:actualizad[oa]s?|[uú]ltima\s+actualizaci[oó]n|informaci[oó]n\s+al|consulta\s+(?:al|del))[^\n]{0,40}/i;

/** Roaming packages name the region ("Internet EUA y Canadá"), bonuses the gift ("Bono de regalo"). */
export function mxBucketOf(text: string): Bucket | null {
  if (/\beua\b|ee\.?\s?uu|estados\s+unidos|canad[aá]|roaming|internacional|extranjero|europa|am[eé]rica|mundo/i.test(text)) return 'roaming';
  if (/compartid/i.test(text)) return 'shared';
  if (/\bbono|regalo|promoci[oó]n|adicional|\bextra\b/i.test(text)) return 'bonus';
  return null;
}

/**
 * A Mexican usage page read as blocks, with the dates worded as above. A business or multi-line
 * page may state one cut-off date for all its lines, outside every line's row: it counts too.
 */
export function mxBlockPage(rules: BlockRules, usageWords: RegExp, planName: (context: string) => string | null): BlockPage {
  return {
    rules,
    usageWords,
    periodEnd: (text, context) => phraseDate(text, MX_PERIOD_END, context),
    updated: MX_UPDATED,
    planName,
    pagePeriodEnd: true,
  };
}
