import type { BlockRules } from '../reader/blocks';
import { readBlockPage } from '../reader/block-page';
import { labelLine } from '../extract/phrases';
import { MX_AMOUNT_LABELS, MX_BOUNDARIES, MX_DATA_LABELS, MX_OTHER_UNLIMITED, mxBlockPage, mxBucketOf } from '../reader/es-mx';
import { TELCEL_MX } from './catalog';
import { defineCarrier } from './types';

/**
 * Telcel, Mexico's largest mobile carrier: the "Mi Telcel" customer area (evidence: none public
 * for the usage screen). Built on the shared grammar (lib/reader/figures) and on the wording
 * Telcel uses elsewhere: "Consumo de datos", "Datos consumidos" / "Datos disponibles", "de",
 * MB/GB, "Vigencia dd/mm/yyyy", an "Internet" package. Mexican Spanish: decimal POINT, comma for
 * thousands ("1,024.5 MB"). "Redes sociales ilimitadas" and "Sin Límite" plan names speak of
 * social apps and calls, never of unlimited data, so they are ignored for the unlimited check.
 * Since nothing says whether a bare "X de Y" is used or left here, figures need their own label.
 */
const RULES: BlockRules = {
  labels: labelLine([...MX_DATA_LABELS, 'internet (?:amigo|telcel)', 'saldo de datos']),
  boundaries: labelLine([...MX_BOUNDARIES, 'saldo(?: (?:disponible|de recarga|amigo|a favor))?']),
  bucketOf: mxBucketOf,
  otherUnlimited: MX_OTHER_UNLIMITED,
  requireLabel: MX_AMOUNT_LABELS,
};
const USAGE_WORDS = /consumo\s+de\s+datos|datos\s+(?:consumidos|disponibles|usados)|(?:mb|gb|megas)\s+disponibles|te\s+quedan/i;
const PLAN = /(?:^|\s)((?:telcel\s+(?:libre|max|plus|pospago|empresa|negocio)|amigo\s+(?:sin\s+l[ií]mite|[oó]ptimo|kit)|max\s+sin\s+l[ií]mite|internet\s+amigo)[^\n$]{0,40})$/iu;

const PAGE = mxBlockPage(RULES, USAGE_WORDS, planName);

export default defineCarrier(TELCEL_MX, { read: (page, _url, context) => readBlockPage(page, PAGE, context) });

function planName(context: string): string | null {
  for (const line of context.split('\n')) {
    const m = PLAN.exec(line.trim());
    // The name ends where the figures begin ("Telcel Empresa 5000 Datos consumidos 2,048 MB").
    if (m) return m[1]!.split(/\s+(?=datos|consum|disponib|de\s|\d[\d.,]*\s?(?:MB|GB))/i)[0]!.trim();
  }
  return null;
}

// Portal URLs: https://www.mitelcel.com/mitelcel/ (Mi Telcel: home, "Consumo", "Mi plan" /
// "Mis paquetes" for prepaid Amigo lines)
