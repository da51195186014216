import type { LineAnalysis, LeakSensitivity } from '../analysis';
import { analyzeLineHistory, historySince, type LineAnalysisOptions } from '../status/analyze';
import type { Bucket } from '../vocabulary/reading';
import { loadHistory } from '../db/history';
import type { ReadOnlyDb } from '../db/read-only';
import type { LineRow, ReadingRow } from '../db/schema';
import { dailyFromReadings, LOCAL_DAYS, type DayCalendar } from './chart-data';
import { DAY } from '../time/units';

/** The chart looks back a year; the analysis that states the outlook keeps the background's window. */
export const CHART_DAYS = 365;

export interface LineDetailData {
  line: LineRow;
  bucket: Bucket;
  /** Exactly what the background computed for the card (same history window, same options). */
  analysis: LineAnalysis;
  /** Daily use: the analysis' days (and, once extended to the year, older days from the readings' increments). */
  daily: Array<{ day: string; bytes: number }>;
  /** The bucket's readings in the analysis window (or the year, once extended), oldest first. */
  readings: ReadingRow[];
}

/** The detail analyses exactly as the background does. */
export type DetailOptions = LineAnalysisOptions;

/**
 * Loads the line's recent history (read-only: the background's analysis window) and analyses it
 * as the background does: enough for the default chart, which is drawn from this alone. Null if
 * the line is gone.
 */
export async function loadLineDetail(db: Pick<ReadOnlyDb, 'lines' | 'readings'>, lineId: number, bucket: Bucket, options: DetailOptions): Promise<LineDetailData | null> {
  const [line, recent] = await Promise.all([db.lines.get(lineId), loadHistory(db, lineId, bucket, historySince(options.now))]);
  if (!line) return null;
  const analysis = analyzeLineHistory(recent, line, options);
  return { line, bucket, analysis, daily: analysis.daily, readings: recent };
}

/**
 * The rest of the year, read after the first chart is on screen (the "1 year" view). Its bars come
 * from the readings' increments (see dailyFromReadings); the analysis window keeps the background's
 * figures, so chart and card agree on every recent day.
 */
export async function extendToYear(
  db: Pick<ReadOnlyDb, 'readings'>,
  detail: LineDetailData,
  options: Pick<DetailOptions, 'now'>,
  calendar: DayCalendar = LOCAL_DAYS,
): Promise<LineDetailData> {
  const since = historySince(options.now);
  const { line, bucket } = detail;
  // Filtered after the read: a Dexie `.filter()` walks the range with a cursor, row by row, where a
  // plain range read is one getAll (245 days of hourly readings: about 120 ms against 60-85 ms in
  // the popup_chart benchmark).
  const before = (
    await db.readings
      .where('[lineId+bucket+capturedAt]')
      .between([line.id, bucket, options.now - CHART_DAYS * DAY], [line.id, bucket, since], true, false)
      .toArray()
  ).filter((r) => r.unconfirmed !== true);
  if (!before.length) return detail;
  const firstDay = detail.daily[0]?.day ?? calendar.keyOf(since);
  const bridged = detail.readings.length ? [...before, detail.readings[0]!] : before;
  return {
    ...detail,
    daily: [...dailyFromReadings(bridged, line, calendar).filter((d) => d.day < firstDay), ...detail.daily],
    readings: [...before, ...detail.readings],
  };
}

/** The leak sensitivity from the stored settings, without the settings schema (zod) in this chunk. */
export function leakSensitivityOf(stored: unknown): LeakSensitivity {
  const value = typeof stored === 'object' && stored !== null ? (stored as { leakSensitivity?: unknown }).leakSensitivity : undefined;
  return value === 'low' || value === 'high' ? value : 'normal';
}
