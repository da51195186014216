import type { LineCardModel } from '../status/card';

/**
 * The popup's first screen, precomputed by the background after every change and kept in
 * `storage.local`. The popup reads this one small record instead of opening IndexedDB, so the
 * numbers are on screen almost as fast as a blank page paints (popup_ready_ratio), and the popup
 * bundle carries neither Dexie nor the analysis. It is a cache: IndexedDB stays the truth, and
 * the background rebuilds it at every start.
 */
export const OVERVIEW_VERSION = 4;

export interface OverviewSnapshot {
  version: typeof OVERVIEW_VERSION;
  generatedAt: number;
  cards: LineCardModel[];
}

/** A snapshot from an older version of the extension is ignored until the background rewrites it. */
export function asOverview(value: unknown): OverviewSnapshot | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<OverviewSnapshot>;
  return v.version === OVERVIEW_VERSION && Array.isArray(v.cards) && typeof v.generatedAt === 'number' ? (v as OverviewSnapshot) : null;
}
