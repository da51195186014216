import { browser } from 'wxt/browser';
import { carrierForUrl } from '../carriers/lookup';
import { isPageStatus, STATUS_REQUEST, type PageStatus } from '../messages/page-status';
import { sessionArea } from '../storage/session';
import { tabLineIds } from '../storage/tab-lines';

export type ActiveTabStatus =
  | { kind: 'not-carrier' }
  /** A carrier page whose content script is not running (opened before install): reload it. */
  | { kind: 'needs-reload'; carrierId: string }
  /** `lineIds`: the lines the background stored or confirmed from this tab's page. */
  | { kind: 'carrier'; tabId: number; status: PageStatus; lineIds: number[] };

/**
 * Asks the active tab's content script what happened on its page. The popup has no `tabs`
 * permission; it sees a tab's URL only on carrier hosts, which is all it needs.
 */
export async function activeTabStatus(): Promise<ActiveTabStatus> {
  // Opened as a real popup, getCurrent() is undefined and "current window" is the browser window.
  // Opened in a tab or window of its own, look at the active tab of the normal windows instead.
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  const tabs = await browser.tabs.query(own ? { active: true, windowType: 'normal' } : { active: true, currentWindow: true });
  const candidates = tabs.filter((tab) => tab.id !== undefined && tab.id !== own?.id);
  // Several normal windows each have an active tab; the carrier one is what the user is asking about.
  const target = candidates.find((tab) => tab.url && carrierForUrl(tab.url)) ?? candidates[0];
  if (target?.id === undefined) return { kind: 'not-carrier' };
  const adapter = target.url ? carrierForUrl(target.url) : undefined;
  try {
    const reply: unknown = await browser.tabs.sendMessage(target.id, STATUS_REQUEST);
    if (isPageStatus(reply)) return { kind: 'carrier', tabId: target.id, status: reply, lineIds: await tabLineIds(sessionArea(), target.id).catch(() => []) };
  } catch {
    // No content script there: not a carrier page, or one opened before the extension was installed.
  }
  return adapter ? { kind: 'needs-reload', carrierId: adapter.id } : { kind: 'not-carrier' };
}
