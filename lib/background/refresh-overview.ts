import type { browser as wxtBrowser } from 'wxt/browser';
import { badgeLinesOf, decideBadge } from '../alerts/badge';
import { carrierLabel } from '../carriers/lookup';
import type { GuardDb } from '../db/schema';
import { loadTranslatorFor } from '../i18n/load';
import { lineStatuses } from '../status/line-status';
import { OVERVIEW_KEY } from '../storage/keys';
import { OVERVIEW_VERSION, type OverviewSnapshot } from '../storage/overview';
import { SETTINGS_KEY } from '../storage/keys';
import { settingsFrom } from '../settings/schema';
import { applyAlerts } from './apply-alerts';
import type { AnalysisCache } from './analysis-cache';
import { loadLineStates } from './line-states';

type ExtensionBrowser = typeof wxtBrowser;
type Action = ExtensionBrowser['action'];

/**
 * Recomputes what the popup's overview and the toolbar badge show from IndexedDB, and applies
 * both. Called after every stored reading, at every start and by the periodic alarm; it keeps no
 * state of its own (the analysis cache only saves work), so a service worker stopped at any point
 * loses nothing. Its duration is measured as `esim:refresh` (the refresh_ms_50_lines benchmark).
 */
export async function refreshOverview(db: GuardDb, browser: ExtensionBrowser, now: number, cache?: AnalysisCache): Promise<void> {
  const started = performance.now();
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const settings = settingsFrom(stored[SETTINGS_KEY]);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Loaded once per refresh: the badge title and the notifications share it.
  const [states, i18n] = await Promise.all([loadLineStates(db, { now, timeZone, settings, cache }), loadTranslatorFor(settings, browser)]);
  // Each line's status is decided here, once: the overview, the badge and the alerts all read it.
  const statuses = lineStatuses(states, { thresholds: settings.thresholds, now, carrierLabel });
  const snapshot: OverviewSnapshot = { version: OVERVIEW_VERSION, generatedAt: now, cards: statuses.map((s) => s.card) };
  const badge = decideBadge(badgeLinesOf(statuses, { i18n, timeZone }), { i18n, timeZone });
  // Firefox builds are Manifest V2, where the toolbar button is `browserAction`.
  const action: Action = browser.action ?? (browser as unknown as { browserAction: Action }).browserAction;
  await Promise.all([
    browser.storage.local.set({ [OVERVIEW_KEY]: snapshot }),
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
  ]);
  // After the badge, so a notification failure never leaves the badge behind.
  await applyAlerts(db, browser, { statuses, settings, now, timeZone, i18n });
  performance.measure('esim:refresh', { start: started, end: performance.now() });
}
