import { usedOf, type UsageFigures } from './usage';

/**
 * The user's cap rule, in one place: a cap set in the options page replaces whatever the page
 * says (its total, "unlimited", and the remaining figure, which was measured against the page's
 * total). The card, the badge, the alerts and the analysis all see a line through this.
 */
export function effectiveFigures<T extends UsageFigures>(reading: T, capBytes: number | null | undefined): UsageFigures {
  const cap = capBytes ?? null;
  if (cap === null) return { usedBytes: reading.usedBytes, totalBytes: reading.totalBytes, unlimited: reading.unlimited, remainingBytes: reading.remainingBytes };
  return { usedBytes: usedOf(reading), totalBytes: cap, unlimited: false, remainingBytes: null };
}
