import { Clock, mod } from '../time/clock';
import { DAY } from '../time/units';

// Month arithmetic in the line's own time zone: a cycle that "renews on the 3rd" renews at local
// midnight, and the 31st means the last day of shorter months (carriers clamp the same way).

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

function localDate(clock: Clock, t: number): { y: number; m: number; d: number; tod: number } {
  const l = clock.local(t);
  const date = new Date(l);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate(), tod: mod(l, DAY) };
}

function instantOf(clock: Clock, y: number, m0: number, d: number, tod: number): number {
  const norm = new Date(Date.UTC(y, m0, 1));
  const yy = norm.getUTCFullYear();
  const mm = norm.getUTCMonth();
  const day = Math.min(d, daysInMonth(yy, mm));
  return clock.fromLocal(Date.UTC(yy, mm, day) + tod);
}

/** Same local wall-clock time k months later (day clamped to the month's length). */
export function addMonths(clock: Clock, t: number, k: number): number {
  const { y, m, d, tod } = localDate(clock, t);
  return instantOf(clock, y, m + k, d, tod);
}

export function validCycleDay(day: number | null | undefined): number | null {
  return typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= 31 ? day : null;
}

/** First renewal (local midnight of cycleDay) strictly after t. */
export function renewalAfter(clock: Clock, t: number, cycleDay: number): number {
  const { y, m } = localDate(clock, t);
  const here = instantOf(clock, y, m, cycleDay, 0);
  return here > t ? here : instantOf(clock, y, m + 1, cycleDay, 0);
}

/** Last renewal at or before t. */
export function renewalAtOrBefore(clock: Clock, t: number, cycleDay: number): number {
  const { y, m } = localDate(clock, t);
  const here = instantOf(clock, y, m, cycleDay, 0);
  return here <= t ? here : instantOf(clock, y, m - 1, cycleDay, 0);
}
