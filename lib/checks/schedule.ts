import { inQuietHours, quietHoursEnd, type QuietHours } from '../alerts/quiet-hours';
import type { Settings } from '../settings/schema';
import { Clock } from '../time/clock';
import { HOUR } from '../time/units';

/** Never more often than this, whatever happens (restarts, settings changes). */
export const MIN_GAP_MS = 3 * HOUR;
/** Each run moves by up to this share of the period either way, so checks do not fall at a fixed minute. */
const JITTER = 0.1;

/**
 * When the next scheduled round should run: `everyHours` after the last one, moved by up to ±10 %
 * (`random` in [0, 1)), never sooner than 3 h after the last run nor before now, and, if that falls
 * in quiet hours, at their end. Null when scheduled checks are off.
 */
export function nextScheduledRun(
  settings: Pick<Settings, 'scheduledChecks' | 'quietHours'>,
  lastRun: number | null,
  now: number,
  timeZone: string,
  random: number,
): number | null {
  const { enabled, everyHours } = settings.scheduledChecks;
  if (!enabled) return null;
  const period = everyHours * HOUR;
  const jitter = (random * 2 - 1) * JITTER * period;
  const base = lastRun === null ? now + HOUR : lastRun + period + jitter;
  let at = Math.max(base, lastRun === null ? now : lastRun + MIN_GAP_MS, now);
  at = outOfQuietHours(at, settings.quietHours, new Clock(timeZone));
  return Math.round(at);
}

function outOfQuietHours(at: number, quiet: QuietHours, clock: Clock): number {
  return inQuietHours(at, quiet, clock) ? quietHoursEnd(at, quiet, clock) : at;
}
