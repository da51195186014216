/**
 * When the watcher may read the page. A read walks the whole page (300,000 nodes on a heavy
 * portal: over a second of script time), so reads are paced, not run per change:
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

export class ReadPacer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private changeDue = Infinity;
  private wantDue = Infinity;
  private firstChangeAt: number | null = null;
  private lastEnd = -Infinity;
  private lastCost = 0;
  private idle = 0;
  /** Total time spent reading, for the tests and the benchmark's sake. */
  spentMs = 0;
  reads = 0;

  constructor(
    private readonly run: () => void,
    private readonly options: PacerOptions,
  ) {}

  /** The page changed in a way that may change its figures. */
  change(): void {
    const now = this.options.clock();
    this.firstChangeAt ??= now;
    const quiet = Math.min(now + this.options.settleMs, this.firstChangeAt + this.options.maxWaitMs);
    this.changeDue = Math.max(quiet, this.lastEnd + this.rest() * this.backoff());
    this.arm();
  }

  /** A read wanted at `at` (the first read, a steadiness check, a JSON answer): never before the rest. */
  want(at: number): void {
    this.wantDue = Math.min(this.wantDue, Math.max(at, this.lastEnd + this.rest()));
    this.arm();
  }

  /** Reports a finished read: how long it took and whether its result differed from the last. */
  done(costMs: number, changed: boolean): void {
    this.lastEnd = this.options.clock();
    this.lastCost = Math.max(0, costMs);
    this.spentMs += this.lastCost;
    this.reads += 1;
    this.idle = changed ? 0 : this.idle + 1;
  }

  /** A new view (route change): changes there are news again, so the backoff starts over. */
  resetBackoff(): void {
    this.idle = 0;
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = this.changeDue = this.wantDue = Infinity;
    this.firstChangeAt = null;
  }

  private rest(): number {
    return Math.max(this.options.minGapMs, this.lastCost * this.options.duty);
  }

  private backoff(): number {
    return Math.min(2 ** this.idle, this.options.maxBackoff);
  }

  private arm(): void {
    const due = Math.min(this.changeDue, this.wantDue);
    if (due === this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = due;
    this.timer = setTimeout(() => this.fire(), Math.max(0, due - this.options.clock()));
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = this.changeDue = this.wantDue = Infinity;
    this.firstChangeAt = null;
    this.run();
  }
}
