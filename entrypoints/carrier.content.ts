import { adapterForUrl, CARRIER_MATCHES } from '@/lib/carriers';
import { isStatusRequest } from '@/lib/messages/page-status';
import type { ContentMessage, StoreReply } from '@/lib/messages/schemas';
import { PageWatcher } from '@/lib/reader/page-watcher';

/**
 * The one content script for every carrier: a thin shell that picks the adapter for this page,
 * lets the watcher read it as it renders, and answers the popup's "what happened here?".
 * It never touches IndexedDB (here that would be the carrier site's database).
 */
export default defineContentScript({
  matches: CARRIER_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterForUrl(location.href);
    if (!adapter) return;

    const watcher = new PageWatcher({
      adapter,
      doc: document,
      url: () => new URL(location.href),
      now: Date.now,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      send: (readings) => {
        const message: ContentMessage = { type: 'page-readings', carrierId: adapter.id, readings };
        return browser.runtime.sendMessage(message) as Promise<StoreReply>;
      },
    });

    browser.runtime.onMessage.addListener((message) => {
      if (!isStatusRequest(message)) return undefined;
      return Promise.resolve(watcher.status);
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.restart());
    ctx.onInvalidated(() => watcher.stop());
    watcher.start();
  },
});
