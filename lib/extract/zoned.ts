/**
 * Calendar arithmetic in an IANA time zone without a date library: Intl gives the wall-clock
 * parts of an instant, and we invert that for "midnight of day D in zone Z". Carrier pages state
 * days in the user's (or carrier's) local time; storing UTC midnight would put a cycle end up to
 * a day off for Hong Kong or Chile.
 */

export interface DayParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      // An unknown zone name must not break parsing: fall back to UTC (null).
      f = null;
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock parts of instant `t` in `timeZone`. */
export function zonedParts(t: number, timeZone = 'UTC'): DayParts {
  const f = timeZone === 'UTC' ? null : formatter(timeZone);
  if (!f) {
    const d = new Date(t);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return {
    year: p.year ?? 1970,
    month: p.month ?? 1,
    day: p.day ?? 1,
    hour: (p.hour ?? 0) % 24,
    minute: p.minute ?? 0,
    second: p.second ?? 0,
  };
}

function offsetAt(t: number, timeZone: string): number {
  const whole = Math.floor(t / 1000) * 1000;
  const p = zonedParts(whole, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/** The instant when the wall clock in `timeZone` shows y-m-d h:min (first one on DST overlap). */
export function zonedTime(year: number, month: number, day: number, hour = 0, minute = 0, timeZone = 'UTC'): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (timeZone === 'UTC' || !formatter(timeZone)) return wall;
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return Math.min(first, second);
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1970 || year > 2200) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number.isInteger(day) && day >= 1 && day <= last;
}

/** Whole days from (y1,m1,d1) to (y2,m2,d2), calendar-wise. */
export function dayDiff(a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** The calendar day `days` after (y, m, d). */
export function addDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
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
