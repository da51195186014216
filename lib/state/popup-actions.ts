import { browser } from 'wxt/browser';
import type { NumberLocale } from '../extract/numbers';
import { SAMPLE_REQUEST } from '../messages/page-status';
import type { UiAction, UiActionReply } from '../messages/ui-actions';

/** Every change goes through the background, the only writer; the overview follows by itself. */
export async function sendUiAction(action: UiAction): Promise<UiActionReply> {
  return (await browser.runtime.sendMessage(action)) as UiActionReply;
}

/** Resolves once the background has created or upgraded the database (pages only ever open it then). */
export async function whenDatabaseReady(): Promise<void> {
  const reply = await sendUiAction({ type: 'database-ready' });
  if (!reply.ok) throw new Error(`the database is not available (${reply.error})`);
}

/**
 * Fetches the page's tree from the tab's content script, redacts it here (the allow-list stays out
 * of the content scripts, whose size is budgeted) and puts the sample on the clipboard.
 */
export async function copyPageSample(tabId: number): Promise<boolean> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, SAMPLE_REQUEST);
    const { isSampleReply, redactSample } = await import('../reader/redact');
    if (!isSampleReply(reply)) return false;
    const sample = redactSample(reply.tree, reply.locale as NumberLocale);
    if (sample.length === 0) return false;
    await navigator.clipboard.writeText(sample);
    return true;
  } catch {
    return false;
  }
}
