/**
 * When the watcher may read the page. A read walks the whole page (300,000 nodes on a heavy
 * portal: over a second of main-thread time), so reads are paced, not run per change:
 * - a DOM change is read once the page has been quiet for `settleMs`, and at the latest `maxWaitMs`
 *   after the first unread change (a page that never stops changing is still read);
 * - after every read the page gets at least `duty` times that read's cost as rest, so reading
 *   never takes more than 1 / (1 + duty) of one core, whatever the page does;
 * - reads caused by changes that turn out to change nothing back off, doubling the rest each time
 *   up to `maxBackoff` times (a ticker beside a figure costs a read every few seconds, not every second);
 * - requests coalesce: any number of changes, route changes or JSON answers before a read make one read.
 */
export interface PacerOptions {
  /** Monotonic ms (performance.now in the page). */
  clock: () => number;
  settleMs: number;
  maxWaitMs: number;
  minGapMs: number;
  duty: number;
  maxBackoff: number;
}

export const DEFAULT_PACING: Omit<PacerOptions, 'clock'> = { settleMs: 400, maxWaitMs: 2_000, minGapMs: 250, duty: 19, maxBackoff: 32 };

export interface ReadPacer {
  /** The page changed in a way that may change its figures. */
  change(): void;
  /** A read wanted at `at` (the first read, a steadiness check, a JSON answer): never before the rest. */
  want(at: number): void;
  /** Reports a finished read: how long it took and whether its result differed from the last. */
  done(costMs: number, changed: boolean): void;
  /** A new view (route change): changes there are news again, so the backoff starts over. */
  resetBackoff(): void;
  cancel(): void;
}

export function createPacer(run: () => void, options: PacerOptions): ReadPacer {
  const { clock, settleMs, maxWaitMs, minGapMs, duty, maxBackoff } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;
  let changeDue = Infinity;
  let wantDue = Infinity;
  let firstChange: number | null = null;
  let lastEnd = -Infinity;
  let lastCost = 0;
  let idle = 0;

  const rest = () => Math.max(minGapMs, lastCost * duty);
  const clear = () => {
    clearTimeout(timer);
    timerAt = changeDue = wantDue = Infinity;
    firstChange = null;
  };
  const arm = () => {
    const due = Math.min(changeDue, wantDue);
    if (due === timerAt) return;
    clearTimeout(timer);
    timerAt = due;
    timer = setTimeout(() => {
      clear();
      run();
    }, Math.max(0, due - clock()));
  };

  return {
    change() {
      const now = clock();
      firstChange ??= now;
      const quiet = Math.min(now + settleMs, firstChange + maxWaitMs);
      changeDue = Math.max(quiet, lastEnd + rest() * Math.min(2 ** idle, maxBackoff));
      arm();
    },
    want(at) {
      wantDue = Math.min(wantDue, Math.max(at, lastEnd + rest()));
      arm();
    },
    done(costMs, changed) {
      lastEnd = clock();
      lastCost = Math.max(0, costMs);
      idle = changed ? 0 : idle + 1;
    },
    resetBackoff() {
      idle = 0;
    },
    cancel: clear,
  };
}
