import type { Grid } from './grid';
import type { Slots } from './spread';
import { mad, median } from './stats';

// A day says something about its weekday once half of it is covered; its use is then held
// against what its covered hours usually carry, so partly read days count too.
const MIN_DAY_COVER = 12;
const MIN_DAYS = 12;

export interface CoveredDay {
  /** Local day number (consecutive days differ by 1). */
  day: number;
  dow: number;
  /** Bytes over what the covered hours usually carry (the hour shape), before any level. */
  ratio: number;
}

/**
 * Every day covered for at least MIN_DAY_COVER hours, with its use relative to the hour shape:
 * computed once, for both kinds of weekday factors below.
 */
export function coveredDays(g: Grid, s: Slots, hourShape: Float64Array): CoveredDay[] {
  const out: CoveredDay[] = [];
  let k = 0;
  while (k < g.count) {
    const day = g.day[k]!;
    const dow = g.dow[k]!;
    let bytes = 0;
    let expected = 0;
    let cover = 0;
    for (; k < g.count && g.day[k] === day; k++) {
      bytes += s.bytes[k]!;
      expected += s.cover[k]! * hourShape[g.hour[k]!]!;
      cover += s.cover[k]!;
    }
    if (cover >= MIN_DAY_COVER && expected > 0) out.push({ day, dow, ratio: bytes / expected });
  }
  return out;
}

/**
 * Weekday factors for the projection. Per weekday, the median of day ratios over the median of
 * all days: robust to a leak on one Saturday. Shrunk towards 1 by the days behind it, so two odd
 * Tuesdays do not become a rule; from three weeks on the line's own rhythm (weekend- or
 * weekday-heavy) is taken nearly as seen.
 */
export function weekdayFactors(days: readonly CoveredDay[]): Float64Array {
  const f = flat();
  if (days.length < MIN_DAYS) return f;
  const overall = median(days.map((d) => d.ratio));
  if (!(overall > 0)) return f;
  for (let w = 0; w < 7; w++) {
    const v = days.filter((d) => d.dow === w).map((d) => d.ratio);
    if (v.length < 2) continue;
    const raw = median(v) / overall;
    f[w] = 1 + (raw - 1) * (v.length / (v.length + 1));
  }
  return f;
}

// Each day is held against the level of the week around it: its own day and three either side.
const LEVEL_DAYS = 3;
const MIN_LEVEL_DAYS = 5;
// A day ratio to its week never counts as more than e^1.5 (about 4.5x) either way.
const MAX_LOG_RATIO = 1.5;
// The variance of a median of n normal values is about pi/2 times that of their mean.
const MEDIAN_VARIANCE = Math.PI / 2;
// From this many covered days (a weekend and a working week), before two of every weekday are
// seen, the weekend is held against the working week. From 7, a leak over a few of the only
// week's working days passed for a rhythm on the second suite (DETECTION.md).
const MIN_CONTRAST_DAYS = 8;
// Saturday and Sunday (weekday 0 is Sunday): the weekend in Chile, Mexico, Spain, France and Hong Kong.
const WEEKEND = [0, 6];
const WORKDAYS = [1, 2, 3, 4, 5];

/**
 * Weekday factors for the baseline that leaks are judged against. The projection's factors hold
 * each day against all history, so a drain of five days, a trip or a busy week lands on the
 * weekdays it happened to cover, and the next leak on those weekdays is then expected. Here each
 * day is held against the level of its own week (the median around it), so anything lasting days
 * moves the level, not the weekdays; and each weekday's factor is shrunk towards flat by how much
 * the weekdays differ beyond their own noise (empirical Bayes): a line with no weekly rhythm gets
 * none, a weekend-heavy one keeps most of it. Tuning seeds: false alarms 623 -> 596 with 4 leaks
 * more found; on the second suite, fewer false alarms too (DETECTION.md). Until two of every
 * weekday are seen, only the weekend against the working week is learnt (weekendContrast).
 */
export function detectionWeekdayFactors(days: readonly CoveredDay[]): Float64Array {
  if (days.length < MIN_CONTRAST_DAYS) return flat();
  const byWeekday: number[][] = Array.from({ length: 7 }, () => []);
  // Days are in time order: the week around day i is days[lo..hi).
  let lo = 0;
  let hi = 0;
  for (const d of days) {
    while (days[lo]!.day < d.day - LEVEL_DAYS) lo++;
    while (hi < days.length && days[hi]!.day <= d.day + LEVEL_DAYS) hi++;
    if (hi - lo < MIN_LEVEL_DAYS) continue;
    const level = median(days.slice(lo, hi).map((o) => o.ratio));
    if (!(level > 0)) continue;
    const log = Math.log(Math.max(d.ratio / level, Number.MIN_VALUE));
    byWeekday[d.dow]!.push(Math.max(-MAX_LOG_RATIO, Math.min(MAX_LOG_RATIO, log)));
  }
  // Two weeks before every weekday has two days behind it; until then only weekend against week.
  if (byWeekday.some((v) => v.length < 2)) return weekendContrast(byWeekday);
  const centre = byWeekday.map((v) => median(v));
  const sigma = mad(byWeekday.flatMap((v, w) => v.map((x) => x - centre[w]!)), 0);
  const mean = centre.reduce((a, b) => a + b, 0) / 7;
  const noise = byWeekday.map((v) => (MEDIAN_VARIANCE * sigma * sigma) / v.length);
  const between = centre.reduce((a, c) => a + (c - mean) ** 2, 0) / 6;
  const signal = Math.max(0, between - noise.reduce((a, b) => a + b, 0) / 7);
  if (!(signal > 0)) return flat();
  return fromLogs(centre.map((c, w) => ((c - mean) * signal) / (signal + noise[w]!)));
}

/**
 * Before two of every weekday are seen, the one weekly rhythm a week and a day can show: the
 * weekend against the working week (a weekend-heavy user's first weekend is no leak), shrunk
 * towards flat by the noise of the two medians as above.
 */
function weekendContrast(byWeekday: number[][]): Float64Array {
  const weekend = WEEKEND.flatMap((w) => byWeekday[w]!);
  const workdays = WORKDAYS.flatMap((w) => byWeekday[w]!);
  if (weekend.length < 2 || workdays.length < 3) return flat();
  const mWeekend = median(weekend);
  const mWorkdays = median(workdays);
  const sigma = mad([...weekend.map((x) => x - mWeekend), ...workdays.map((x) => x - mWorkdays)], 0);
  const noise = MEDIAN_VARIANCE * sigma * sigma * (1 / weekend.length + 1 / workdays.length);
  const contrast = mWeekend - mWorkdays;
  const signal = Math.max(0, contrast * contrast - noise);
  if (!(signal > 0)) return flat();
  const shrunk = (contrast * signal) / (signal + noise);
  // Split so the seven log factors average zero: the weekend's two days carry 5/7 of it.
  return fromLogs(Array.from({ length: 7 }, (_, w) => (WEEKEND.includes(w) ? (shrunk * 5) / 7 : (-shrunk * 2) / 7)));
}

const flat = () => new Float64Array(7).fill(1);

/** Seven log factors as factors averaging 1. */
function fromLogs(logs: readonly number[]): Float64Array {
  const f = logs.map(Math.exp);
  const norm = f.reduce((a, b) => a + b, 0) / 7;
  return Float64Array.from(f, (x) => x / norm);
}
