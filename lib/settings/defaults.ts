/**
 * Defaults that zod-free code needs too (the badge colours in the popup bundle): kept apart from
 * the settings schema so importing them never brings zod along.
 */
export const DEFAULT_THRESHOLDS = [50, 80, 90, 100] as const;
