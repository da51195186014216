import type { StorageAreaLike } from '../background/storage-area';
import { TAB_LINES_KEY } from './keys';

/**
 * Which lines each tab's carrier page was read for, so the popup marks as "this tab" only the
 * line(s) read from the active tab, not every line of that carrier. Kept in `storage.session`: a
 * tab id means nothing after the browser restarts.
 */
export type TabLines = Record<string, { lineIds: number[]; at: number }>;

const MAX_TABS = 50;

export function asTabLines(value: unknown): TabLines {
  if (typeof value !== 'object' || value === null) return {};
  const out: TabLines = {};
  for (const [tab, entry] of Object.entries(value as Record<string, unknown>)) {
    const e = entry as { lineIds?: unknown; at?: unknown };
    if (Array.isArray(e?.lineIds) && e.lineIds.every((id) => Number.isSafeInteger(id)) && typeof e.at === 'number') out[tab] = { lineIds: e.lineIds as number[], at: e.at };
  }
  return out;
}

/** Notes the lines a tab was just read for (its newest page replaces what it showed before). */
export async function recordTabLines(area: StorageAreaLike, tabId: number, lineIds: readonly number[], now: number): Promise<void> {
  const all = asTabLines((await area.get(TAB_LINES_KEY))[TAB_LINES_KEY]);
  all[String(tabId)] = { lineIds: [...lineIds], at: now };
  const kept = Object.entries(all).sort((a, b) => b[1].at - a[1].at).slice(0, MAX_TABS);
  await area.set({ [TAB_LINES_KEY]: Object.fromEntries(kept) });
}

export async function tabLineIds(area: Pick<StorageAreaLike, 'get'>, tabId: number): Promise<number[]> {
  return asTabLines((await area.get(TAB_LINES_KEY))[TAB_LINES_KEY])[String(tabId)]?.lineIds ?? [];
}
