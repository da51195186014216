import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Clock } from '@/lib/time/clock';

function intlOffset(zone: string, t: number): number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(new Date(t))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(t / 1000) * 1000;
}

describe('Clock (cached offsets)', () => {
  it('agrees with Intl at any instant, across DST changes', () => {
    const clocks = new Map<string, Clock>();
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Madrid', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago'),
        fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2026, 0, 1) }),
        (zone, t) => {
          const clock = clocks.get(zone) ?? new Clock(zone);
          clocks.set(zone, clock);
          expect(clock.offset(t)).toBe(intlOffset(zone, t));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
