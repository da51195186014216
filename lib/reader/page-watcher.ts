import type { CarrierAdapter } from '../carriers/types';
import type { PageReading, ParseResult } from '../vocabulary/reading';
import type { PageStatus } from '../messages/page-status';
import type { StoreReply } from '../messages/schemas';

export interface PageWatcherDeps {
  adapter: CarrierAdapter;
  doc: Document;
  url: () => URL;
  now: () => number;
  /** The user's time zone for dates on the page (see ParseContext). */
  timeZone?: string;
  send: (readings: PageReading[]) => Promise<StoreReply>;
  /** Optional last resort when the adapter cannot read the page (see lib/reader/generic). */
  fallback?: (doc: Document, url: URL, now: number) => ParseResult;
  /** How long after load or a route change we keep watching the DOM. */
  boundMs?: number;
  /** Quiet time after the last DOM change before re-reading (SPAs render in bursts). */
  settleMs?: number;
}

export const WATCH_BOUND_MS = 90_000;
const SETTLE_MS = 400;

/**
 * Reads a carrier page as it renders. Single-page portals fill in the figures seconds after
 * `document_idle` (China Mobile HK takes 30-40 s), so the watcher re-reads after each burst of DOM
 * changes, sends each distinct set of figures once, and stops observing after a bound so a page
 * left open all day costs nothing.
 */
export class PageWatcher {
  private observer: MutationObserver | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private boundTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSent = '';
  private current: PageStatus;

  constructor(private readonly deps: PageWatcherDeps) {
    this.current = { carrierId: deps.adapter.id, state: 'waiting', lines: 0, detail: '' };
  }

  get status(): PageStatus {
    return this.current;
  }

  /** Starts (or, after a route change, restarts) a bounded watch window. */
  start(): void {
    this.stop();
    if (this.current.state !== 'read' && this.current.state !== 'unchanged') {
      this.current = { ...this.current, state: 'waiting', detail: '' };
    }
    void this.read(false);
    const root = this.deps.doc.body ?? this.deps.doc.documentElement;
    this.observer = new MutationObserver(() => this.scheduleRead());
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.boundTimer = setTimeout(() => {
      this.stop();
      void this.read(true);
    }, this.deps.boundMs ?? WATCH_BOUND_MS);
  }

  /** A route change in the SPA: the new view may show other figures, or none. */
  restart(): void {
    this.current = { ...this.current, state: 'waiting', lines: 0, detail: '' };
    this.start();
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.settleTimer);
    clearTimeout(this.boundTimer);
  }

  private scheduleRead(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => void this.read(false), this.deps.settleMs ?? SETTLE_MS);
  }

  /** `final` is the read at the end of the window: only then does a failure become the verdict. */
  private async read(final: boolean): Promise<void> {
    const { adapter, doc } = this.deps;
    const url = this.deps.url();
    const now = this.deps.now();
    let result = adapter.parse(doc, url, { now, timeZone: this.deps.timeZone });
    if (!result.ok && result.reason !== 'logged-out' && this.deps.fallback) {
      const generic = this.deps.fallback(doc, url, now);
      if (generic.ok) result = generic;
    }
    if (!result.ok) {
      // Labels without figures usually mean the figures are still loading: say "waiting" until
      // the window ends. Other verdicts are shown at once and corrected if the page changes.
      const provisional = result.reason === 'layout-changed' && !final;
      const alreadyRead = this.current.state === 'read' || this.current.state === 'unchanged';
      if (!provisional && (!alreadyRead || result.reason === 'logged-out')) {
        this.current = { carrierId: adapter.id, state: result.reason, lines: 0, detail: result.detail };
      }
      return;
    }
    // Figures are validated by the background (zod), the one place that decides what is stored;
    // keeping zod out of this script keeps it small on every carrier page.
    const valid = result.readings;
    if (valid.length === 0) {
      this.current = { carrierId: adapter.id, state: 'layout-changed', lines: 0, detail: 'no figures' };
      return;
    }
    const signature = JSON.stringify(valid.map(figuresOf));
    const lines = new Set(valid.map((r) => r.lineDigits ?? r.planName ?? '')).size;
    if (signature === this.lastSent) {
      if (this.current.state !== 'read') this.current = { carrierId: adapter.id, state: 'unchanged', lines, detail: '' };
      return;
    }
    this.lastSent = signature;
    const reply = await this.deps.send(valid).catch(
      (error: unknown): StoreReply => ({ ok: false, error: String(error) }),
    );
    if (reply.ok) {
      this.current = { carrierId: adapter.id, state: reply.stored > 0 ? 'read' : 'unchanged', lines, detail: '' };
    } else {
      this.lastSent = '';
      this.current = { carrierId: adapter.id, state: 'rejected', lines: 0, detail: reply.error.slice(0, 300) };
    }
  }

}

/** What makes two reads "the same": the figures and whose they are, not the times. */
function figuresOf(r: PageReading): unknown[] {
  return [r.lineDigits, r.planName, r.bucket, r.usedBytes, r.totalBytes, r.unlimited, r.remainingBytes];
}
