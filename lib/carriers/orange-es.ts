import { labelLine } from '../extract/phrases';
import type { BlockRules } from '../reader/blocks';
import { readBlockPage, type BlockPage } from '../reader/block-page';
import { hasInfinityIcon } from '../reader/infinity-icon';
import { phraseDate } from '../reader/phrase-dates';
import { ORANGE_ES } from './catalog';
import { defineCarrier } from './types';
import { type Bucket } from '../vocabulary/reading';

/**
 * Orange Spain: the Angular "Área privada" at areaprivada.orange.es/soycliente (evidence: strong,
 * 2022, see shared/CARRIERS.md). The dashboard draws one ring per allowance: "5,82GB" over "de ∞"
 * (no space before the unit; the ∞ is often an icon whose only text is its aria-label), next to a
 * "Min ∞" ring and money tiles ("Gasto extra", "Última factura"). A line selector ("6XX XXX XXX")
 * picks the line; the product tab lists every line with its own rings. The usage detail says
 * "Consumidos hasta hoy". Decimal comma, dot for thousands; Orange counts 1 GB = 1024 MB.
 * Ring labels other than the ones above are not documented: rings are also found from their
 * amounts, and the figures themselves are read by the shared grammar (lib/reader/figures).
 */
const RULES: BlockRules = {
  labels: labelLine([
    'datos(?: (?:m[oó]viles|nacionales|incluidos|compartidos|extra|de (?:tu )?bono[^\\n]{0,24}|en roaming[^\\n]{0,24}|roaming[^\\n]{0,24}))?',
    'internet(?: m[oó]vil)?',
    'consumo de datos',
    'consumidos?(?: hasta hoy)?',
    'has consumido',
    'te quedan',
    'roaming[^\\n]{0,30}',
    'bonos? (?:extra|de datos|adicional(?:es)?)[^\\n]{0,24}',
  ]),
  boundaries: /^(?:min(?:utos)?|llamadas(?:\s+\S+)?|sms(?:\s+\S+)?|gasto\s+extra|[uú]ltima\s+factura|saldo(?:\s+disponible)?|fibra[^\n]{0,30}|tv[^\n]{0,20})\s*:?$/i,
  bucketOf,
  iconUnlimited: hasInfinityIcon,
};
const USAGE_WORDS = /consumidos\s+hasta\s+hoy|consumo\s+acumulado|consumo\s+de\s+datos|mis\s+consumos|pr[oó]xima\s+factura|has\s+consumido|te\s+quedan/i;
const PERIOD_END =
  /faltan?\s+\d+\s+d[ií]as?|(?:pr[oó]xima\s+factura|renovaci[oó]n|se\s+renueva|renueva|v[aá]lid[oa]s?\s+hasta|caduca|hasta\s+el|fin\s+de\s+(?:ciclo|periodo))[^\n\d]{0,24}\d[^\n]{0,16}/i;
const UPDATED = /(?:actualizad[oa]s?|[uú]ltima\s+actualizaci[oó]n)[^\n]{0,40}/i;
const PLAN_LABEL = /^(?:tu\s+|mi\s+)?tarifa\s*:?\s*(.*)$/i;
// Orange Spain's tariff families ("Love TV Inicial", "Go Up", "Delfín"): the dashboard shows the
// name with no label.
const PLAN_NAME = /^(?:love|go|ballena|delf[ií]n|ardilla|zen|canguro|mundo|holiday|d[uú]o|ilimitada)(?:\s+[\p{L}\d+]+){0,4}$/iu;

const PAGE: BlockPage = { rules: RULES, usageWords: USAGE_WORDS, periodEnd: (text, context) => phraseDate(text, PERIOD_END, context), updated: UPDATED, planName };

export default defineCarrier(ORANGE_ES, { read: (page, _url, context) => readBlockPage(page, PAGE, context) });

function bucketOf(text: string): Bucket | null {
  if (/roaming|itinerancia|extranjero|\bUE\b|zona\s+\d|internacional/i.test(text)) return 'roaming';
  if (/compartid|por\s+\d+\s+l[ií]neas/i.test(text)) return 'shared';
  if (/\bbonos?\b|de\s+regalo|promoci[oó]n|adicional/i.test(text)) return 'bonus';
  return null;
}

function planName(context: string): string | null {
  const lines = context.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const label = PLAN_LABEL.exec(lines[i]!);
    const name = label?.[1] || (PLAN_NAME.test(lines[i]!) ? lines[i] : undefined);
    if (name && name.length <= 60 && !/€|\d+\s*%/.test(name) && !/\d\s?(?:[KMGT]B|gigas?|megas?)(?![\p{L}])/iu.test(name)) return name.trim();
  }
  return null;
}

// Portal URLs: https://areaprivada.orange.es/soycliente/dashboard?tab=mis-productos/dashboard,
// /soycliente/mi-linea, /soycliente/mi-linea/mi-tarifa, /soycliente/mis-consumos/detalle-consumo-movil,
// /soycliente/mi-saldo (prepaid)
