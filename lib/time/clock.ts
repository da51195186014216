// Local-time arithmetic without calling Intl for every hour: a year of hourly slots would cost
// tens of ms in formatToParts. Offsets are looked up once per week, and a change inside a week
// is located by bisection (no zone changes its offset twice within seven days).

import { DAY, HOUR, MINUTE } from './units';

const SPAN = 7 * DAY;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (formatters.has(timeZone)) return formatters.get(timeZone) ?? null;
  let fmt: Intl.DateTimeFormat | null = null;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    fmt = null; // unknown zone: fall back to UTC rather than throwing inside the popup
  }
  formatters.set(timeZone, fmt);
  return fmt;
}

interface DayOffsets { o0: number; o1: number; transition: number | null }

export function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

export class Clock {
  private readonly fmt: Intl.DateTimeFormat | null;
  private readonly days = new Map<number, DayOffsets>();
  private lastDay = Number.NaN;
  private lastEntry: DayOffsets = { o0: 0, o1: 0, transition: null };

  constructor(timeZone = 'UTC') {
    this.fmt = timeZone === 'UTC' || timeZone === 'Etc/UTC' ? null : formatterFor(timeZone);
  }

  /** Local time minus UTC, in ms, at instant t. */
  offset(t: number): number {
    if (!this.fmt || !Number.isFinite(t)) return 0;
    const d = Math.floor(t / SPAN);
    let e = this.lastEntry;
    if (d !== this.lastDay) {
      e = this.days.get(d) ?? this.computeDay(d);
      this.lastDay = d;
      this.lastEntry = e;
    }
    return e.transition === null || t < e.transition ? e.o0 : e.o1;
  }

  /** Milliseconds whose UTC reading is the local wall-clock time. */
  local(t: number): number {
    return t + this.offset(t);
  }

  /**
   * Instant of a local wall-clock time: the earlier one when it happens twice (clocks going back),
   * and the instant just after the jump when it never happens (clocks going forward). The zone's
   * offsets a day either side are the only candidates: no zone changes twice within a week.
   */
  fromLocal(l: number): number {
    const before = l - this.offset(l - DAY);
    const after = l - this.offset(l + DAY);
    const shown = [before, after].filter((t) => this.local(t) === l);
    return shown.length > 0 ? Math.min(...shown) : before;
  }

  hourOf(t: number): number {
    return Math.floor(mod(this.local(t), DAY) / HOUR);
  }

  /** Local day number (days since 1970-01-01 local). */
  dayOf(t: number): number {
    return Math.floor(this.local(t) / DAY);
  }

  private computeDay(d: number): DayOffsets {
    const lo0 = d * SPAN;
    const o0 = this.days.get(d - 1)?.o1 ?? this.raw(lo0);
    const o1 = this.days.get(d + 1)?.o0 ?? this.raw(lo0 + SPAN);
    let transition: number | null = null;
    if (o0 !== o1) {
      let lo = lo0;
      let hi = lo0 + SPAN;
      while (hi - lo > MINUTE) {
        const mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
        if (this.raw(mid) === o0) lo = mid;
        else hi = mid;
      }
      transition = hi;
    }
    const entry = { o0, o1, transition };
    this.days.set(d, entry);
    return entry;
  }

  private raw(t: number): number {
    if (!this.fmt) return 0;
    const p: Record<string, number> = {};
    for (const part of this.fmt.formatToParts(new Date(t))) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    const secs = Math.floor(t / 1000) * 1000;
    const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
    return Math.round((asUtc - secs) / MINUTE) * MINUTE;
  }
}

const dayKeys = new Map<number, string>();

/** YYYY-MM-DD of a local day number. */
export function dayKey(localDay: number): string {
  let key = dayKeys.get(localDay);
  if (key === undefined) {
    key = new Date(localDay * DAY).toISOString().slice(0, 10);
    if (dayKeys.size < 20_000) dayKeys.set(localDay, key);
  }
  return key;
}

/** HH:MM of an instant in local time. */
export function clockTime(clock: Clock, t: number): string {
  const m = Math.floor(mod(clock.local(t), DAY) / MINUTE);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Day of week of a local day number, 0 = Sunday. */
export function weekday(localDay: number): number {
  return mod(localDay + 4, 7);
}
