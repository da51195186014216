import adapter from '@/lib/carriers/cmhk';
import { CMHK_JSON } from '@/lib/page-json/allow-list';
import { pageJsonSource } from '@/lib/content/page-json-channel';
import { runCarrierScript } from '@/lib/content/run-carrier-script';

// document_start: the page's JSON answers can arrive before document_idle (they are passed on raw,
// with the carrier's allow-list only; the background reads them, lib/page-json); the watcher itself
// starts once the DOM is there. noScriptStartedPostMessage: WXT would otherwise
// post the extension id on the page's window.
export default defineContentScript({
  matches: adapter.matches,
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runCarrierScript(adapter, ctx, pageJsonSource(CMHK_JSON)),
});
