import type { ActiveTabStatus } from './active-tab';

/** The lines the page in the active tab was read for (its own, never every line of its carrier). */
export function tabLines(tab: ActiveTabStatus | null): readonly number[] {
  if (tab?.kind !== 'carrier') return [];
  const { state } = tab.status;
  return state === 'read' || state === 'unchanged' ? tab.lineIds : [];
}

/**
 * The line(s) of the carrier page the user is looking at come first (that is what they opened the
 * popup to check); the others keep their worst-first order. Stable; the input is not changed.
 */
export function tabFirst<T extends { lineId: number }>(cards: readonly T[], lineIds: readonly number[]): T[] {
  if (lineIds.length === 0) return [...cards];
  return [...cards.filter((c) => lineIds.includes(c.lineId)), ...cards.filter((c) => !lineIds.includes(c.lineId))];
}
