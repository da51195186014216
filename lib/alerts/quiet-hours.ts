import type { Settings } from '../settings/schema';
import { Clock, mod } from '../time/clock';
import { DAY, MINUTE } from '../time/units';

export type QuietHours = Settings['quietHours'];

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether `now` falls in the user's quiet hours (local wall-clock time; the window may cross midnight). */
export function inQuietHours(now: number, quiet: QuietHours, clock: Clock): boolean {
  if (!quiet.enabled) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  // An empty window (start = end) is read as "off" rather than "all day": holding every
  // notification forever would hide a leak warning.
  if (start === end) return false;
  const minute = Math.floor(mod(clock.local(now), DAY) / MINUTE);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The next instant after `now` at which the local clock reads the end of quiet hours. */
export function quietHoursEnd(now: number, quiet: QuietHours, clock: Clock): number {
  const local = clock.local(now);
  let target = Math.floor(local / DAY) * DAY + minutesOf(quiet.end) * MINUTE;
  if (target <= local) target += DAY;
  return clock.fromLocal(target);
}
