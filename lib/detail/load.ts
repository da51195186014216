import type { LineAnalysis, LeakSensitivity } from '../analysis';
import { analyzeLineHistory, historySince } from '../background/line-analysis';
import type { Bucket } from '../carriers/types';
import { loadHistory } from '../db/history';
import type { ReadOnlyDb } from '../db/read-only';
import type { LineRow, ReadingRow } from '../db/schema';

/** The chart looks back a year; the analysis that states the outlook keeps the background's window. */
export const CHART_DAYS = 365;
const DAY = 86_400_000;

export interface LineDetailData {
  line: LineRow;
  bucket: Bucket;
  /** Exactly what the background computed for the card (same history window, same options). */
  analysis: LineAnalysis;
  /** Daily use over up to a year: the analysis' days, older days from a year-long pass. */
  daily: Array<{ day: string; bytes: number }>;
  /** The bucket's readings over the chart's year, oldest first. */
  readings: ReadingRow[];
}

export interface DetailOptions {
  now: number;
  timeZone: string;
  leakSensitivity: LeakSensitivity;
}

/** Loads one line's history (read-only) and analyses it as the background does. Null if the line is gone. */
export async function loadLineDetail(db: Pick<ReadOnlyDb, 'lines' | 'readings'>, lineId: number, bucket: Bucket, options: DetailOptions): Promise<LineDetailData | null> {
  const line = await db.lines.get(lineId);
  if (!line) return null;
  const readings = await loadHistory(db, lineId, bucket, options.now - CHART_DAYS * DAY);
  const since = historySince(options.now);
  const first = readings.findIndex((r) => r.capturedAt >= since);
  const recent = first < 0 ? [] : first === 0 ? readings : readings.slice(first);
  const analysis = analyzeLineHistory(recent, line, options);
  let daily = analysis.daily;
  if (first > 0) {
    // Older days come from a pass over the whole year; the window the card is judged on keeps
    // the background's figures, so the chart and the card never disagree on a day.
    const known = new Set(daily.map((d) => d.day));
    const older = analyzeLineHistory(readings, line, options).daily.filter((d) => !known.has(d.day) && d.day < (daily[0]?.day ?? '9999'));
    daily = [...older, ...daily];
  }
  return { line, bucket, analysis, daily, readings };
}

/** The leak sensitivity from the stored settings, without the settings schema (zod) in this chunk. */
export function leakSensitivityOf(stored: unknown): LeakSensitivity {
  const value = typeof stored === 'object' && stored !== null ? (stored as { leakSensitivity?: unknown }).leakSensitivity : undefined;
  return value === 'low' || value === 'high' ? value : 'normal';
}
