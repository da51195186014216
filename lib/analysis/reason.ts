import type { Anomaly } from './types';
import { formatBytes } from '../format/bytes';
import { formatHours, formatSpan } from './format';
import { HOUR } from '../time/units';
import { type Clock } from '../time/clock';

type Facts = Omit<Anomaly, 'reason'>;

/** One plain-English sentence: how much, when, and why it stands out. */
export function describe(a: Facts, clock: Clock, total: number | null): string {
  const span = formatSpan(clock, a.start, a.end);
  const hours = (a.end - a.start) / HOUR;
  const usual = formatBytes(a.baselinePerHour * hours);
  const times = a.baselinePerHour > 0 ? Math.round((a.ratePerHour / a.baselinePerHour) * 10) / 10 : null;
  const much = formatBytes(a.bytes);
  if (a.kind === 'overnight') {
    return `${much} ${span} while this line usually uses ${usual} over those night hours${times ? ` (${times}× more)` : ''}.`;
  }
  if (a.kind === 'burn-rate' && total !== null) {
    const pct = Math.round(((100 * a.bytes) / total) * 10) / 10;
    return `${much} (${pct}% of the ${formatBytes(total)} cap) in ${formatHours(a.end - a.start)} ${span}; this line usually uses ${usual} over those hours. At that pace the whole cap would last ${formatHours((total / Math.max(a.ratePerHour, 1e-9)) * HOUR)}.`;
  }
  return `${much} in ${formatHours(a.end - a.start)} ${span}, ${times ? `${times}× ` : 'well above '}the ${usual} this line usually uses over those hours.`;
}
