import { CARRIERS } from '@/lib/carriers';
import { handleContentMessage } from '@/lib/background/handle-content-message';
import { handleUiAction } from '@/lib/background/handle-ui-action';
import { UI_ACTION_TYPES } from '@/lib/messages/ui-actions';
import { refreshOverview } from '@/lib/background/refresh-overview';
import { openGuardDb } from '@/lib/db/schema';

const RECHECK_ALARM = 'overview-recheck';
const RECHECK_MINUTES = 30;

export default defineBackground(() => {
  const db = openGuardDb();
  const updateOverview = () =>
    refreshOverview(db, browser, Date.now()).catch((error) => console.error('[esim-usage-guard] overview update failed', error));

  // Listeners are registered synchronously, before any await, so a message that wakes the
  // service worker is never missed.
  const log = (text: string, detail?: unknown) => console.warn(`[esim-usage-guard] ${text}`, detail ?? '');
  browser.runtime.onMessage.addListener((message, sender) => {
    const type = messageType(message);
    if (type !== undefined && UI_ACTION_TYPES.has(type)) {
      return handleUiAction(message, sender, {
        db,
        ownId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
        onChanged: updateOverview,
        log,
      });
    }
    if (type !== 'page-readings') return undefined;
    return handleContentMessage(message, sender, {
      db,
      ownId: browser.runtime.id,
      adapters: CARRIERS,
      now: Date.now,
      onStored: updateOverview,
      log,
    });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECHECK_ALARM) void updateOverview();
  });

  // Alarms do not survive every browser restart or update: create it at every start.
  void browser.alarms.create(RECHECK_ALARM, { periodInMinutes: RECHECK_MINUTES });
  void updateOverview();
});

/** Routes by `type` only; each handler validates the whole message and its sender. */
function messageType(message: unknown): string | undefined {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
}
