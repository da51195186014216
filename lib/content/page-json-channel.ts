import { isPageJsonUrl } from '../page-json/allow-list';
import { PAGE_JSON_MAX_CHARS, PAGE_JSON_MAX_URL, PAGE_JSON_TAG, type PageJsonAnswer } from '../page-json/envelope';
import type { PageSource } from './run-carrier-script';

/**
 * The isolated side of the page-JSON channel: listens for what the MAIN-world script posts
 * (entrypoints/page-json.content) and hands on only bodies that pass every check, as raw text.
 * The page can post the same envelope itself, so nothing here trusts the sender: only messages of
 * this window, from its own origin, with our exact envelope (three own string fields, nothing
 * else), a URL on the carrier's allow-list and a body under the size cap; at most a few per second.
 * Nothing here parses or reads the body: the background does (lib/page-json/read-answers.ts), with
 * the carrier's strict JSON reader and zod, so neither weighs on this script (budget: 20 KB gzip).
 */
const BURST = 10;
const BURST_WINDOW_MS = 10_000;
const KEYS = [PAGE_JSON_TAG, 'body', 'url'].sort().join();

export interface PageJsonChannelOptions {
  win: Window;
  urls: readonly RegExp[];
  onAnswer: (answer: PageJsonAnswer) => void;
  /** Monotonic clock for the rate limit (performance.now in the page). */
  clock?: () => number;
}

export function listenForPageJson({ win, urls, onAnswer, clock = () => performance.now() }: PageJsonChannelOptions): () => void {
  let windowStart = -Infinity;
  let accepted = 0;
  const listener = (event: MessageEvent) => {
    if (event.source !== win || event.origin !== win.location.origin) return;
    const envelope = envelopeOf(event.data);
    if (!envelope || !isPageJsonUrl(urls, envelope.url)) return;
    const now = clock();
    if (now - windowStart > BURST_WINDOW_MS) {
      windowStart = now;
      accepted = 0;
    }
    if (++accepted > BURST) return;
    onAnswer(envelope);
  };
  win.addEventListener('message', listener);
  return () => win.removeEventListener('message', listener);
}

function envelopeOf(data: unknown): PageJsonAnswer | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  if (Object.keys(record).sort().join() !== KEYS || record[PAGE_JSON_TAG] !== 1) return null;
  const { url, body } = record;
  if (typeof url !== 'string' || url.length > PAGE_JSON_MAX_URL || typeof body !== 'string' || body.length > PAGE_JSON_MAX_CHARS) return null;
  return { url, body };
}

/**
 * The page's JSON as a second source for the watcher, for the carriers that have a JSON reader:
 * their entrypoints pass this, with the carrier's own allow-list, to runCarrierScript; the others
 * never bundle the channel.
 */
export function pageJsonSource(urls: readonly RegExp[]): PageSource {
  return (watcher) => listenForPageJson({ win: window, urls, onAnswer: (answer) => watcher.offerJson(answer) });
}
