import { adapterForUrl, CARRIER_MATCHES } from '@/lib/carriers';
import { isSampleRequest, isStatusRequest } from '@/lib/messages/page-status';
import type { ContentMessage, StoreReply } from '@/lib/messages/schemas';
import { readGeneric } from '@/lib/reader/generic';
import { PageWatcher } from '@/lib/reader/page-watcher';
import { redactedSample } from '@/lib/reader/redact';

/**
 * The one content script for every carrier: a thin shell that picks the adapter for this page,
 * lets the watcher read it as it renders (with the generic reader as last resort), and answers the
 * popup's "what happened here?". It never touches IndexedDB (here that would be the carrier
 * site's database) and sends nothing but figures.
 */
export default defineContentScript({
  matches: CARRIER_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterForUrl(location.href);
    if (!adapter) return;
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

    browser.runtime.onMessage.addListener((message) => {
      if (isStatusRequest(message)) return Promise.resolve(watcher.status);
      if (isSampleRequest(message)) return Promise.resolve(redactedSample(document.documentElement, adapter.locale));
      return undefined;
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.restart());
    ctx.onInvalidated(() => watcher.stop());
    watcher.start();
  },
});
