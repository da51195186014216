import { AnalysisCache } from './analysis-cache';
import { countHistory, loadHistory } from '../db/history';
import { loadLatest } from '../db/latest';
import type { GuardDb } from '../db/schema';
import type { StatusSource } from '../status/card';
import type { Settings } from '../settings/schema';
import { primaryOf } from '../status/primary-bucket';
import { analyzeLineHistory, historySince } from '../status/analyze';

/** Everything a line's status is decided from (lib/status). */
export type LineState = StatusSource;

export interface LineStateOptions {
  now: number;
  timeZone: string;
  settings: Pick<Settings, 'leakSensitivity'>;
  /** Reuses analyses of lines with nothing new (see analysis-cache.ts); without it, every line is analysed. */
  cache?: AnalysisCache;
}

export async function loadLineStates(db: GuardDb, { now, timeZone, settings, cache }: LineStateOptions): Promise<LineState[]> {
  const latest = await loadLatest(db);
  cache?.keepOnly(new Set(latest.map((l) => l.line.id)));
  return Promise.all(
    latest.map(async ({ line, readings, unconfirmed }) => {
      const primary = primaryOf(readings);
      if (!primary) return { line, latest: readings, analysis: null, unconfirmed };
      const since = historySince(now);
      const inWindow = await countHistory(db, line.id, primary.bucket, since);
      const key = AnalysisCache.keyOf(line, primary, inWindow, { timeZone, leakSensitivity: settings.leakSensitivity });
      const cached = cache?.get(line.id, key, now);
      if (cached) return { line, latest: readings, analysis: cached, unconfirmed };
      const history = await loadHistory(db, line.id, primary.bucket, since);
      // The same pure step the popup's line detail runs, so both state the same outlook.
      const analysis = analyzeLineHistory(history, line, { now, timeZone, leakSensitivity: settings.leakSensitivity });
      cache?.set(line.id, key, now, analysis);
      return { line, latest: readings, analysis, unconfirmed };
    }),
  );
}
