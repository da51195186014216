import { Clock, mod, weekday } from '../time/clock';
import { HOUR } from '../time/units';

/** Hour slots aligned on local hour boundaries, with their local hour, day and weekday. */
export interface Grid {
  start: number;
  count: number;
  hour: Uint8Array;
  day: Int32Array;
  dow: Uint8Array;
}

export function buildGrid(clock: Clock, from: number, to: number): Grid {
  // Align on the local hour so zones with half-hour offsets still sum days at local midnight.
  const start = from - mod(clock.local(from), HOUR);
  const count = Math.max(1, Math.ceil((to - start) / HOUR));
  const hour = new Uint8Array(count);
  const day = new Int32Array(count);
  const dow = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    // The slot's midpoint: at a DST change both ends may claim different hours.
    const t = start + k * HOUR + HOUR / 2;
    hour[k] = clock.hourOf(t);
    const d = clock.dayOf(t);
    day[k] = d;
    dow[k] = weekday(d);
  }
  return { start, count, hour, day, dow };
}

/** The first and last hour slots that [start, end) touches, clipped to the grid (last < first: none). */
export function slotsTouched(g: Grid, start: number, end: number): { first: number; last: number } {
  return {
    first: Math.max(0, Math.floor((start - g.start) / HOUR)),
    last: Math.min(g.count - 1, Math.ceil((end - g.start) / HOUR) - 1),
  };
}

export function isNight(hour: number): boolean {
  return hour >= 1 && hour < 6;
}
