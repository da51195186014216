import { z } from '../messages/zod';
import { DEFAULT_THRESHOLDS } from './defaults';

/**
 * The user's preferences, kept in `browser.storage.local` under SETTINGS_KEY (lib/storage/keys.ts; small, read by the
 * popup and the background alike; written only by the background, on an options-page action).
 * Every field has a default, so a missing or older record still yields complete settings.
 */

export const LANGUAGES = ['auto', 'en', 'es', 'fr', 'zh-CN', 'zh-HK'] as const;
export type Language = (typeof LANGUAGES)[number];

const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

export const settingsSchema = z.strictObject({
  /** Percent-used levels for the badge colours and threshold notifications, ascending. */
  thresholds: z
    .array(z.int().check(z.minimum(1), z.maximum(200)))
    .check(
      z.minLength(1),
      z.maxLength(6),
      z.refine((t) => t.every((v, i) => i === 0 || v > t[i - 1]!), { message: 'thresholds must be ascending' }),
    ),
  leakSensitivity: z.enum(['low', 'normal', 'high']),
  /** Non-urgent notifications wait until quiet hours end (local time, may cross midnight). */
  quietHours: z.strictObject({ enabled: z.boolean(), start: clock, end: clock }),
  language: z.enum(LANGUAGES),
  /** Remind after this many days without a fresh reading while a cycle runs; null = off (default). */
  staleReadingDays: z.nullable(z.int().check(z.minimum(1), z.maximum(60))),
  /**
   * Checks without a visit (lib/checks): open each line's carrier page in a background tab every
   * `everyHours`, with the user's own session. Off by default (on Firefox for Android too, where
   * background tabs clutter the tab tray).
   */
  scheduledChecks: z.strictObject({ enabled: z.boolean(), everyHours: z.union([z.literal(6), z.literal(12), z.literal(24)]) }),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  thresholds: [...DEFAULT_THRESHOLDS],
  leakSensitivity: 'normal',
  quietHours: { enabled: false, start: '22:00', end: '08:00' },
  language: 'auto',
  staleReadingDays: null,
  scheduledChecks: { enabled: false, everyHours: 12 },
};

/** Stored settings merged over the defaults; anything invalid falls back to its default. */
export function settingsFrom(stored: unknown): Settings {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_SETTINGS;
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    const candidate = { ...merged, [key]: (stored as Record<string, unknown>)[key] };
    if ((stored as Record<string, unknown>)[key] !== undefined && settingsSchema.safeParse(candidate).success) {
      Object.assign(merged, { [key]: candidate[key] });
    }
  }
  return merged;
}
