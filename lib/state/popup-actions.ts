import { browser } from 'wxt/browser';
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

/** Fetches the redacted sample from the tab's content script and puts it on the clipboard. */
export async function copyPageSample(tabId: number): Promise<boolean> {
  try {
    const sample: unknown = await browser.tabs.sendMessage(tabId, SAMPLE_REQUEST);
    if (typeof sample !== 'string' || sample.length === 0) return false;
    await navigator.clipboard.writeText(sample);
    return true;
  } catch {
    return false;
  }
}
