import type { browser as wxtBrowser } from 'wxt/browser';
import type { StorageAreaLike } from '../background/storage-area';
import type { GuardDb } from '../db/schema';
import { inQuietHours } from '../alerts/quiet-hours';
import { settingsFrom } from '../settings/schema';
import { SETTINGS_KEY } from '../storage/keys';
import { Clock } from '../time/clock';
import { CheckRunner, type CheckTabs } from './runner';
import { nextScheduledRun } from './schedule';
import { checkStore } from './store';

type ExtensionBrowser = typeof wxtBrowser;

/** Wakes a stopped worker every 30 s while a round runs, so it carries on (and closes its tabs). */
export const CHECKS_RESUME_ALARM = 'checks-resume';
/** The next scheduled round. */
export const SCHEDULED_CHECKS_ALARM = 'scheduled-checks';

export interface Checks {
  /** "Check now": starts a round unless one runs. */
  checkNow(): Promise<void>;
  /** At every start: carries on a round left running, and sets the next scheduled one. */
  start(): Promise<void>;
  onAlarm(name: string): Promise<void>;
  /** The settings changed: the schedule follows. */
  reschedule(): Promise<void>;
}

/** The background's checks, bound to the browser (tabs, alarms, storage). */
export function createChecks(db: GuardDb, browser: ExtensionBrowser, session: StorageAreaLike, log: (message: string, detail?: unknown) => void): Checks {
  const store = checkStore(session, browser.storage.local);
  const runner = new CheckRunner({
    db,
    tabs: browser.tabs as unknown as CheckTabs,
    store,
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    newId: () => crypto.randomUUID(),
    keepAlive: async (on) => {
      if (on) await browser.alarms.create(CHECKS_RESUME_ALARM, { periodInMinutes: 0.5 });
      else await browser.alarms.clear(CHECKS_RESUME_ALARM);
    },
    log,
  });
  const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
  const settings = async () => settingsFrom((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);

  const reschedule = async () => {
    const at = nextScheduledRun(await settings(), await store.lastScheduled(), Date.now(), timeZone(), Math.random());
    if (at === null) await browser.alarms.clear(SCHEDULED_CHECKS_ALARM);
    else await browser.alarms.create(SCHEDULED_CHECKS_ALARM, { when: at });
  };

  return {
    async checkNow() {
      await runner.start('manual');
    },
    async start() {
      void runner.resume();
      await reschedule();
    },
    async onAlarm(name) {
      if (name === CHECKS_RESUME_ALARM) await runner.resume();
      if (name !== SCHEDULED_CHECKS_ALARM) return;
      const current = await settings();
      // Quiet hours or a switch-off since the alarm was set: the schedule moves, nothing opens.
      if (current.scheduledChecks.enabled && !inQuietHours(Date.now(), current.quietHours, new Clock(timeZone()))) void runner.start('scheduled');
      await reschedule();
    },
    reschedule,
  };
}
