import type { BlockRules } from '../reader/blocks';
import { readBlockPage } from '../reader/block-page';
import { labelLine } from '../extract/phrases';
import { MX_AMOUNT_LABELS, MX_BOUNDARIES, MX_DATA_LABELS, MX_OTHER_UNLIMITED, mxBlockPage, mxBucketOf } from '../reader/es-mx';
import { MOVISTAR_MX } from './catalog';
import { defineCarrier } from './types';

/**
 * Movistar Mexico: the "Mi Movistar" extranet at mi.movistar.com.mx (evidence: weak: one old
 * description, "Mi línea" → "saldo" shows the REMAINING MB). Most lines are prepaid, so the page
 * speaks of what is left ("Te quedan", "Megas/Datos disponibles", "Vigencia"), next to a money
 * balance ("Saldo $32.50") that is never data. Mexican Spanish: decimal POINT, comma for
 * thousands ("1,024.5 MB"), "Megas"/"Gigas" as units. Everything past that is the shared grammar
 * (lib/reader/figures); since a bare "X de Y" could be used or left here, figures need a label.
 */
const RULES: BlockRules = {
  labels: labelLine([
    ...MX_DATA_LABELS,
    'internet movistar',
    'bono(?: de)? bienvenida[^\\n]{0,20}',
    '(?:megas|gigas)(?: de regalo)?',
    'bolsa de (?:datos|megas)',
    'saldo de (?:datos|internet|megas)',
    'te quedan',
  ]),
  boundaries: labelLine([
    ...MX_BOUNDARIES,
    'saldo(?: (?:principal|disponible|de recarga|promocional|en pesos|a favor))?(?:\\s*:?\\s*\\$\\s?[\\d.,]+)?',
  ]),
  bucketOf: mxBucketOf,
  otherUnlimited: MX_OTHER_UNLIMITED,
  requireLabel: MX_AMOUNT_LABELS,
};
const USAGE_WORDS = /consumo\s+de\s+datos|datos\s+(?:consumidos|disponibles|usados)|(?:mb|gb|megas|gigas)\s+disponibles|te\s+quedan|saldo\s+de\s+(?:datos|internet|megas)/i;
const PLAN = /(?:^|\s)((?:plan\s+movistar|movistar\s+(?:prepago|pospago|plan|plus|ilimitado|empresas?)|paquete\s+(?:internet|movistar)|recarga\s+(?:plus|internet))[^\n$]{0,40})$/iu;

const PAGE = mxBlockPage(RULES, USAGE_WORDS, planName);

export default defineCarrier(MOVISTAR_MX, { read: (page, _url, context) => readBlockPage(page, PAGE, context) });

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
