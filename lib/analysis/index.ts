import type { AnalysisOptions, AnalysisReading, LineAnalysis, Projection } from './types';
import { Clock } from '../time/clock';
import { DAY } from '../time/units';
import { normalizeReadings, type Point } from './normalize';
import { splitCycles, type Cycle } from './cycles';
import { validCycleDay } from './calendar';
import { buildIntervals, countsFromStart, type Interval } from './increments';
import { spread } from './spread';
import { buildGrid } from './grid';
import { estimateSlots, buildBaseline, type Baseline } from './profile';
import { dayTotals, dailyOutput, hourlyProfile } from './daily';
import { detectAnomalies } from './anomalies';
import { usualUse } from './usual-use';
import { project, recentLevel, type Level } from './projection';
import { cycleFigures, dailyBudget, paceOf, type CycleFigures } from './summary';

export type * from './types';

// Three figures are the least that show a pace and a second opinion on it; with a few days of
// history from before (earlier cycles), the latest figure alone tells how much is left.
const MIN_USEFUL_READINGS = 3;
const HISTORY_FOR_ONE_READING_MS = 3 * DAY;
// Two figures a day or more apart already measure a whole day's rhythm: a pace, if a rough one.
// A known start is such a figure (nothing used then), so one reading a day after it is a pace too.
const HISTORY_FOR_TWO_READINGS_MS = DAY;

/**
 * Turns a line's stored readings into what the popup and alerts state: the cycle, daily use,
 * the projection to the cap and unusual use. Pure: same input, same output, no clock reads.
 */
export function analyzeLine(readings: AnalysisReading[], options: AnalysisOptions): LineAnalysis {
  const clock = new Clock(options.timeZone ?? 'UTC');
  const points = normalizeReadings(readings ?? [], options.now, clock);
  const now = Number.isFinite(options.now) ? options.now : (points[points.length - 1]?.t ?? 0);
  const cycles = splitCycles(points, clock, validCycleDay(options.cycleDay), now);
  const current = cycles[cycles.length - 1]!;
  const intervals = buildIntervals(points, cycles);
  const figures = cycleFigures(points, current);
  // A renewal passed after the latest reading: the new cycle has no figure yet, and the pace and
  // the cap to go by are those of the last cycle that was read.
  const unread = renewedUnread(points, current);
  const seen = unread ? cycleFigures(points, lastReadCycle(cycles)) : figures;

  let daily: LineAnalysis['daily'] = [];
  let anomalies: LineAnalysis['anomalies'] = [];
  let hourly: number[] | null = null;
  let level: Level | null = null;
  let baseline: Baseline | null = null;
  let coveredMs = 0;
  if (intervals.length) {
    let from = Infinity;
    let to = -Infinity;
    for (const iv of intervals) {
      from = Math.min(from, iv.start);
      to = Math.max(to, iv.end);
    }
    const grid = buildGrid(clock, from, to);
    // Use up to the cap is still watched for leaks (a leak that emptied the cap matters most),
    // but the interval in which the line was cut says nothing about the pace of its habits.
    const active = habitIntervals(intervals, false);
    const habits = habitIntervals(intervals, true);
    for (const iv of active) coveredMs += Math.max(0, iv.end - iv.start);
    const slots = estimateSlots(habits.length ? habits : active, grid);
    const days = dayTotals(grid, slots);
    baseline = buildBaseline(grid, slots, days);
    daily = dailyOutput(habits.length === intervals.length ? days : dayTotals(grid, spread(intervals, grid, slots.weekWeight ?? slots.hourWeight)));
    const detection = detectAnomalies({
      intervals: active, grid, expected: baseline.expected, clock, typicalDay: baseline.typicalDay,
      sensitivity: options.leakSensitivity ?? 'normal',
    });
    anomalies = detection.anomalies;
    hourly = hourlyProfile(grid, slots, habits.length ? habits : active);
    if (seen.tLast !== null) level = recentLevel(grid, usualUse(grid, slots, detection.unusual, detection.quiet, baseline.expected), baseline, seen.tLast);
  }

  const percentUsed = figures.used !== null && figures.total !== null ? (100 * figures.used) / figures.total : null;
  return {
    cycle: { start: current.start, end: current.end, startSource: current.startSource, endSource: current.endSource },
    daily,
    projection: unread
      ? { ...projectionFor(freshCycle(seen, current.start!), current.end, now, clock, baseline, level, enoughToProject(seen, false, coveredMs), lastLookAt(points)), renewedUnread: true }
      : projectionFor(figures, current.end, now, clock, baseline, level, enoughToProject(figures, countsFromStart(current), coveredMs), lastLookAt(points)),
    anomalies,
    usedBytes: figures.used,
    totalBytes: figures.total,
    percentUsed,
    pace: figures.unlimited ? null : paceOf(figures, current),
    dailyBudgetBytes: figures.unlimited ? null : dailyBudget(figures, current, now),
    hourly,
    lastReadingAt: figures.tLast,
  };
}

/**
 * Intervals that say something about the user's habits: not those after the cap was reached
 * (the carrier cut or throttled the line). Dropping them splits the chain of contiguous ones.
 */
function habitIntervals(intervals: readonly Interval[], withoutCut: boolean): Interval[] {
  const out: Interval[] = [];
  let chain = 0;
  let prevChain = -1;
  let gap = false;
  for (const iv of intervals) {
    if (iv.capped || (withoutCut && iv.reachedCap)) {
      gap = true;
      continue;
    }
    if (iv.chain !== prevChain || gap) chain++;
    prevChain = iv.chain;
    gap = false;
    out.push(iv.chain === chain ? iv : { ...iv, chain });
  }
  return out;
}

/** The current cycle began after the latest reading (its stated or inferred start has passed unread). */
function renewedUnread(points: readonly Point[], current: Cycle): boolean {
  const last = points[points.length - 1];
  return last !== undefined && current.to === current.from && current.start !== null && current.start >= last.t;
}

function lastReadCycle(cycles: readonly Cycle[]): Cycle {
  for (let i = cycles.length - 1; i > 0; i--) if (cycles[i]!.to > cycles[i]!.from) return cycles[i]!;
  return cycles[0]!;
}

/**
 * The new cycle as the projection sees it: nothing used at its start, the last read cycle's cap.
 * Walking the usual pace from there says whether it lasts (or has probably been used up already).
 */
function freshCycle(seen: CycleFigures, start: number): CycleFigures {
  return { ...seen, used: seen.used === null ? null : 0, tLast: seen.tLast === null ? null : start, reachedCapAt: null };
}

function lastLookAt(points: readonly Point[]): number {
  let at = -Infinity;
  for (const p of points) if (p.seenAt > at) at = p.seenAt;
  return at;
}

/** Whether the figures show a pace at all; a known start counts as a figure (nothing used then). */
function enoughToProject(f: CycleFigures, startKnown: boolean, coveredMs: number): boolean {
  const figures = f.useful + (startKnown ? 1 : 0);
  return f.useful >= MIN_USEFUL_READINGS || (f.useful >= 1 && coveredMs >= HISTORY_FOR_ONE_READING_MS)
    || (figures >= 2 && coveredMs >= HISTORY_FOR_TWO_READINGS_MS);
}

function projectionFor(f: CycleFigures, end: number | null, now: number, clock: Clock, baseline: Baseline | null, level: Level | null, enough: boolean, lastLook: number): Projection {
  const none = { exhaustAt: null, exhaustRange: null, spareBytes: null };
  const expectedDailyBytes = level ? Math.max(0, level.perHour * 24) : null;
  if (f.unlimited) return { status: 'unlimited', ...none, expectedDailyBytes };
  if (f.used !== null && f.total !== null && f.used >= f.total) {
    return { status: 'exhausted', ...none, exhaustAt: f.reachedCapAt, spareBytes: 0, expectedDailyBytes };
  }
  if (!enough || f.used === null || f.total === null || f.tLast === null || !baseline || !level) {
    return { status: 'insufficient-data', ...none, expectedDailyBytes: null };
  }
  return project({ clock, baseline, level, used: f.used, total: f.total, tLast: f.tLast, lastLook, cycleEnd: end, now });
}
