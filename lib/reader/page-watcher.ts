import type { CarrierAdapter } from '../carriers/types';
import { DomWatch } from '../content/dom-watch';
import { DEFAULT_PACING, ReadPacer, type PacerOptions } from '../content/read-pacer';
import type { ObservableRoot } from '../content/roots';
import { SendBudget, SteadyGate } from '../content/steady';
import { combineResults } from '../page-json/merge';
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
  /** How long the same figures must be seen before they are sent (lib/content/steady.ts). */
  steadyMs?: number;
  /** At most one send per this many ms, and `maxSends` per page load. */
  sendGapMs?: number;
  maxSends?: number;
  /** Monotonic ms for pacing and read costs (performance.now in the page). */
  clock?: () => number;
  /** Pacing of reads (lib/content/read-pacer.ts). */
  pacing?: Partial<Omit<PacerOptions, 'clock'>>;
  /** What to observe besides the document (lib/content/roots.ts). */
  roots?: (doc: Document) => ObservableRoot[];
}

export const WATCH_BOUND_MS = 90_000;
/** Longer than the 3-second promo glitch that once raised "data runs out today". */
export const STEADY_MS = 5_000;
export const SEND_GAP_MS = 10_000;
export const MAX_SENDS_PER_LOAD = 20;
/** A JSON answer counts this long: past it, figures come from the rendered page alone. */
const JSON_FRESH_MS = WATCH_BOUND_MS;

/**
 * Reads a carrier page as it renders. Single-page portals fill in the figures seconds after
 * `document_idle` (China Mobile HK takes 30-40 s), so the watcher re-reads when the page changes
 * in a way that may change its figures (DomWatch: document, shadow roots, same-origin frames),
 * paced so that a huge or restless page costs little (ReadPacer), and sends each distinct set of
 * figures once it has held steady, within a per-load send budget (SteadyGate, SendBudget). The
 * page's own JSON answers (lib/page-json), when this carrier has them, are a second source:
 * `offerJson` hands them in, and each read merges them with what the page shows. Observing
 * stops after a bound, so a page left open all day costs nothing.
 */
export class PageWatcher {
  private readonly dom: DomWatch;
  private readonly pacer: ReadPacer;
  private readonly gate: SteadyGate;
  private readonly budget: SendBudget;
  private readonly clock: () => number;
  private boundTimer: ReturnType<typeof setTimeout> | undefined;
  private active = false;
  private windowOpen = false;
  private lastSent = '';
  private lastRead = '';
  private json: { result: ParseResult; at: number } | null = null;
  private current: PageStatus;

  constructor(private readonly deps: PageWatcherDeps) {
    this.current = { carrierId: deps.adapter.id, state: 'waiting', lines: 0, detail: '' };
    this.clock = deps.clock ?? (() => performance.now());
    const settleMs = deps.settleMs ?? deps.pacing?.settleMs ?? DEFAULT_PACING.settleMs;
    this.pacer = new ReadPacer(() => this.read(), { ...DEFAULT_PACING, ...deps.pacing, settleMs, clock: this.clock });
    this.dom = new DomWatch(deps.doc, () => this.pacer.change(), deps.roots);
    this.gate = new SteadyGate(deps.steadyMs ?? STEADY_MS);
    this.budget = new SendBudget(deps.sendGapMs ?? SEND_GAP_MS, deps.maxSends ?? MAX_SENDS_PER_LOAD);
  }

  get status(): PageStatus {
    return this.current;
  }

  /** Time spent reading so far, and how many reads (for tests and benchmarks). */
  get cost(): { spentMs: number; reads: number } {
    return { spentMs: this.pacer.spentMs, reads: this.pacer.reads };
  }

  /** Starts (or, after a route change, restarts) a bounded watch window. */
  start(): void {
    const first = !this.active;
    this.active = true;
    this.windowOpen = true;
    if (this.current.state !== 'read' && this.current.state !== 'unchanged') {
      this.current = { ...this.current, state: 'waiting', detail: '' };
    }
    this.dom.start();
    clearTimeout(this.boundTimer);
    this.boundTimer = setTimeout(() => this.endWindow(), this.deps.boundMs ?? WATCH_BOUND_MS);
    // The first read goes at once; a route change waits for the new view to settle (a page that
    // pushes its URL a thousand times a minute gets one read, not a thousand).
    this.pacer.want(this.clock() + (first ? 0 : this.deps.settleMs ?? DEFAULT_PACING.settleMs));
  }

  /** A route change in the SPA: the new view may show other figures, or none. */
  restart(): void {
    this.current = { ...this.current, state: 'waiting', lines: 0, detail: '' };
    this.pacer.resetBackoff();
    this.start();
  }

  stop(): void {
    this.active = false;
    this.windowOpen = false;
    this.dom.stop();
    this.pacer.cancel();
    clearTimeout(this.boundTimer);
  }

  /** A verdict on one of the page's own JSON answers (lib/page-json): read it with the page. */
  offerJson(result: ParseResult | null): void {
    if (!result || (result.ok ? result.readings.length === 0 : result.reason !== 'logged-out')) return;
    this.json = { result, at: this.clock() };
    if (this.active) this.pacer.want(this.clock() + (this.deps.settleMs ?? DEFAULT_PACING.settleMs));
  }

  /** The end of the window: stop observing, and read once more for the verdict. */
  private endWindow(): void {
    this.windowOpen = false;
    this.dom.stop();
    this.pacer.want(this.clock());
  }

  private read(): void {
    if (!this.active) return;
    const started = this.clock();
    if (this.windowOpen) this.dom.refresh();
    const result = this.readPage();
    const signature = result.ok ? JSON.stringify(result.readings.map(figuresOf)) : `!${result.reason}`;
    this.pacer.done(this.clock() - started, signature !== this.lastRead);
    this.lastRead = signature;
    if (!result.ok) {
      this.gate.reset();
      this.verdict(result);
      return;
    }
    const { adapter } = this.deps;
    const readings = result.readings;
    if (readings.length === 0) {
      this.gate.reset();
      this.current = { carrierId: adapter.id, state: 'layout-changed', lines: 0, detail: 'no figures' };
      return;
    }
    const lines = new Set(readings.map((r) => r.lineDigits ?? r.planName ?? '')).size;
    if (signature === this.lastSent) {
      this.gate.reset();
      if (this.current.state !== 'read') this.current = { carrierId: adapter.id, state: 'unchanged', lines, detail: '' };
      return;
    }
    const hold = this.gate.see(signature, started);
    const wait = hold > 0 ? hold : this.budget.wait(started);
    if (wait === Infinity) {
      this.current = { carrierId: adapter.id, state: 'rejected', lines: 0, detail: 'too many changing figures on this page' };
      return;
    }
    if (wait > 0) {
      this.pacer.want(started + wait);
      return;
    }
    this.budget.record(started);
    this.gate.reset();
    this.lastSent = signature;
    void this.deliver(readings, lines);
  }

  /** The DOM adapter (or the generic reader), merged with a fresh JSON verdict if there is one. */
  private readPage(): ParseResult {
    const { adapter, doc } = this.deps;
    const url = this.deps.url();
    const now = this.deps.now();
    let result = adapter.parse(doc, url, { now, timeZone: this.deps.timeZone });
    if (!result.ok && result.reason !== 'logged-out' && this.deps.fallback) {
      const generic = this.deps.fallback(doc, url, now);
      if (generic.ok) result = generic;
    }
    const json = this.json && this.clock() - this.json.at <= JSON_FRESH_MS ? this.json.result : null;
    return combineResults(result, json);
  }

  private verdict(result: Extract<ParseResult, { ok: false }>): void {
    // Labels without figures usually mean the figures are still loading: say "waiting" until
    // the window ends. Other verdicts are shown at once and corrected if the page changes.
    const provisional = result.reason === 'layout-changed' && this.windowOpen;
    const alreadyRead = this.current.state === 'read' || this.current.state === 'unchanged';
    if (!provisional && (!alreadyRead || result.reason === 'logged-out')) {
      this.current = { carrierId: this.deps.adapter.id, state: result.reason, lines: 0, detail: result.detail };
    }
  }

  // Figures are validated by the background (zod), the one place that decides what is stored;
  // keeping zod out of this script keeps it small on every carrier page.
  private async deliver(readings: PageReading[], lines: number): Promise<void> {
    const { adapter } = this.deps;
    const reply = await this.deps.send(readings).catch((error: unknown): StoreReply => ({ ok: false, error: String(error) }));
    if (reply.ok) {
      this.current = { carrierId: adapter.id, state: reply.stored > 0 ? 'read' : 'unchanged', lines, detail: '' };
    } else {
      this.lastSent = '';
      this.current = { carrierId: adapter.id, state: 'rejected', lines: 0, detail: reply.error.slice(0, 300) };
    }
  }
}

/** What makes two reads "the same": the figures and whose they are, not the times or the source. */
function figuresOf(r: PageReading): unknown[] {
  return [r.lineDigits, r.planName, r.bucket, r.usedBytes, r.totalBytes, r.unlimited, r.remainingBytes];
}
