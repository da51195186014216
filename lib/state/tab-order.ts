import type { ActiveTabStatus } from './active-tab';

/** The carrier whose page in the active tab was just read, or null. */
export function tabCarrierId(tab: ActiveTabStatus | null): string | null {
  if (tab?.kind !== 'carrier') return null;
  const { state, carrierId } = tab.status;
  return state === 'read' || state === 'unchanged' ? carrierId : null;
}

/**
 * The lines of the carrier page the user is looking at come first (that is what they opened the
 * popup to check); the others keep their worst-first order. Stable; the input is not changed.
 */
export function tabFirst<T extends { carrierId: string }>(cards: readonly T[], carrierId: string | null): T[] {
  if (carrierId === null) return [...cards];
  return [...cards.filter((c) => c.carrierId === carrierId), ...cards.filter((c) => c.carrierId !== carrierId)];
}
