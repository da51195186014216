import { numberFormat } from './number-format';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
/** French writes octets: "3,5 Go". */
const FRENCH_UNITS = ['o', 'Ko', 'Mo', 'Go', 'To'] as const;

/**
 * "3.5 GB" / "3,5 Go". Binary steps (1 GB = 1024 MB) because that is what most of our carriers
 * display, so the popup shows the same figure as the carrier page the user just saw.
 */
export function formatBytes(bytes: number, locale = 'en'): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value >= 100 || unit === 0 ? 0 : value >= 10 ? 1 : 2;
  const text = numberFormat(locale, { maximumFractionDigits: digits }).format(value);
  const units = locale.startsWith('fr') ? FRENCH_UNITS : UNITS;
  return `${text}\u00A0${units[unit]}`;
}

/** "0.5 GB" / "250 Mo": a size in a unit chosen by the caller (a chart axis keeps one unit for all its ticks). */
export function formatBytesIn(bytes: number, unit: 'MB' | 'GB', locale = 'en'): string {
  const value = Math.max(0, bytes) / 1024 ** (unit === 'GB' ? 3 : 2);
  const text = numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  const units = locale.startsWith('fr') ? FRENCH_UNITS : UNITS;
  return `${text}\u00A0${units[unit === 'GB' ? 3 : 2]}`;
}
