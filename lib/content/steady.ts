/**
 * Two rules between "read" and "sent". A figure must hold steady: the same figures seen again at
 * least `steadyMs` later, with nothing else seen in between, so a promo banner or an animation
 * that shows "16.5 GB used" for three seconds never becomes a reading (it raised "data runs out
 * today"). And a page load has a send budget: at most one send per `gapMs`, and `maxSends` in all,
 * so a page that keeps changing its figures (or its URL) cannot flood the database.
 */
export interface SendGate {
  /**
   * Figures read at `now`: how many ms until they may be sent (0: now), or Infinity once this page
   * load's budget is spent.
   */
  wait(signature: string, now: number): number;
  /** They were sent. */
  sent(now: number): void;
  /** Something else was seen (no figures, another verdict): the next figures start over. */
  reset(): void;
}

export function createSendGate(steadyMs: number, gapMs: number, maxSends: number): SendGate {
  let candidate = '';
  let since = 0;
  let count = 0;
  let lastSent = -Infinity;
  return {
    wait(signature, now) {
      if (signature !== candidate) {
        candidate = signature;
        since = now;
      }
      const steady = since + steadyMs - now;
      if (steady > 0) return steady;
      return count >= maxSends ? Infinity : Math.max(0, lastSent + gapMs - now);
    },
    sent(now) {
      count += 1;
      lastSent = now;
      candidate = '';
    },
    reset() {
      candidate = '';
    },
  };
}
