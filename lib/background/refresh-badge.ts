import type { Browser } from 'wxt/browser';
import { decideBadge } from '../alerts/badge';
import { carrierLabel } from '../carriers';
import { loadLatest } from '../db/latest';
import type { GuardDb } from '../db/schema';
import { badgeLinesFrom } from '../summary/badge-lines';

/** Recomputes the badge from what is stored and applies it. State lives in IndexedDB only. */
export async function refreshBadge(db: GuardDb, browser: Browser): Promise<void> {
  const latest = await loadLatest(db);
  const badge = decideBadge(badgeLinesFrom(latest, carrierLabel));
  // Firefox builds are Manifest V2, where the toolbar button is `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction: Browser['action'] }).browserAction;
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
  ]);
}
