import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listenForPageJson } from '@/lib/content/page-json-channel';
import { wrapPageRequests } from '@/lib/content/main-world';
import { TELCEL_MX_JSON, isPageJsonUrl } from '@/lib/page-json/allow-list';
import { PAGE_JSON_MAX_CHARS, PAGE_JSON_TAG } from '@/lib/page-json/envelope';

/**
 * The one-way channel between the page's world and ours: what the MAIN-world wrapper posts, and
 * what the isolated side accepts and passes on raw (the background parses and reads it:
 * tests/background/page-json-message.test.ts). The page can post anything on its own window, so
 * the receiver is tested with forged, oversized and flooding messages.
 */
const ORIGIN = 'https://www.mitelcel.com';
const USAGE_URL = `${ORIGIN}/mitelcel/mitelcel-api-web/api/prepago/internet/frame-consumos`;
const BODY = '{"data":{"consumos":[]}}';

let bodies: Array<[string, string]>;
let stop: () => void;
let now: number;

/** A window-like target whose origin is the carrier's, so the channel can be driven from tests. */
function carrierWindow(): Window {
  const target = new EventTarget() as unknown as Window;
  Object.assign(target, { location: { origin: ORIGIN } });
  return target;
}

function post(win: Window, data: unknown, init: { source?: unknown; origin?: string } = {}): void {
  const event = new MessageEvent('message', { data, origin: init.origin ?? ORIGIN });
  Object.defineProperty(event, 'source', { value: 'source' in init ? init.source : win });
  win.dispatchEvent(event);
}

const envelope = (overrides: Record<string, unknown> = {}) => ({ [PAGE_JSON_TAG]: 1, url: USAGE_URL, body: BODY, ...overrides });

let win: Window;
beforeEach(() => {
  bodies = [];
  now = 0;
  win = carrierWindow();
  stop = listenForPageJson({ win, urls: TELCEL_MX_JSON, onAnswer: ({ body, url }) => bodies.push([body, url]), clock: () => now });
});
afterEach(() => stop());

describe('the isolated side of the page-JSON channel', () => {
  it('hands on a well-formed envelope from its own window, its body as raw text', () => {
    post(win, envelope());
    expect(bodies).toEqual([[BODY, USAGE_URL]]);
  });

  it('does not parse the body: text that is not JSON is the background’s to refuse', () => {
    post(win, envelope({ body: '{"data":' }));
    expect(bodies).toEqual([['{"data":', USAGE_URL]]);
  });

  it.each([
    ['another window (a frame, an opener)', () => post(win, envelope(), { source: {} })],
    ['no source at all', () => post(win, envelope(), { source: null })],
    ['another origin', () => post(win, envelope(), { origin: 'https://evil.example' })],
    ['a different tag', () => post(win, { ...envelope(), [PAGE_JSON_TAG]: 2 })],
    ['no tag', () => post(win, { url: USAGE_URL, body: BODY })],
    ['an extra field', () => post(win, envelope({ action: 'store' }))],
    ['a body that is not text', () => post(win, envelope({ body: { data: {} } }))],
    ['a URL that is not text', () => post(win, envelope({ url: new URL(USAGE_URL) }))],
    ['a URL off the allow-list', () => post(win, envelope({ url: `${ORIGIN}/mitelcel/otra-cosa` }))],
    ['a look-alike host', () => post(win, envelope({ url: 'https://www.mitelcel.com.evil.example/mitelcel/mitelcel-api-web/api/prepago/internet/frame-consumos' }))],
    ['plain http', () => post(win, envelope({ url: USAGE_URL.replace('https:', 'http:') }))],
    ['a body over the cap', () => post(win, envelope({ body: `"${'x'.repeat(PAGE_JSON_MAX_CHARS)}"` }))],
    ['an array', () => post(win, [PAGE_JSON_TAG, USAGE_URL, BODY])],
    ['a string', () => post(win, JSON.stringify(envelope()))],
  ])('ignores %s', (_what, send) => {
    send();
    expect(bodies).toEqual([]);
  });

  it('takes at most ten bodies per ten seconds, however many the page posts', () => {
    for (let i = 0; i < 1_000; i++) post(win, envelope());
    expect(bodies).toHaveLength(10);
    now = 10_001;
    post(win, envelope());
    expect(bodies).toHaveLength(11);
  });

  it('stops listening when told to', () => {
    stop();
    post(win, envelope());
    expect(bodies).toEqual([]);
  });
});

describe('the MAIN-world wrapper', () => {
  type FakeWindow = Window & typeof globalThis;

  /** A page window with its own fetch and XMLHttpRequest, whose postMessage reaches the receiver. */
  function pageWindow(answers: Record<string, string>) {
    const page = carrierWindow() as FakeWindow;
    const calls: string[] = [];
    const pageFetch = vi.fn(async (input: string) => {
      calls.push(input);
      const response = new Response(answers[input] ?? 'not found', { status: answers[input] ? 200 : 404 });
      Object.defineProperty(response, 'url', { value: input });
      return response;
    });
    class PageXhr extends EventTarget {
      responseType: XMLHttpRequestResponseType = '';
      responseURL = '';
      response: unknown = null;
      responseText = '';
      private target = '';
      open(_method: string, url: string) {
        this.target = url;
      }
      send() {
        calls.push(this.target);
        this.responseURL = this.target;
        const text = answers[this.target] ?? '';
        this.responseText = this.responseType === '' || this.responseType === 'text' ? text : '';
        this.response = this.responseType === 'json' ? JSON.parse(text) : this.responseType === 'blob' ? new Blob([text]) : text;
        queueMicrotask(() => this.dispatchEvent(new Event('load')));
        return 'sent';
      }
    }
    Object.assign(page, {
      fetch: pageFetch,
      XMLHttpRequest: PageXhr,
      postMessage: (data: unknown) => post(page, data),
    });
    return { page, calls, pageFetch, PageXhr };
  }

  function wire(page: FakeWindow) {
    const received: Array<[unknown, string]> = [];
    const stopPage = listenForPageJson({ win: page, urls: TELCEL_MX_JSON, onAnswer: ({ body, url }) => received.push([JSON.parse(body), url]), clock: () => 0 });
    wrapPageRequests(page, (url) => isPageJsonUrl(TELCEL_MX_JSON, url));
    return { received, stopPage };
  }

  it('returns the page’s own promise and Response, body unread, and passes on a copy of an allow-listed body', async () => {
    const { page, pageFetch } = pageWindow({ [USAGE_URL]: '{"data":{"consumos":[]}}' });
    const { received } = wire(page);
    const promise = page.fetch(USAGE_URL);
    const original = pageFetch.mock.results[0]!.value as Promise<Response>;
    expect(promise).toBe(original);
    const response = await promise;
    expect(await response.json()).toEqual({ data: { consumos: [] } });
    await vi.waitFor(() => expect(received).toEqual([[{ data: { consumos: [] } }, USAGE_URL]]));
  });

  it('passes on nothing from other URLs, and starts no request of its own', async () => {
    const { page, calls } = pageWindow({ [`${ORIGIN}/mitelcel/perfil`]: '{"name":"x"}' });
    const { received } = wire(page);
    await (await page.fetch(`${ORIGIN}/mitelcel/perfil`)).text();
    await new Promise((r) => setTimeout(r, 10));
    expect(received).toEqual([]);
    expect(calls).toEqual([`${ORIGIN}/mitelcel/perfil`]);
  });

  it('leaves a failing request failing, as the page would see it without us', async () => {
    const page = carrierWindow() as FakeWindow;
    const failure = new TypeError('Failed to fetch');
    Object.assign(page, { fetch: () => Promise.reject(failure), postMessage: () => {} });
    wrapPageRequests(page, () => true);
    await expect(page.fetch(USAGE_URL)).rejects.toBe(failure);
  });

  it('reads XMLHttpRequest answers as text or JSON, never a blob, and lets the page’s own handlers run', async () => {
    const { page } = pageWindow({ [USAGE_URL]: '{"data":{"consumos":[1]}}' });
    const { received } = wire(page);
    const seen: string[] = [];
    for (const type of ['', 'json', 'blob'] as const) {
      const xhr = new page.XMLHttpRequest();
      xhr.responseType = type;
      xhr.addEventListener('load', () => seen.push(type || 'text'));
      xhr.open('GET', USAGE_URL);
      expect(xhr.send()).toBe('sent');
    }
    await vi.waitFor(() => expect(seen).toEqual(['text', 'json', 'blob']));
    expect(received).toEqual([
      [{ data: { consumos: [1] } }, USAGE_URL],
      [{ data: { consumos: [1] } }, USAGE_URL],
    ]);
  });

  it('passes on no body over the size cap', async () => {
    const big = JSON.stringify({ data: { consumos: [], pad: 'x'.repeat(PAGE_JSON_MAX_CHARS) } });
    const { page } = pageWindow({ [USAGE_URL]: big });
    const { received } = wire(page);
    await (await page.fetch(USAGE_URL)).text();
    await new Promise((r) => setTimeout(r, 10));
    expect(received).toEqual([]);
  });
});
