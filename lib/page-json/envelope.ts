/**
 * The one-way channel from the MAIN-world script (entrypoints/page-json.content) to the carrier's
 * isolated content script: `window.postMessage({ [PAGE_JSON_TAG]: 1, url, body }, origin)`. The
 * page can post the same shape itself, so the receiver (lib/content/page-json-channel.ts) treats
 * every such message as hostile input. Kept free of imports: the MAIN-world script bundles it.
 */
export const PAGE_JSON_TAG = 'esim-usage-guard:page-json:1';

/** Usage answers are a few KB; anything much bigger is not one, and is not worth parsing. */
export const PAGE_JSON_MAX_CHARS = 256 * 1024;

/** Longest response URL passed along (query strings included). */
export const PAGE_JSON_MAX_URL = 2048;

export interface PageJsonEnvelope {
  [PAGE_JSON_TAG]: 1;
  url: string;
  body: string;
}
