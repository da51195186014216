import { UI_ACTION_TYPES } from '../messages/ui-actions';
import type { SenderInfo } from '../messages/sender';

/** The background's handlers, bound to their dependencies by the entrypoint. */
export interface MessageRoutes<Reply> {
  uiAction(message: unknown, sender: SenderInfo): Promise<Reply>;
  pageReadings(message: unknown, sender: SenderInfo): Promise<Reply>;
}

/**
 * Picks the handler by `type` alone; each handler validates the whole message and its sender.
 * Anything else gets `undefined`: the listener does not answer (another listener or the sender's
 * own timeout deals with it), nothing runs, and nothing throws — not even on a message whose
 * `type` is a throwing getter.
 */
export function routeMessage<Reply>(message: unknown, sender: SenderInfo, routes: MessageRoutes<Reply>): Promise<Reply> | undefined {
  const type = messageType(message);
  if (type === undefined) return undefined;
  if (UI_ACTION_TYPES.has(type)) return routes.uiAction(message, sender);
  if (type === 'page-readings') return routes.pageReadings(message, sender);
  return undefined;
}

function messageType(message: unknown): string | undefined {
  try {
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}
