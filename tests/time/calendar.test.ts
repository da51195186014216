import { describe, expect, it } from 'vitest';
import { zonedParts, zonedTime } from '@/lib/time/calendar';

const wall = (t: number, tz: string) => {
  const p = zonedParts(t, tz);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${String(p.minute).padStart(2, '0')}`;
};

describe('calendar in a time zone (one engine with the analysis Clock)', () => {
  it('finds the instant of a wall-clock time just before a spring-forward change', () => {
    // Madrid moves from 02:00 CET to 03:00 CEST on 29 March 2026: 01:30 is still CET (UTC+1).
    expect(new Date(zonedTime(2026, 3, 29, 1, 30, 'Europe/Madrid')).toISOString()).toBe('2026-03-29T00:30:00.000Z');
  });

  it('finds the instant of a wall-clock time just after a fall-back change', () => {
    // Santiago goes back from 00:00 to 23:00 on 2 April 2023: 00:30 on the 2nd happens once, at UTC−4.
    expect(new Date(zonedTime(2023, 4, 2, 0, 30, 'America/Santiago')).toISOString()).toBe('2023-04-02T04:30:00.000Z');
  });

  it('takes the earlier of two instants when a wall-clock time happens twice', () => {
    // Madrid 25 October 2026: 02:30 happens at 00:30Z (CEST) and 01:30Z (CET).
    expect(new Date(zonedTime(2026, 10, 25, 2, 30, 'Europe/Madrid')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips every hour of a year in the served zones', () => {
    for (const tz of ['Europe/Madrid', 'Europe/Paris', 'America/Santiago', 'America/Mexico_City', 'Asia/Hong_Kong']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
        const p = zonedParts(t, tz);
        const back = zonedTime(p.year, p.month, p.day, p.hour, p.minute, tz);
        // Back to the same instant, or to the other instant of the same wall-clock time.
        expect(wall(back, tz)).toBe(wall(t, tz));
      }
    }
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(zonedTime(2026, 12, 2, 10, 0, 'Not/AZone')).toBe(Date.UTC(2026, 11, 2, 10, 0));
    expect(zonedParts(Date.UTC(2026, 11, 2, 10, 0), 'Not/AZone').hour).toBe(10);
  });
});
