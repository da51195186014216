import type { GuardDb } from '../db/schema';
import type { SenderInfo } from '../messages/sender';
import { uiActionSchema, type UiActionReply } from '../messages/ui-actions';

export interface UiActionDeps {
  db: GuardDb;
  ownId: string;
  /** `browser.runtime.getURL('')`: the origin our own pages are served from. */
  extensionOrigin: string;
  onChanged: () => Promise<void> | void;
  log: (message: string, detail?: unknown) => void;
}

/** Only our own pages (popup, options) may change data; a content script or a web page may not. */
export function isExtensionPage(sender: SenderInfo, ownId: string, extensionOrigin: string): boolean {
  return sender.id === ownId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

export async function handleUiAction(message: unknown, sender: SenderInfo, deps: UiActionDeps): Promise<UiActionReply> {
  try {
    if (!isExtensionPage(sender, deps.ownId, deps.extensionOrigin)) {
      deps.log('Refused a UI action from outside the extension', { url: sender.url });
      return { ok: false, error: 'untrusted sender' };
    }
    const parsed = uiActionSchema.safeParse(message);
    if (!parsed.success) {
      deps.log('Rejected a malformed UI action', parsed.error.issues.map((i) => i.message));
      return { ok: false, error: 'malformed action' };
    }
    const action = parsed.data;
    const { db } = deps;
    await db.transaction('rw', db.lines, db.readings, async () => {
      if (action.type === 'confirm-line') {
        await db.lines.update(action.lineId, { pendingConfirmation: false });
      } else {
        await db.readings.where('[lineId+capturedAt]').between([action.lineId, -Infinity], [action.lineId, Infinity]).delete();
        await db.lines.delete(action.lineId);
      }
    });
    await deps.onChanged();
    return { ok: true };
  } catch (error) {
    deps.log('Could not apply a UI action', error);
    return { ok: false, error: 'storage failed' };
  }
}
