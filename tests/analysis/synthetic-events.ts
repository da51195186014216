// The events of a synthetic line's family: leaks, top-ups, habit changes, trips, downloads.
import type { Clock } from '../../lib/time/clock';
import { DAY, HOUR, MINUTE } from '../../lib/time/units';
import { between, localMidnight, pick, type Family, type LeakKind, type SynthEvent, type TrueCycle } from './synthetic-base';

export interface EventContext {
  clock: Clock; cycles: TrueCycle[]; from: number; lineEnd: number; dailyMean: number; cap: number;
  /** A stream of its own for draws added later, so the lines drawn before stay as they were. */
  extra: () => number;
}

export function makeEvents(r: () => number, family: Family, x: EventContext): SynthEvent[] {
  const out: SynthEvent[] = [];
  const span = x.lineEnd - x.from;
  const at = (lo: number, hi: number) => x.from + Math.floor(between(r, lo, hi) * span / HOUR) * HOUR;
  const leak = (kind: LeakKind, start: number, early = false): SynthEvent => {
    const mid = localMidnight(x.clock, start);
    let s = start;
    let hours: number;
    let bytes: number;
    if (kind === 'overnight') { s = mid + between(r, 1, 3) * HOUR; hours = between(r, 1, 4); bytes = x.dailyMean * between(r, 1, 4); }
    else if (kind === 'spike') { s = mid + between(r, 9, 20) * HOUR; hours = between(r, 1, 3); bytes = x.dailyMean * between(r, 1.2, 4); }
    else if (kind === 'runaway') { hours = between(r, 6, 36); bytes = (x.dailyMean / 24) * between(r, 4, 10) * hours; }
    else { hours = between(r, 3, 7) * 24; bytes = (x.dailyMean / 24) * between(r, 1, 2) * hours; }
    bytes = Math.max(bytes, 0.03 * x.cap);
    s = Math.round(s / MINUTE) * MINUTE;
    return { kind: 'leak', leakKind: kind, start: s, end: s + Math.round(hours * 60) * MINUTE, bytes, early };
  };
  const anyLeak = () => pick(r, ['overnight', 'spike', 'runaway', 'drain'] as const);
  switch (family) {
    case 'overnight': case 'spike': case 'runaway': case 'drain': {
      const n = 1 + Math.floor(r() * 2);
      for (let i = 0; i < n; i++) out.push(leak(family, at(0.3 + 0.35 * i, 0.6 + 0.35 * i)));
      // A third of these lines are looked at soon after a leak: it ended 0.5-3 days before the
      // last reading, with no quiet week after it to show the line's level came back.
      if (x.extra() < 0.35) {
        const l = leak(family, x.lineEnd - 12 * DAY, false);
        const shift = x.lineEnd - between(x.extra, 0.5, 3) * DAY - l.end;
        const late = { ...l, start: Math.round((l.start + shift) / HOUR) * HOUR, end: Math.round((l.end + shift) / HOUR) * HOUR };
        if (late.start > x.from + 3 * DAY && !out.some((e) => e.end > late.start - 2 * DAY)) out.push(late);
      }
      break;
    }
    case 'topup-leak': {
      const l = leak(pick(r, ['overnight', 'spike', 'runaway'] as const), at(0.35, 0.85));
      out.push(l, { kind: 'topup', start: l.end + Math.floor(r() * 2 * HOUR), end: l.end, bytes: x.cap * between(r, 0.3, 1) });
      break;
    }
    case 'early-leak': {
      const c = x.cycles.find((y) => y.start >= x.from + 2 * DAY && y.end <= x.lineEnd) ?? x.cycles[0]!;
      const base = r() < 0.35 ? x.from : c.start;
      const kind = pick(r, ['overnight', 'spike', 'runaway'] as const);
      out.push(leak(kind, base + Math.floor(between(r, 4, 60)) * HOUR, true));
      break;
    }
    case 'habit': out.push({ kind: 'habit', start: at(0.25, 0.6), end: x.lineEnd, bytes: 0, factor: r() < 0.6 ? between(r, 1.25, 1.6) : between(r, 0.4, 0.75) }); break;
    case 'travel': {
      const s = at(0.2, 0.6);
      out.push({ kind: 'trip', start: s, end: Math.min(x.lineEnd, s + between(r, 4, 16) * DAY), bytes: 0, factor: between(r, 0.4, 1.6), shiftHours: pick(r, [-9, -6, -3, 0, 3, 6, 9]) });
      break;
    }
    case 'download': {
      for (const c of x.cycles) {
        if (c.start < x.from || r() < 0.4) continue;
        const s = Math.round((c.start + between(r, 0.05, 0.3) * (c.end - c.start)) / HOUR) * HOUR;
        out.push({ kind: 'download', start: s, end: s + between(r, 1, 3) * HOUR, bytes: x.cap * between(r, 0.1, 0.3) });
      }
      break;
    }
    case 'rebased': {
      // Mid-cycle the carrier lowers its count by 30-60 % of what the cycle had used (a refund of
      // over-counted use, a new package counted from a lower figure): no renewal, no leak.
      const c = x.cycles.find((y) => y.start >= x.from && y.end <= x.lineEnd && y.start >= x.from + 0.2 * span) ?? x.cycles[x.cycles.length - 1]!;
      const f = between(r, 0.45, 0.85);
      const s = Math.round((c.start + f * (c.end - c.start)) / MINUTE) * MINUTE;
      out.push({ kind: 'rebase', start: s, end: s, bytes: x.dailyMean * ((s - c.start) / DAY) * between(r, 0.3, 0.6) });
      if (r() < 0.25) out.push(leak(anyLeak(), at(0.3, 0.9)));
      break;
    }
    case 'clean': case 'weekly': case 'heavy-small': case 'stale': case 'messy': case 'lapsed':
      // Background leaks on other families are rare, so their false alarms are measured cleanly.
      if (family !== 'clean' && family !== 'heavy-small' && r() < 0.25) out.push(leak(anyLeak(), at(0.3, 0.9)));
      break;
  }
  return out.filter((e) => e.start >= x.from && e.start < x.lineEnd).sort((a, b) => a.start - b.start);
}
