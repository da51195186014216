import type { CarrierAdapter } from '../carriers/types';
import type { GuardDb } from '../db/schema';
import { storeReadings } from '../db/store-readings';
import { contentMessageSchema, type StoreReply } from '../messages/schemas';
import { isTrustedContentSender, type SenderInfo } from '../messages/sender';

export interface ContentMessageDeps {
  db: GuardDb;
  ownId: string;
  adapters: readonly CarrierAdapter[];
  now: () => number;
  /** Called after something was stored, so the badge follows. */
  onStored: () => Promise<void> | void;
  log: (message: string, detail?: unknown) => void;
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
    const outcome = await storeReadings(deps.db, carrierId, readings, deps.now());
    if (outcome.stored > 0 || outcome.confirmed > 0) await deps.onStored();
    return { ok: true, ...outcome };
  } catch (error) {
    deps.log('Could not store readings', error);
    return { ok: false, error: 'storage failed' };
  }
}
