import { Clock, clockTime, dayKey } from './time';

// English wording for anomaly reasons. The numbers travel alongside (ratePerHour,
// baselinePerHour, bytes) so other languages are worded by the UI, not parsed from here.

export function formatBytes(bytes: number): string {
  const b = Math.max(0, bytes);
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = b;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = v >= 100 || u === 0 ? 0 : 1;
  return `${v.toFixed(digits)} ${units[u]}`;
}

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
