import { analyzeLine } from '../analysis';
import type { LineAnalysis, LeakSensitivity } from '../analysis';
import type { LineRow, ReadingRow } from '../db/schema';
import { effectiveFigures } from './cap';
import { usedOf } from './usage';
import { DAY } from '../time/units';

/**
 * How the background analyses one line, as a pure step, so the popup's line detail (which loads
 * the history itself, read-only) states exactly the projection and warnings the card and the
 * badge state. Kept apart from the background's loaders so the popup's chunk does not pull in the
 * zod schemas that their database helpers import.
 */

/** Enough history for the line's own daily and hourly habits without reading a whole year. */
export const HISTORY_DAYS = 120;

export interface LineAnalysisOptions {
  now: number;
  timeZone: string;
  leakSensitivity: LeakSensitivity;
}

/** The first capture time the analysis looks at. */
export function historySince(now: number): number {
  return now - HISTORY_DAYS * DAY;
}

/** Analysis of a line's main-bucket history (oldest first, from `historySince(now)`). */
export function analyzeLineHistory(history: readonly ReadingRow[], line: LineRow, { now, timeZone, leakSensitivity }: LineAnalysisOptions): LineAnalysis {
  return analyzeLine(
    history.map((r) => analysisReading(r, line)),
    { now, timeZone, cycleDay: line.cycleDay ?? null, leakSensitivity },
  );
}

/** A stored reading as the analysis sees it, through the user's cap rule (lib/status/cap.ts). */
export function analysisReading(r: ReadingRow, line: Pick<LineRow, 'capBytes'>) {
  const figures = effectiveFigures(r, line.capBytes);
  return { capturedAt: r.capturedAt, ...figures, usedBytes: usedOf(figures), periodEnd: r.periodEnd, countedAt: r.pageSaysUpdatedAt ?? null };
}
