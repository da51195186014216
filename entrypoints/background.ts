import { CARRIERS } from '@/lib/carriers';
import { AnalysisCache } from '@/lib/background/analysis-cache';
import { BackupUploads } from '@/lib/background/backup-uploads';
import { coalesce } from '@/lib/background/coalesce';
import { handleContentMessage } from '@/lib/background/handle-content-message';
import { handleUiAction } from '@/lib/background/handle-ui-action';
import { routeMessage } from '@/lib/background/route-message';
import { refreshOverview } from '@/lib/background/refresh-overview';
import { openAlert, RELEASE_ALARM } from '@/lib/background/apply-alerts';
import { pruneTrash } from '@/lib/background/line-trash';
import { openGuardDb } from '@/lib/db/schema';
import { SETTINGS_KEY, STORAGE_ERROR_KEY } from '@/lib/storage/keys';
import { createChecks } from '@/lib/checks/service';
import { recordTabLines } from '@/lib/storage/tab-lines';
import { sessionArea } from '@/lib/storage/session';

const RECHECK_ALARM = 'overview-recheck';
const RECHECK_MINUTES = 30;

export default defineBackground(() => {
  const db = openGuardDb();
  // One rebuild at a time (two overlapping runs could each show the same not-yet-marked
  // notification), and a flood of readings coalesced into one follow-up run. Only the scheduling
  // and a cache of analyses are in memory; what they work on is all in IndexedDB.
  const cache = new AnalysisCache();
  const uploads = new BackupUploads(Date.now);
  const updateOverview = coalesce(
    () => refreshOverview(db, browser, Date.now(), cache),
    (error) => console.error('[esim-usage-guard] overview update failed', error),
  );
  // A change the user made (an import, an Undo, a cap) looks at every line afresh.
  const updateEverything = () => {
    cache.clear();
    return updateOverview();
  };

  // Listeners are registered synchronously, before any await, so a message that wakes the
  // service worker is never missed.
  const log = (text: string, detail?: unknown) => console.warn(`[esim-usage-guard] ${text}`, detail ?? '');
  const checks = createChecks(db, browser, sessionArea(), log);
  browser.runtime.onMessage.addListener((message, sender) =>
    routeMessage<unknown>(message, sender, {
      uiAction: (m, s) =>
        handleUiAction(m, s, {
          db,
          ownId: browser.runtime.id,
          extensionOrigin: browser.runtime.getURL('/'),
          onChanged: updateEverything,
          uploads,
          checkNow: checks.checkNow,
          log,
        }),
      pageReadings: (m, s) =>
        handleContentMessage(m, s, {
          db,
          ownId: browser.runtime.id,
          adapters: CARRIERS,
          now: Date.now,
          onStored: updateOverview,
          log,
          onStorageError: (text) => browser.storage.local.set({ [STORAGE_ERROR_KEY]: { at: Date.now(), message: text } }),
          onStorageOk: () => browser.storage.local.remove(STORAGE_ERROR_KEY),
          onTabLines: (tabId, lineIds) => recordTabLines(sessionArea(), tabId, lineIds, Date.now()),
        }),
    }),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECHECK_ALARM || alarm.name === RELEASE_ALARM) void updateOverview();
    checks.onAlarm(alarm.name).catch((error) => log('Checks could not go on', error));
  });
  // The schedule follows the settings, whoever changed them.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) checks.reschedule().catch((error) => log('Could not schedule checks', error));
  });
  browser.notifications.onClicked.addListener((id) => {
    openAlert(db, browser, id, Date.now()).catch((error) => console.error('[esim-usage-guard] could not open an alert', error));
  });

  // Alarms do not survive every browser restart or update: create it at every start.
  void browser.alarms.create(RECHECK_ALARM, { periodInMinutes: RECHECK_MINUTES });
  void updateOverview();
  // A round of checks the worker was running when it stopped carries on; the schedule is set again.
  checks.start().catch((error) => log('Checks could not start', error));
  // Copies kept for Undo whose window passed while the browser was closed.
  pruneTrash(db, Date.now()).catch((error) => log('Could not clear expired Undo copies', error));
});
