import { parseAmount } from '../extract/units';
import type { NumberLocale } from '../extract/numbers';
import { MAX_BYTES } from '../vocabulary/limits';

/** MB (as the carrier means it: `base` 1000 or 1024) to integer bytes; null past any plan's size. */
export function megabytes(mb: number | undefined, base: 1000 | 1024): number | null {
  if (mb === undefined) return null;
  const bytes = Math.round(mb * base * base);
  return Number.isSafeInteger(bytes) && bytes <= MAX_BYTES ? bytes : null;
}

/**
 * A size written as display text in the JSON ("12,34 Go", "60.00GB"), read by the shared grammar
 * (lib/extract) so numbers are parsed in one place. Only a string that is nothing but one amount
 * counts: "100 Go dont 20 Go en Europe" is a sentence, not a size.
 */
export function sizeText(value: string | undefined, locale: NumberLocale, base: 1000 | 1024): number | null {
  if (value === undefined || value.length > 40) return null;
  const trimmed = value.trim();
  const amount = parseAmount(trimmed, locale, base);
  return amount && amount.index === 0 && amount.length === trimmed.length && amount.bytes <= MAX_BYTES ? amount.bytes : null;
}
