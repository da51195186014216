import type { BadgeLine } from '../alerts/badge';
import type { LineLatest } from '../db/latest';
import { lineName } from './line-name';
import { percentUsed } from './usage';

/** One badge entry per line, from its most telling bucket (the fullest capped one); unconfirmed lines do not count yet. */
export function badgeLinesFrom(latest: readonly LineLatest[], carrierLabel: (id: string) => string): BadgeLine[] {
  return latest
    .filter((entry) => entry.readings.length > 0 && !entry.line.pendingConfirmation)
    .map(({ line, readings }) => {
      const percents = readings.map(percentUsed).filter((p): p is number => p !== null);
      return {
        name: lineName(line, carrierLabel(line.carrierId)),
        percent: percents.length > 0 ? Math.max(...percents) : null,
        unlimited: readings.some((r) => r.unlimited),
      };
    });
}
