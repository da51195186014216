/**
 * Calendar arithmetic in an IANA time zone without a date library: the zone's Clock gives the
 * wall-clock time of an instant, and we invert that for "midnight of day D in zone Z". Carrier pages state
 * days in the user's (or carrier's) local time; storing UTC midnight would put a cycle end up to
 * a day off for Hong Kong or Chile.
 */
import { Clock } from './clock';
import { DAY } from './units';

export interface DayParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** One engine for every zone computation (lib/time/clock.ts): a Clock per zone, reused. */
const clocks = new Map<string, Clock>();
function clockOf(timeZone: string): Clock {
  let clock = clocks.get(timeZone);
  if (!clock) clocks.set(timeZone, (clock = new Clock(timeZone)));
  return clock;
}

/** Wall-clock parts of instant `t` in `timeZone` (UTC when the zone is unknown). */
export function zonedParts(t: number, timeZone = 'UTC'): DayParts {
  const d = new Date(clockOf(timeZone).local(t));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The instant when the wall clock in `timeZone` shows y-m-d h:min (first one on DST overlap). */
export function zonedTime(year: number, month: number, day: number, hour = 0, minute = 0, timeZone = 'UTC'): number {
  return clockOf(timeZone).fromLocal(Date.UTC(year, month - 1, day, hour, minute));
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1970 || year > 2200) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number.isInteger(day) && day >= 1 && day <= last;
}

/** Whole days from (y1,m1,d1) to (y2,m2,d2), calendar-wise. */
export function dayDiff(a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY);
}

/** The calendar day `days` after (y, m, d). */
export function addDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day) + days * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The calendar day `months` after (y, m, d), clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(year: number, month: number, day: number, months: number): { year: number; month: number; day: number } {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { year: y, month: m, day: Math.min(day, last) };
}
