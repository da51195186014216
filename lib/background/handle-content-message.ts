import type { CarrierAdapter } from '../carriers/types';
import type { GuardDb } from '../db/schema';
import { pageUrlOf, storeReadings, type StoreOutcome } from '../db/store-readings';
import { contentMessageSchema, type StoreReply } from '../messages/schemas';
import { isTrustedContentSender, type SenderInfo } from '../messages/sender';
import { describeStorageError } from '../storage/storage-error';

export interface ContentMessageDeps {
  db: GuardDb;
  ownId: string;
  adapters: readonly CarrierAdapter[];
  now: () => number;
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
 * The background's single door for carrier pages. The content script already validated its
 * message, but a compromised or spoofed page could send anything, so everything is checked again
 * here before the one write. Never throws: a bad message gets `{ ok: false }` and a log line.
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
    const { carrierId, readings } = parsed.data;
    if (!isTrustedContentSender(sender, deps.ownId, carrierId, deps.adapters)) {
      deps.log('Rejected a reading message from an untrusted sender', { carrierId, url: sender.url });
      return { ok: false, error: 'untrusted sender' };
    }
    const outcome = await storeWithOneRetry(deps, carrierId, readings, pageUrlOf(sender.url!));
    if (!outcome) return { ok: false, error: 'storage failed' };
    const tabId = sender.tab?.id;
    if (tabId !== undefined) await safely(deps, 'Could not note the tab’s lines', () => deps.onTabLines?.(tabId, outcome.lineIds));
    if (outcome.stored > 0 || outcome.confirmed > 0) await deps.onStored();
    return { ok: true, stored: outcome.stored, confirmed: outcome.confirmed };
  } catch (error) {
    deps.log('Could not store readings', error);
    return { ok: false, error: 'storage failed' };
  }
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
