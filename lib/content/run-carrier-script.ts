import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CarrierAdapter } from '../carriers/types';
import { isSampleRequest, isStatusRequest } from '../messages/page-status';
import type { ContentMessage, StoreReply } from '../messages/schemas';
import { readGeneric } from '../reader/generic';
import { PageWatcher } from '../reader/page-watcher';
import { redactedSample } from '../reader/redact';

/**
 * The body of every carrier's content script (entrypoints/<carrier>.content.ts): a thin shell that
 * lets the watcher read the page as it renders (with the generic reader as last resort) and answers
 * the popup's "what happened here?". Each carrier has its own script so a page loads only its own
 * adapter. It never touches IndexedDB (here that would be the carrier site's database) and sends
 * nothing but figures.
 */
export function runCarrierScript(adapter: CarrierAdapter, ctx: ContentScriptContext): void {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const watcher = new PageWatcher({
    adapter,
    doc: document,
    url: () => new URL(location.href),
    now: Date.now,
    timeZone,
    fallback: (doc, _url, now) => readGeneric(doc, adapter, { now, timeZone }),
    send: (readings) => {
      const message: ContentMessage = { type: 'page-readings', carrierId: adapter.id, readings };
      return browser.runtime.sendMessage(message) as Promise<StoreReply>;
    },
  });

  // Answers with sendResponse, not a returned promise: content scripts get the browser's own
  // `browser`/`chrome` (no polyfill, see wxt.config.ts), and Chrome ignores returned promises.
  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    if (isStatusRequest(message)) sendResponse(watcher.status);
    else if (isSampleRequest(message)) sendResponse(redactedSample(document.documentElement, adapter.locale));
    return false;
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => watcher.restart());
  ctx.onInvalidated(() => watcher.stop());
  watcher.start();
}
