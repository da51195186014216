/**
 * Two rules between "read" and "sent". A figure must hold steady: the same figures seen again at
 * least `steadyMs` later, with nothing else seen in between, so a promo banner or an animation
 * that shows "16.5 GB used" for three seconds never becomes a reading (it raised "data runs out
 * today"). And a page load has a send budget: at most one send per `gapMs`, and `max` in all, so a
 * page that keeps changing its figures (or its URL) cannot flood the database.
 */
export class SteadyGate {
  private candidate: { signature: string; since: number } | null = null;

  constructor(private readonly steadyMs: number) {}

  /** Milliseconds until `signature` has been steady long enough (0: it has). */
  see(signature: string, now: number): number {
    if (this.candidate?.signature !== signature) {
      this.candidate = { signature, since: now };
      return this.steadyMs;
    }
    return Math.max(0, this.candidate.since + this.steadyMs - now);
  }

  /** Something else was seen (no figures, another verdict): the next figures start over. */
  reset(): void {
    this.candidate = null;
  }
}

export class SendBudget {
  private sent = 0;
  private lastAt = -Infinity;

  constructor(
    private readonly gapMs: number,
    private readonly max: number,
  ) {}

  /** Milliseconds until a send may go (0: now); Infinity once this page load's budget is spent. */
  wait(now: number): number {
    if (this.sent >= this.max) return Infinity;
    return Math.max(0, this.lastAt + this.gapMs - now);
  }

  record(now: number): void {
    this.sent += 1;
    this.lastAt = now;
  }
}
