import { numberFormat } from './number-format';

/**
 * A share of the cap as people read it: whole percent, rounded DOWN everywhere (the card, the
 * badge, compare, notifications), so "100 %" appears only once the cap really is used up and two
 * screens never disagree by one point.
 */
export function wholePercent(percent: number): number {
  return Math.floor(percent + 1e-9);
}

/** "36%" / "36 %" (French) / "36%" (Chinese), through Intl in the UI language. */
export function formatPercent(percent: number, locale = 'en'): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(wholePercent(percent) / 100);
}

/** A share that may be small ("0.4 %" rather than "0 %"): one decimal below 1 %, rounded down. */
export function formatShare(percent: number, locale = 'en'): string {
  if (percent >= 1 || percent <= 0) return formatPercent(percent, locale);
  const tenths = Math.max(0.1, Math.floor(percent * 10 + 1e-9) / 10);
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(tenths / 100);
}
