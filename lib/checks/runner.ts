import type { GuardDb, LineRow } from '../db/schema';
import { isPageStatus, PAGE_REQUEST, STATUS_REQUEST, type PageStatus } from '../messages/page-status';
import { MANUAL_CARRIER_ID } from '../vocabulary/reading';
import { CHECK_TIMEOUT_MS, isRunning, type CheckOutcome, type CheckRound, type CurrentCheck } from './state';
import type { CheckStore } from './store';
import { verdictOf } from './verdict';

/** The slice of `browser.tabs` the checks use; none of these calls needs the `tabs` permission. */
export interface CheckTabs {
  query(info: Record<string, never>): Promise<Array<{ id?: number; url?: string }>>;
  create(props: { url: string; active: false }): Promise<{ id?: number }>;
  reload(tabId: number): Promise<void>;
  remove(tabId: number): Promise<void>;
  get(tabId: number): Promise<{ status?: string; url?: string }>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

export interface CheckDeps {
  db: GuardDb;
  tabs: CheckTabs;
  store: CheckStore;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  newId: () => string;
  /** Keeps the worker coming back while a round runs (an alarm), and stops when it is done. */
  keepAlive: (on: boolean) => Promise<void>;
  log: (message: string, detail?: unknown) => void;
}

/** How often a page is asked for its verdict while it loads. */
const POLL_MS = 1_000;
/** A status answered this soon after a reload may still be the old page's. */
const SETTLE_MS = 1_500;

/** Lines a round checks: every visible line read from a carrier page; the others are reported as skipped. */
async function planRound(db: GuardDb, store: CheckStore, reason: CheckRound['reason'], now: number, id: string): Promise<CheckRound> {
  const lines = (await db.lines.toArray()).filter((l) => !l.hidden).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  const signIns = await store.signIns();
  const round: CheckRound = { id, reason, startedAt: now, queue: [], current: null, results: {}, finishedAt: null };
  for (const line of lines) {
    const skip = line.carrierId === MANUAL_CARRIER_ID ? 'skipped-manual' : !line.lastPageUrl ? 'skipped-no-page' : null;
    if (skip) round.results[String(line.id)] = { outcome: skip, at: now, url: null };
    // Scheduled rounds leave alone a line waiting for a sign-in until it has been read again since.
    else if (reason === 'scheduled' && (await needsSignIn(db, line, signIns))) round.results[String(line.id)] = { outcome: 'skipped-sign-in', at: now, url: line.lastPageUrl ?? null };
    else round.queue.push(line.id);
  }
  return round;
}

async function needsSignIn(db: GuardDb, line: LineRow, signIns: Record<string, number>): Promise<boolean> {
  const mark = signIns[String(line.id)];
  return mark !== undefined && (await lastReadAt(db, line.id)) < mark;
}

async function lastReadAt(db: GuardDb, lineId: number): Promise<number> {
  const rows = await db.readings.where('[lineId+capturedAt]').between([lineId, -Infinity], [lineId, Infinity]).reverse().limit(20).toArray();
  return Math.max(-Infinity, ...rows.filter((r) => !r.unconfirmed).map((r) => r.confirmedAt));
}

/** The same page without query or fragment, to find a tab the user already has open on it. */
function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/**
 * Runs rounds of checks, one line at a time: reload the carrier tab the user has open on the
 * line's page, or open the page in an inactive tab; wait (bounded) for the content script's
 * verdict; close only what it opened. Every step is saved first, so `resume()` after a
 * service-worker restart carries on, adopts or closes the tab it had opened, and loses no line.
 */
export class CheckRunner {
  private loop: Promise<void> | null = null;

  constructor(private readonly deps: CheckDeps) {}

  /** Starts a round unless one is running; answers with the round that runs. */
  async start(reason: CheckRound['reason']): Promise<CheckRound> {
    const current = await this.deps.store.round();
    if (isRunning(current)) {
      this.resume();
      return current!;
    }
    const round = await planRound(this.deps.db, this.deps.store, reason, this.deps.now(), this.deps.newId());
    await this.deps.store.saveRound(round);
    if (reason === 'scheduled') await this.deps.store.saveLastScheduled(round.startedAt);
    this.resume();
    return round;
  }

  /** Carries on a round left running (after a restart); does nothing when none is. */
  resume(): Promise<void> {
    this.loop ??= this.run().finally(() => (this.loop = null));
    return this.loop;
  }

  private async run(): Promise<void> {
    let round = await this.deps.store.round();
    if (!isRunning(round)) return;
    await this.deps.keepAlive(true);
    try {
      while (round && isRunning(round)) {
        round = round.current ? await this.waitFor(round, round.current) : await this.next(round);
      }
    } catch (error) {
      this.deps.log('A round of checks stopped', error);
    } finally {
      await this.deps.keepAlive(false);
    }
  }

  /** Opens (or reloads) the next line's page, or ends the round. */
  private async next(round: CheckRound): Promise<CheckRound> {
    const [lineId, ...rest] = round.queue;
    if (lineId === undefined) {
      const done = { ...round, finishedAt: this.deps.now() };
      await this.deps.store.saveRound(done);
      return done;
    }
    const line = await this.deps.db.lines.get(lineId);
    if (!line?.lastPageUrl) return this.record({ ...round, queue: rest }, lineId, 'skipped-no-page', null);
    const url = line.lastPageUrl;
    const open = await this.openTabOn(url);
    const now = this.deps.now();
    const current: CurrentCheck = { lineId, url, tabId: open?.id ?? null, openedByUs: !open, startedAt: now, deadline: now + CHECK_TIMEOUT_MS };
    // Saved before the tab exists: a restart from here on finds and closes the tab it opened.
    let next: CheckRound = { ...round, queue: rest, current };
    await this.deps.store.saveRound(next);
    try {
      if (open?.id !== undefined) await this.deps.tabs.reload(open.id);
      else {
        const tab = await this.deps.tabs.create({ url, active: false });
        next = { ...next, current: { ...current, tabId: tab.id ?? null } };
        await this.deps.store.saveRound(next);
      }
    } catch (error) {
      this.deps.log('Could not open a carrier page to check', error);
      return this.finish(next, current, 'unreadable');
    }
    return next;
  }

  /** Waits for the current page's verdict, up to its deadline. */
  private async waitFor(round: CheckRound, current: CurrentCheck): Promise<CheckRound> {
    if (current.tabId === null) {
      // Stopped between saving and opening: adopt the tab it opened, if it did.
      const tab = await this.openTabOn(current.url);
      if (!tab) return this.finish(round, current, 'timed-out');
      const adopted = { ...round, current: { ...current, tabId: tab.id! } };
      await this.deps.store.saveRound(adopted);
      return adopted;
    }
    const now = this.deps.now();
    const final = now >= current.deadline;
    const readForLine = (await lastReadAt(this.deps.db, current.lineId)) >= current.startedAt;
    const status = readForLine || now - current.startedAt < SETTLE_MS ? null : await this.statusOf(current.tabId);
    if (status === 'gone') return this.finish(round, current, 'timed-out');
    const verdict = verdictOf(status, readForLine, final);
    if (verdict) return this.finish(round, current, verdict);
    await this.deps.sleep(POLL_MS);
    return (await this.deps.store.round()) ?? round;
  }

  /**
   * A tab showing `url`'s page: by its URL where the browser tells it (Chrome, for the carrier
   * hosts), else by asking each tab's reader which page it is on (Firefox, without `tabs`).
   */
  private async openTabOn(url: string): Promise<{ id: number } | undefined> {
    const key = pageKey(url);
    for (const tab of await this.deps.tabs.query({})) {
      if (tab.id === undefined) continue;
      if (tab.url) {
        if (pageKey(tab.url) === key) return { id: tab.id };
        continue;
      }
      const page = await this.deps.tabs.sendMessage(tab.id, PAGE_REQUEST).catch(() => null);
      if (typeof page === 'string' && pageKey(page) === key) return { id: tab.id };
    }
    return undefined;
  }

  /** The page's status once its tab has loaded; null while it loads; 'gone' when the tab was closed. */
  private async statusOf(tabId: number): Promise<PageStatus | null | 'gone'> {
    try {
      const tab = await this.deps.tabs.get(tabId);
      if (tab.status !== 'complete') return null;
    } catch {
      return 'gone';
    }
    try {
      const reply = await this.deps.tabs.sendMessage(tabId, STATUS_REQUEST);
      return isPageStatus(reply) ? reply : null;
    } catch {
      // No content script (yet): the page is still loading, or it is not a carrier page.
      return null;
    }
  }

  private async finish(round: CheckRound, current: CurrentCheck, outcome: CheckOutcome): Promise<CheckRound> {
    if (current.openedByUs && current.tabId !== null) await this.deps.tabs.remove(current.tabId).catch(() => undefined);
    const marks = await this.deps.store.signIns();
    const key = String(current.lineId);
    if (outcome === 'sign-in') marks[key] = this.deps.now();
    else if (outcome === 'updated') delete marks[key];
    await this.deps.store.saveSignIns(marks);
    return this.record({ ...round, current: null }, current.lineId, outcome, current.url);
  }

  private async record(round: CheckRound, lineId: number, outcome: CheckOutcome, url: string | null): Promise<CheckRound> {
    const next = { ...round, results: { ...round.results, [String(lineId)]: { outcome, at: this.deps.now(), url } } };
    await this.deps.store.saveRound(next);
    return next;
  }
}
