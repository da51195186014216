import adapter from '@/lib/carriers/entel-cl';
import pageJson from '@/lib/page-json/entel-cl';
import { pageJsonSource } from '@/lib/content/page-json-channel';
import { runCarrierScript } from '@/lib/content/run-carrier-script';

// document_start: the page's JSON answers (lib/page-json) can arrive before document_idle; the
// watcher itself starts once the DOM is there. noScriptStartedPostMessage: WXT would otherwise
// post the extension id on the page's window.
export default defineContentScript({
  matches: adapter.matches,
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runCarrierScript(adapter, ctx, pageJsonSource(pageJson)),
});
