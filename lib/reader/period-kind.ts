import type { PageReading } from '../vocabulary/reading';
import { anyOf, CATALAN, CHINESE, FRENCH, SPANISH } from '../extract/page-languages';

// Wording of an allowance that stops being valid (prepaid, passes, bonuses) ...
const EXPIRY = new RegExp(anyOf(SPANISH && 'vence|vencimiento|vigencia|vigente|v[aá]lid[oa]s?\\s+hasta', (SPANISH || CATALAN) && 'caduca', FRENCH && 'valable', 'expir', CHINESE && '失效|到期|有效期|屆滿|届满', 'valid (?:until|till)'), 'i');
// ... and of a bill cycle that renews by itself, which wins when both appear ("tu factura vence").
const RENEWAL = new RegExp(anyOf((SPANISH || CATALAN) && 'factura', SPANISH && 'ciclo|renueva|reinicia|corte', FRENCH && 'renouvel|facture', CHINESE && '續期|续期', 'renew|billing|bill\\b'), 'i');

/**
 * Whether a stated end date is an expiry (worth a reminder before it) or a renewal, judged from the
 * text the date was read in. Unsure means renewal: a missed reminder costs less than a monthly nag.
 */
export function periodEndKindOf(text: string): NonNullable<PageReading['periodEndKind']> {
  return EXPIRY.test(text) && !RENEWAL.test(text) ? 'expiry' : 'renewal';
}

/** Adds `periodEndKind` to a reading that has a stated end, judged from `text`. */
export function withPeriodEndKind<T extends Pick<PageReading, 'periodEnd'>>(reading: T, text: string): T & Pick<PageReading, 'periodEndKind'> {
  return reading.periodEnd === null ? reading : { ...reading, periodEndKind: periodEndKindOf(text) };
}
