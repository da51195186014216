import { resultOf, type CheckOutcome, type CheckRound } from './state';

/** What the popup says about one line's check: live during a round, and for a while after it. */
export type LineCheckState = { kind: 'checking' } | { kind: 'queued' } | { kind: 'done'; outcome: CheckOutcome; at: number; url: string | null };

/** A finished round's results stay on the cards this long. */
export const SHOW_RESULTS_MS = 30 * 60_000;

export function lineCheckState(round: CheckRound | null, lineId: number, now: number): LineCheckState | null {
  if (!round) return null;
  if (round.finishedAt === null) {
    if (round.current?.lineId === lineId) return { kind: 'checking' };
    if (round.queue.includes(lineId)) return { kind: 'queued' };
  } else if (now - round.finishedAt > SHOW_RESULTS_MS) return null;
  const result = resultOf(round, lineId);
  return result ? { kind: 'done', ...result } : null;
}

/** "2 of 3": how far a running round is, counting only lines it actually checks. */
export function roundProgress(round: CheckRound): { done: number; total: number } {
  const checked = Object.values(round.results).filter((r) => !r.outcome.startsWith('skipped')).length;
  const total = checked + round.queue.length + (round.current ? 1 : 0);
  return { done: Math.min(total, checked + (round.current ? 1 : 0)), total };
}
