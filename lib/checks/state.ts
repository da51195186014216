/**
 * A round of checks ("Check now", or a scheduled one): each line's carrier page read again in the
 * user's own session, one line at a time. Plain data, kept in `storage.session` after every step
 * (lib/checks/store.ts), so a service worker stopped halfway resumes where it was and the popup
 * shows the state whenever it opens.
 */
export type CheckOutcome =
  /** The page was read and its figure stored (or confirmed unchanged). */
  | 'updated'
  /** The page was a sign-in page or an expired session: the user must visit it. */
  | 'sign-in'
  /** The page loaded but its figures could not be read. */
  | 'unreadable'
  /** No verdict within the time allowed. */
  | 'timed-out'
  /** Not checked: a line kept by hand, a line never read from a page, or one waiting for a sign-in. */
  | 'skipped-manual'
  | 'skipped-no-page'
  | 'skipped-sign-in';

export interface CheckResult {
  outcome: CheckOutcome;
  at: number;
  /** The page that was opened: where the popup sends the user to sign in. */
  url: string | null;
}

export interface CurrentCheck {
  lineId: number;
  url: string;
  /** Set once the tab exists; null while it is being opened. */
  tabId: number | null;
  /** Whether this round opened the tab (and must close it) or reloaded one the user had open. */
  openedByUs: boolean;
  startedAt: number;
  deadline: number;
}

export interface CheckRound {
  id: string;
  reason: 'manual' | 'scheduled';
  startedAt: number;
  /** Lines still to check, in order. */
  queue: number[];
  current: CurrentCheck | null;
  results: Record<string, CheckResult>;
  finishedAt: number | null;
}

/** How long one page may take to give a verdict (China Mobile HK renders in 30-40 s). */
export const CHECK_TIMEOUT_MS = 60_000;

export function isRunning(round: CheckRound | null): boolean {
  return round !== null && round.finishedAt === null;
}

export function resultOf(round: CheckRound | null, lineId: number): CheckResult | null {
  return round?.results[String(lineId)] ?? null;
}

/** The guard for a record read back from storage (written by us, but storage is shared with older versions). */
export function asCheckRound(value: unknown): CheckRound | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<CheckRound>;
  return typeof v.id === 'string' && Array.isArray(v.queue) && typeof v.results === 'object' && v.results !== null && typeof v.startedAt === 'number'
    ? (v as CheckRound)
    : null;
}
