import { matchesAny } from '../carriers/match-pattern';
import type { CarrierAdapter } from '../carriers/types';

/** The parts of `runtime.MessageSender` we rely on (Chrome and Firefox both set these). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * A carrier page may only speak for its own carrier: the message must come from our own content
 * script (extension id), running in a tab, on a URL the named adapter claims. Anything else —
 * another extension, an extension page, a page of another carrier — is refused.
 */
export function isTrustedContentSender(
  sender: SenderInfo,
  ownId: string,
  carrierId: string,
  adapters: readonly CarrierAdapter[],
): boolean {
  if (sender.id !== ownId || !sender.tab || !sender.url) return false;
  const adapter = adapters.find((a) => a.id === carrierId);
  return adapter !== undefined && matchesAny(adapter.matches, sender.url);
}
