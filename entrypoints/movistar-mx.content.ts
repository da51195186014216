import adapter from '@/lib/carriers/movistar-mx';
import { runCarrierScript } from '@/lib/content/run-carrier-script';

export default defineContentScript({ matches: adapter.matches, runAt: 'document_idle', main: (ctx) => runCarrierScript(adapter, ctx) });
