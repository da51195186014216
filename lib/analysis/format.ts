import { Clock, clockTime, dayKey } from '../time/clock';

// English wording for anomaly reasons; sizes go through the UI's formatBytes. The numbers travel alongside (ratePerHour,
// baselinePerHour, bytes) so other languages are worded by the UI, not parsed from here.

export function formatHours(ms: number): string {
  const h = ms / 3_600_000;
  if (h < 1) return `${Math.max(1, Math.round(h * 60))} min`;
  if (h < 48) return `${Math.round(h * 10) / 10} h`;
  return `${Math.round(h / 24)} days`;
}

export function formatSpan(clock: Clock, start: number, end: number): string {
  const d0 = dayKey(clock.dayOf(start));
  const d1 = dayKey(clock.dayOf(end));
  const a = clockTime(clock, start);
  const b = clockTime(clock, end);
  return d0 === d1 ? `between ${a} and ${b} on ${d0}` : `between ${d0} ${a} and ${d1} ${b}`;
}
