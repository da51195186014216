import type { CarrierAdapter } from '../carriers/types';
import { watchDom, type DomWatch } from '../content/dom-watch';
import { createPacer, DEFAULT_PACING, type PacerOptions } from '../content/read-pacer';
import type { ObservableRoot } from '../content/roots';
import { createSendGate } from '../content/steady';
import type { PageJsonAnswer } from '../page-json/envelope';
import type { PageReading, ParseResult } from '../vocabulary/reading';
import { answersSignature, createJsonAnswers } from './json-answers';
import type { PageStatus } from '../messages/page-status';
import type { StoreReply } from '../messages/schemas';

export interface PageWatcherDeps {
  adapter: CarrierAdapter;
  doc: Document;
  url: () => URL;
  now: () => number;
  /** The user's time zone for dates on the page (see ParseContext). */
  timeZone?: string;
  /** One message per read: the page's readings and its recent JSON answers (either may be empty). */
  send: (readings: PageReading[], pageJson: PageJsonAnswer[]) => Promise<StoreReply>;
  /** Optional last resort when the adapter cannot read the page (see lib/reader/generic). */
  fallback?: (doc: Document, url: URL, now: number) => ParseResult;
  /** How long after load or a route change we keep watching the DOM. */
  boundMs?: number;
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

export interface PageWatcher {
  /** What happened on this page, for the popup. */
  readonly status: PageStatus;
  /** Starts the first watch window (at load). */
  start(): void;
  /** A route change in the SPA: the new view may show other figures, or none. */
  restart(): void;
  stop(): void;
  /** One of the page's own JSON answers, raw (lib/content/page-json-channel.ts): send it with the page's readings. */
  offerJson(answer: PageJsonAnswer): void;
}

type Failure = Extract<ParseResult, { ok: false }>;

export const WATCH_BOUND_MS = 90_000;
/** Longer than the 3-second promo glitch that once raised "data runs out today". */
export const STEADY_MS = 5_000;
export const SEND_GAP_MS = 10_000;
export const MAX_SENDS_PER_LOAD = 20;

/**
 * Reads a carrier page as it renders. Single-page portals fill in the figures seconds after
 * `document_idle` (China Mobile HK takes 30-40 s), so the watcher re-reads when the page changes
 * in a way that may change its figures (watchDom: document, shadow roots, same-origin frames),
 * paced so that a huge or restless page costs little (createPacer), and sends each distinct set
 * of figures once it has held steady, within a per-load send budget (createSendGate). The page's
 * own JSON answers, when this carrier has them, are a second source: `offerJson` hands them in
 * raw, the latest few are kept (./json-answers.ts), and each read sends them with what the page
 * shows; the background reads them and merges (lib/page-json), and its reply says what came of it
 * (stored, signed out, nothing readable). A changed answer is a change like a changed figure.
 * Observing stops after a bound, so a page left open all day costs nothing.
 */
export function createPageWatcher(deps: PageWatcherDeps): PageWatcher {
  const { adapter, doc } = deps;
  const clock = deps.clock ?? (() => performance.now());
  const pacing = { ...DEFAULT_PACING, ...deps.pacing, clock };
  const pacer = createPacer(read, pacing);
  const gate = createSendGate(deps.steadyMs ?? STEADY_MS, deps.sendGapMs ?? SEND_GAP_MS, deps.maxSends ?? MAX_SENDS_PER_LOAD);
  let dom: DomWatch | null = null;
  let boundTimer: ReturnType<typeof setTimeout> | undefined;
  let active = false;
  let lastSent = '';
  let lastRead = '';
  /** What the background said of the last send: shown again while the page says the same. */
  let lastReply: { lines: number; verdict?: Failure } = { lines: 0 };
  // A JSON answer counts as long as a watch window: past it, figures come from the page alone.
  const json = createJsonAnswers(clock, WATCH_BOUND_MS);
  let current: PageStatus = { carrierId: adapter.id, state: 'waiting', lines: 0, detail: '' };
  const set = (state: PageStatus['state'], lines = 0, detail = '') => (current = { carrierId: adapter.id, state, lines, detail });

  function openWindow(delay: number): void {
    active = true;
    if (current.state !== 'read' && current.state !== 'unchanged') current = { ...current, state: 'waiting', detail: '' };
    dom?.stop();
    dom = watchDom(doc, pacer.change, deps.roots);
    clearTimeout(boundTimer);
    boundTimer = setTimeout(endWindow, deps.boundMs ?? WATCH_BOUND_MS);
    pacer.want(clock() + delay);
  }

  /** The end of the window: stop observing, and read once more for the verdict. */
  function endWindow(): void {
    dom?.stop();
    dom = null;
    pacer.want(clock());
  }

  function read(): void {
    if (!active) return;
    const started = clock();
    const result = readPage();
    const answers = json.fresh();
    const signature = JSON.stringify([result.ok ? result.readings.map(figuresOf) : result.reason, answersSignature(answers)]);
    pacer.done(clock() - started, signature !== lastRead);
    lastRead = signature;
    const readings = result.ok ? result.readings : [];
    const failure: Failure = result.ok ? { ok: false, reason: 'layout-changed', detail: 'no figures' } : result;
    // Signed out on screen wins over any JSON: figures next to a sign-in form are stale.
    if ((readings.length === 0 && answers.length === 0) || failure.reason === 'logged-out') {
      gate.reset();
      verdict(failure);
      return;
    }
    const lines = new Set(readings.map((r) => r.lineDigits ?? r.planName ?? '')).size;
    if (signature === lastSent) {
      gate.reset();
      if (lastReply.verdict) verdict(lastReply.verdict);
      else if (current.state !== 'read') set('unchanged', lastReply.lines);
      return;
    }
    const wait = gate.wait(signature, started);
    if (wait === Infinity) set('rejected', 0, 'too many changing figures on this page');
    else if (wait > 0) pacer.want(started + wait);
    else {
      gate.sent(started);
      lastSent = signature;
      void deliver(readings, answers, lines, failure);
    }
  }

  /** The DOM adapter, or the generic reader when the adapter cannot read the page. */
  function readPage(): ParseResult {
    const url = deps.url();
    const now = deps.now();
    let result = adapter.parse(doc, url, { now, timeZone: deps.timeZone });
    if (!result.ok && result.reason !== 'logged-out' && deps.fallback) {
      const generic = deps.fallback(doc, url, now);
      if (generic.ok) result = generic;
    }
    return result;
  }

  function verdict(result: Failure): void {
    // Labels without figures usually mean the figures are still loading: say "waiting" until
    // the window ends. Other verdicts are shown at once and corrected if the page changes.
    const provisional = result.reason === 'layout-changed' && dom !== null;
    const alreadyRead = current.state === 'read' || current.state === 'unchanged';
    if (!provisional && (!alreadyRead || result.reason === 'logged-out')) set(result.reason, 0, result.detail);
  }

  // Figures are validated, and JSON answers read, by the background (zod), the one place that
  // decides what is stored; keeping zod and the JSON readers out of this script keeps it small on
  // every carrier page. `failure`: what the page itself said when it showed no figures.
  async function deliver(readings: PageReading[], answers: PageJsonAnswer[], lines: number, failure: Failure): Promise<void> {
    const reply = await deps.send(readings, answers).catch((error: unknown): StoreReply => ({ ok: false, error: String(error) }));
    if (!reply.ok) {
      lastSent = '';
      lastReply = { lines: 0 };
      set('rejected', 0, reply.error.slice(0, 300));
      return;
    }
    // Nothing stored: the JSON said signed out, or nothing was readable and the page's own verdict stands.
    const said: Failure | undefined = reply.verdict === 'logged-out' ? { ok: false, reason: 'logged-out', detail: 'page JSON: not signed in' } : reply.verdict ? failure : undefined;
    lastReply = { lines: reply.lines ?? lines, ...(said ? { verdict: said } : {}) };
    if (said) verdict(said);
    else set(reply.stored > 0 ? 'read' : 'unchanged', lastReply.lines);
  }

  return {
    get status() {
      return current;
    },
    start: () => openWindow(0),
    restart() {
      // A page that pushes its URL a thousand times a minute gets a few reads, not a thousand:
      // the new view is read once it settles, paced like any other change.
      current = { ...current, state: 'waiting', lines: 0, detail: '' };
      pacer.resetBackoff();
      openWindow(pacing.settleMs);
    },
    stop() {
      active = false;
      dom?.stop();
      dom = null;
      pacer.cancel();
      clearTimeout(boundTimer);
    },
    offerJson(answer) {
      if (!json.offer(answer)) return;
      if (active) pacer.want(clock() + pacing.settleMs);
    },
  };
}

/** What makes two reads "the same": the figures and whose they are, not the times or the source. */
function figuresOf(r: PageReading): unknown[] {
  return [r.lineDigits, r.planName, r.bucket, r.usedBytes, r.totalBytes, r.unlimited, r.remainingBytes];
}
