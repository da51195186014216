import { CARRIERS } from '@/lib/carriers';
import { handleContentMessage } from '@/lib/background/handle-content-message';
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
  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isReadingsMessage(message)) return undefined;
    return handleContentMessage(message, sender, {
      db,
      ownId: browser.runtime.id,
      adapters: CARRIERS,
      now: Date.now,
      onStored: updateOverview,
      log: (text, detail) => console.warn(`[esim-usage-guard] ${text}`, detail ?? ''),
    });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECHECK_ALARM) void updateOverview();
  });

  // Alarms do not survive every browser restart or update: create it at every start.
  void browser.alarms.create(RECHECK_ALARM, { periodInMinutes: RECHECK_MINUTES });
  void updateOverview();
});

/** Cheap pre-filter so unrelated messages (none today) are left for other listeners. */
function isReadingsMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'page-readings';
}
