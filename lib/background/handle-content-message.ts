import type { CarrierAdapter } from '../carriers/types';
import type { GuardDb } from '../db/schema';
import { pageUrlOf, storeReadings, type StoreOutcome } from '../db/store-readings';
import { contentMessageSchema, storedReadingsSchema, type ContentMessage, type StoreReply } from '../messages/schemas';
import { isTrustedContentSender, type SenderInfo } from '../messages/sender';
import { pageJsonAdapterOf } from '../page-json';
import { combineResults } from '../page-json/merge';
import { readPageJson } from '../page-json/read-answers';
import { describeStorageError } from '../storage/storage-error';
import type { ParseResult } from '../vocabulary/reading';

export interface ContentMessageDeps {
  db: GuardDb;
  ownId: string;
  adapters: readonly CarrierAdapter[];
  now: () => number;
  /** For dates in the page's JSON; the background's zone is the browser's, as the page's is. */
  timeZone?: string;
  /** Called after something was stored, so the badge follows. */
  onStored: () => Promise<void> | void;
  log: (message: string, detail?: unknown) => void;
  /** Told when readings could not be stored even after the retry (the popup shows it). */
  onStorageError?: (message: string) => Promise<void> | void;
  /** Told after a successful write, so an earlier storage error can be cleared. */
  onStorageOk?: () => Promise<void> | void;
  /** Told which lines a tab's page was read for (the popup marks those, and only those, "this tab"). */
  onTabLines?: (tabId: number, lineIds: number[]) => Promise<void> | void;
}

/**
 * The background's single door for carrier pages. A compromised or spoofed page could send
 * anything, so everything is checked here before the one write: the message and its sender, then
 * the page's own JSON answers it carries are read here (not in the content script: that keeps the
 * JSON readers and zod off every carrier page, and hostile page JSON meets zod where zod lives),
 * merged with the readings of the rendered page, and every resulting reading is validated again.
 * Never throws: a bad message gets `{ ok: false }` and a log line.
 */
export async function handleContentMessage(
  message: unknown,
  sender: SenderInfo,
  deps: ContentMessageDeps,
): Promise<StoreReply> {
  try {
    const parsed = contentMessageSchema.safeParse(message);
    if (!parsed.success) {
      deps.log('Rejected a malformed reading message', parsed.error.issues.map((i) => i.message));
      return { ok: false, error: 'malformed message' };
    }
    const { carrierId, pageJson } = parsed.data;
    if (!isTrustedContentSender(sender, deps.ownId, carrierId, deps.adapters)) {
      deps.log('Rejected a reading message from an untrusted sender', { carrierId, url: sender.url });
      return { ok: false, error: 'untrusted sender' };
    }
    const result = readMessage(parsed.data, deps);
    if (!result.ok) return { ok: true, stored: 0, confirmed: 0, verdict: result.reason === 'logged-out' ? 'logged-out' : 'layout-changed' };
    const checked = storedReadingsSchema.safeParse(result.readings);
    if (!checked.success) {
      deps.log('Rejected readings of the page’s JSON', checked.error.issues.map((i) => i.message));
      return { ok: false, error: 'malformed message' };
    }
    const readings = checked.data;
    const outcome = await storeWithOneRetry(deps, carrierId, readings, pageUrlOf(sender.url!));
    if (!outcome) return { ok: false, error: 'storage failed' };
    const tabId = sender.tab?.id;
    if (tabId !== undefined) await safely(deps, 'Could not note the tab’s lines', () => deps.onTabLines?.(tabId, outcome.lineIds));
    if (outcome.stored > 0 || outcome.confirmed > 0) await deps.onStored();
    return { ok: true, stored: outcome.stored, confirmed: outcome.confirmed, ...(pageJson ? { lines: outcome.lineIds.length } : {}) };
  } catch (error) {
    deps.log('Could not store readings', error);
    return { ok: false, error: 'storage failed' };
  }
}

/**
 * What the message says once its JSON answers are read: the JSON's figures win, the page's
 * readings fill in the line number, plan and dates (lib/page-json/merge.ts); JSON saying signed
 * out means nothing is stored. Readings of the page alone are marked as such.
 */
function readMessage({ carrierId, readings, pageJson }: ContentMessage, deps: ContentMessageDeps): ParseResult {
  const dom: ParseResult = readings.length > 0 ? { ok: true, readings } : { ok: false, reason: 'layout-changed', detail: 'no figures on the page' };
  const adapter = pageJsonAdapterOf(carrierId);
  const json = pageJson && adapter ? readPageJson(adapter, pageJson, { now: deps.now(), timeZone: deps.timeZone ?? localZone() }) : null;
  const result = combineResults(dom, json);
  return result.ok && result.readings.length === 0 ? { ok: false, reason: 'layout-changed', detail: 'no figures' } : result;
}

function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * One write, retried once: a transaction can fail for passing reasons (the browser closed the
 * connection, other origins briefly filled the quota). The transaction is all-or-nothing, so a
 * retry never doubles a reading. A second failure is reported, not thrown.
 */
async function storeWithOneRetry(
  deps: ContentMessageDeps,
  carrierId: string,
  readings: Parameters<typeof storeReadings>[2],
  pageUrl: string | null,
): Promise<StoreOutcome | null> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 2; attempt++) {
    let outcome: StoreOutcome;
    try {
      // A connection the browser closed (site data cleared, storage pressure) is opened again.
      if (attempt === 2 && !deps.db.isOpen()) await deps.db.open();
      outcome = await storeReadings(deps.db, carrierId, readings, deps.now(), { pageUrl });
    } catch (error) {
      lastError = error;
      deps.log(attempt === 1 ? 'Could not store readings; retrying once' : 'Could not store readings', error);
      continue;
    }
    await safely(deps, 'Could not clear the storage error', () => deps.onStorageOk?.());
    return outcome;
  }
  await safely(deps, 'Could not record the storage error', () => deps.onStorageError?.(describeStorageError(lastError)));
  return null;
}

async function safely(deps: ContentMessageDeps, what: string, run: () => Promise<void> | void): Promise<void> {
  try {
    await run();
  } catch (error) {
    deps.log(what, error);
  }
}
