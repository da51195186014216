import type { LineAnalysis } from '../analysis/types';
import type { LineRow, ReadingRow } from '../db/schema';
import { HOUR } from '../time/units';

/**
 * The last analysis of each line, so a new reading on one line re-analyses that line only: with
 * fifty lines, reading and analysing every history on every reading made each rebuild take
 * seconds. An entry is reused only while everything it was computed from is unchanged (the line's
 * own settings, the id of its newest reading, the time zone and leak sensitivity), for at most a
 * few hours, and never past a moment that changes what it means (the end of its cycle, the
 * projected run-out). What depends on the clock alone (how old a warning is, how old the figure
 * is) is decided afresh from `now` by lib/status at every refresh. A cache only: lost when the
 * service worker stops, and then simply rebuilt.
 */
export const ANALYSIS_MAX_AGE_MS = 3 * HOUR;

interface Entry {
  key: string;
  at: number;
  until: number;
  analysis: LineAnalysis;
}

export class AnalysisCache {
  private readonly entries = new Map<number, Entry>();

  /**
   * What the analysis of `line`'s main bucket was computed from: its newest reading, how many
   * readings the analysis window holds (older ones restored or imported change it too), the line's
   * own settings and the context.
   */
  static keyOf(line: LineRow, primary: ReadingRow, inWindow: number, context: { timeZone: string; leakSensitivity: string }): string {
    return JSON.stringify([primary.bucket, primary.id, inWindow, line.capBytes ?? null, line.cycleDay ?? null, context.timeZone, context.leakSensitivity]);
  }

  get(lineId: number, key: string, now: number): LineAnalysis | null {
    const entry = this.entries.get(lineId);
    if (!entry || entry.key !== key || now >= entry.until || now < entry.at) return null;
    return entry.analysis;
  }

  set(lineId: number, key: string, now: number, analysis: LineAnalysis): void {
    const turns = [analysis.cycle.end, analysis.projection.exhaustAt].filter((t): t is number => t !== null && t > now);
    this.entries.set(lineId, { key, at: now, until: Math.min(now + ANALYSIS_MAX_AGE_MS, ...turns), analysis });
  }

  /** After a change that may rewrite history (an import, an Undo), nothing cached holds. */
  clear(): void {
    this.entries.clear();
  }

  /** Lines that no longer exist leave the cache. */
  keepOnly(lineIds: ReadonlySet<number>): void {
    for (const id of this.entries.keys()) if (!lineIds.has(id)) this.entries.delete(id);
  }
}
