import { CMHK, ENTEL_CL, ORANGE_FR, TELCEL_MX } from '@/lib/carriers/catalog';
import { wrapPageRequests } from '@/lib/content/main-world';
import { isPageJsonUrl, PAGE_JSON_URLS } from '@/lib/page-json/allow-list';

/**
 * The MAIN-world half of reading a carrier portal's own JSON (see lib/content/main-world.ts): on
 * the portals whose usage call is known, at document_start so it wraps fetch/XHR before the page's
 * scripts use them. Its matches are those carriers' own pages, so it adds no host access; it is
 * one script for all of them because its only per-carrier part is the URL allow-list, and each
 * carrier's isolated script checks its own list again.
 */
const URLS = Object.values(PAGE_JSON_URLS).flat();

export default defineContentScript({
  matches: [...TELCEL_MX.matches, ...ENTEL_CL.matches, ...CMHK.matches, ...ORANGE_FR.matches],
  world: 'MAIN',
  runAt: 'document_start',
  // No global variable for the bundle: nothing of ours may appear in the page's namespace.
  globalName: false,
  main: () => wrapPageRequests(window, (url) => isPageJsonUrl(URLS, url)),
});
