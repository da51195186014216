import adapter from '@/lib/carriers/movistar-cl';
import { runCarrierScript } from '@/lib/content/run-carrier-script';

// noScriptStartedPostMessage: WXT would otherwise post the extension id on the page's window.
export default defineContentScript({ matches: adapter.matches, runAt: 'document_idle', noScriptStartedPostMessage: true, main: (ctx) => runCarrierScript(adapter, ctx) });
