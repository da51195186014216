import { analyzeLine } from '../analysis';
import type { LineAnalysis } from '../analysis';
import { loadHistory } from '../db/history';
import { loadLatest } from '../db/latest';
import type { GuardDb, LineRow, ReadingRow } from '../db/schema';
import type { Settings } from '../settings/schema';
import { primaryOf } from '../summary/primary-bucket';
import { usedOf } from '../summary/usage';

/** Everything the overview, the badge and the alerts decide from, for one line. */
export interface LineState {
  line: LineRow;
  /** Latest reading per bucket. */
  latest: ReadingRow[];
  /** Analysis of the line's main bucket; null when it has no readings. */
  analysis: LineAnalysis | null;
}

/** Enough history for the line's own daily and hourly habits without reading a whole year. */
const HISTORY_DAYS = 120;
const DAY = 86_400_000;

export interface LineStateOptions {
  now: number;
  timeZone: string;
  settings: Pick<Settings, 'leakSensitivity'>;
}

export async function loadLineStates(db: GuardDb, { now, timeZone, settings }: LineStateOptions): Promise<LineState[]> {
  const latest = await loadLatest(db);
  return Promise.all(
    latest.map(async ({ line, readings }) => {
      const primary = primaryOf(readings);
      if (!primary) return { line, latest: readings, analysis: null };
      const history = await loadHistory(db, line.id, primary.bucket, now - HISTORY_DAYS * DAY);
      const analysis = analyzeLine(history.map((r) => analysisReading(r, line)), {
        now,
        timeZone,
        cycleDay: line.cycleDay ?? null,
        leakSensitivity: settings.leakSensitivity,
      });
      return { line, latest: readings, analysis };
    }),
  );
}

/** A stored reading as the analysis sees it; the user's own cap, when set, replaces the page's. */
function analysisReading(r: ReadingRow, line: LineRow) {
  const cap = line.capBytes ?? null;
  return {
    capturedAt: r.capturedAt,
    usedBytes: usedOf(r),
    totalBytes: cap ?? r.totalBytes,
    unlimited: cap === null && r.unlimited,
    remainingBytes: cap === null ? r.remainingBytes : null,
    periodEnd: r.periodEnd,
  };
}
