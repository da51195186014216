import { slotsTouched, type Grid } from './grid';
import type { Slots } from './spread';
import type { Quiet, Unusual } from './anomalies';

/**
 * The use the pace ahead is measured on: the line's habits, not last week's leak, and not the
 * days its phone was off either. Unusual bytes are taken out of the hours they fell in; a quiet
 * stretch is lifted to what its hours usually carry, the lift shared among its covered hours by
 * how far each fell short of its usual use. Both are judged before the cap-relative floor, so the
 * level stays exactly proportional to the figures.
 */
export function usualUse(g: Grid, s: Slots, unusual: readonly Unusual[], quiet: readonly Quiet[], expected: Float64Array): Slots {
  if (!unusual.length && !quiet.length) return s;
  const bytes = s.bytes.slice();
  for (const u of unusual) {
    const { first: k0, last: k1 } = slotsTouched(g, u.start, u.end);
    for (let k = k0; k <= k1; k++) bytes[k] = bytes[k]! * u.usualShare;
  }
  for (const q of quiet) {
    const { first: k0, last: k1 } = slotsTouched(g, q.start, q.end);
    let have = 0;
    let usual = 0;
    for (let k = k0; k <= k1; k++) {
      if (!(s.cover[k]! > 0)) continue;
      have += bytes[k]!;
      usual += expected[k]!;
    }
    const missing = q.usualBytes - have;
    if (!(missing > 0) || !(usual > 0)) continue;
    // Each hour's shortfall from what it usually carries: the lift goes to the quiet hours, not to
    // the ordinary ones the window also holds, and never above the usual.
    const rate = q.usualBytes / usual;
    let short = 0;
    for (let k = k0; k <= k1; k++) if (s.cover[k]! > 0) short += Math.max(0, expected[k]! * rate - bytes[k]!);
    if (!(short > 0)) continue;
    for (let k = k0; k <= k1; k++) {
      if (s.cover[k]! > 0) bytes[k] = bytes[k]! + (missing * Math.max(0, expected[k]! * rate - bytes[k]!)) / short;
    }
  }
  return { bytes, cover: s.cover };
}
