/**
 * The one-way channel from the MAIN-world script (entrypoints/page-json.content) to the carrier's
 * isolated content script: `window.postMessage({ [PAGE_JSON_TAG]: 1, url, body }, origin)`. The
 * page can post the same shape itself, so the receiver (lib/content/page-json-channel.ts) treats
 * every such message as hostile input. The content script passes the raw body on, unparsed, in its
 * `page-readings` message; the background parses and reads it (lib/page-json/read-answers.ts).
 * Kept free of imports: the MAIN-world script and every JSON carrier's content script bundle it.
 */
export const PAGE_JSON_TAG = 'esim-usage-guard:page-json:1';

/** Usage answers are a few KB; anything much bigger is not one, and is not worth parsing. */
export const PAGE_JSON_MAX_CHARS = 256 * 1024;

/** Longest response URL passed along (query strings included). */
export const PAGE_JSON_MAX_URL = 2048;

/**
 * How many recent answers a `page-readings` message carries: a portal makes a few different calls
 * (CMHK's login check and usage query), and more would only be older copies of the same ones.
 */
export const PAGE_JSON_MAX_ANSWERS = 4;

/** One of the page's own JSON answers as the content script passes it on: raw text, unparsed. */
export interface PageJsonAnswer {
  url: string;
  body: string;
}

export interface PageJsonEnvelope {
  [PAGE_JSON_TAG]: 1;
  url: string;
  body: string;
}
