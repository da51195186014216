import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CarrierAdapter } from '../carriers/types';
import { isPageRequest, isSampleRequest, isStatusRequest } from '../messages/page-status';
import type { ContentMessage, StoreReply } from '../messages/schemas';
import { readGeneric } from '../reader/generic';
import { createPageWatcher, type PageWatcher } from '../reader/page-watcher';
import type { SampleReply } from '../reader/sample-shape';
import { sampleTree } from '../reader/sample-tree';
import { watchLocation } from './location';

/** Another source beside the DOM (the page's JSON answers); returns how to stop it. */
export type PageSource = (watcher: PageWatcher) => () => void;

/**
 * The body of every carrier's content script (entrypoints/<carrier>.content.ts): a thin shell that
 * lets the watcher read the page as it renders (with the generic reader as last resort, and the
 * page's own JSON answers passed on raw, for the background to read, where the carrier has a
 * reader for them) and answers the popup's "what happened
 * here?". Each carrier has its own script so a page loads only its own adapter. It never touches
 * IndexedDB (here that would be the carrier site's database) and sends nothing but figures.
 *
 * The page cannot stop it. WXT invalidates a content script's context when it sees a "content
 * script started" event, and a page that knows the extension id (a published extension's id is
 * public) can dispatch that event itself; the entrypoints turn off WXT's postMessage that used to
 * hand the page the id, and this shell relies on neither WXT's context nor its location events:
 * it stops only when the extension itself is gone (updated or removed: `runtime.id` disappears).
 */
export function runCarrierScript(adapter: CarrierAdapter, ctx: ContentScriptContext, source?: PageSource): void {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const extensionGone = () => typeof browser.runtime?.id !== 'string';
  const watcher = createPageWatcher({
    adapter,
    doc: document,
    url: () => new URL(location.href),
    now: Date.now,
    timeZone,
    fallback: (doc, _url, now) => readGeneric(doc, adapter, { now, timeZone }),
    send: (readings, pageJson) => {
      if (extensionGone()) {
        shutDown();
        return Promise.resolve<StoreReply>({ ok: false, error: 'extension reloaded' });
      }
      const message: ContentMessage = { type: 'page-readings', carrierId: adapter.id, readings, ...(pageJson.length > 0 ? { pageJson } : {}) };
      return browser.runtime.sendMessage(message) as Promise<StoreReply>;
    },
  });

  // Answers with sendResponse, not a returned promise: content scripts get the browser's own
  // `browser`/`chrome` (no polyfill, see wxt.config.ts), and Chrome ignores returned promises.
  const answer = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    if (isStatusRequest(message)) sendResponse(watcher.status);
    else if (isPageRequest(message)) sendResponse(location.origin + location.pathname);
    // The popup redacts the page's tree before it reaches the clipboard (lib/reader/redact.ts).
    else if (isSampleRequest(message)) sendResponse({ locale: adapter.locale, tree: sampleTree(document.documentElement) } satisfies SampleReply);
    return false;
  };
  browser.runtime.onMessage.addListener(answer);
  const stopLocation = watchLocation(window, () => watcher.restart());
  const stopSource = source?.(watcher) ?? (() => {});

  function shutDown(): void {
    watcher.stop();
    stopLocation();
    stopSource();
    try {
      browser.runtime.onMessage.removeListener(answer);
    } catch {
      // the extension is gone: nothing left to remove from
    }
  }
  ctx.onInvalidated(() => {
    if (extensionGone()) shutDown();
  });

  // Scripts that listen for the page's JSON start at document_start, before the DOM exists.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => watcher.start(), { once: true });
  else watcher.start();
}
