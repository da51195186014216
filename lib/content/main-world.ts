import { PAGE_JSON_MAX_CHARS, PAGE_JSON_TAG } from '../page-json/envelope';

/**
 * Runs in the page's own JavaScript world (entrypoints/page-json.content, `world: "MAIN"`), before
 * the page's scripts: wraps `fetch` and `XMLHttpRequest` so that the body of an allow-listed
 * response is posted to our isolated content script. It has no extension APIs and holds nothing
 * worth attacking: it never starts a request, never chooses a URL, reads no request data, and the
 * page gets back exactly what it would have got (the same promise and Response; our copy is
 * `response.clone()`, XHR bodies are only read). Every failure is swallowed: the page must never
 * see our code fail. The page can replace anything here, which buys it nothing it could not do by
 * posting a message itself: the receiver treats both the same.
 */
export function wrapPageRequests(win: Window & typeof globalThis, allowed: (url: string) => boolean): void {
  const post = win.postMessage.bind(win);
  const origin = win.location.origin;
  const pass = (url: string, body: unknown) => {
    if (typeof body === 'string' && body.length <= PAGE_JSON_MAX_CHARS) post({ [PAGE_JSON_TAG]: 1, url, body }, origin);
  };

  const pageFetch = win.fetch;
  if (typeof pageFetch === 'function') {
    win.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const answer = pageFetch.apply(this, args);
      // Our callback is registered before the page gets the promise, so it runs first and the
      // clone is taken while the body is still unread.
      answer.then((response) => {
        try {
          if (allowed(response.url)) response.clone().text().then((body) => pass(response.url, body), ignore);
        } catch {
          // a body already used, a forged Response: nothing to pass on
        }
      }, ignore);
      return answer;
    };
  }

  const XHR = win.XMLHttpRequest;
  const send = XHR?.prototype.send;
  if (typeof send === 'function') {
    XHR.prototype.send = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
      try {
        this.addEventListener('load', () => {
          try {
            if (!allowed(this.responseURL)) return;
            const type = this.responseType;
            pass(this.responseURL, type === '' || type === 'text' ? this.responseText : type === 'json' ? JSON.stringify(this.response) : undefined);
          } catch {
            // an odd response type or a throwing getter: nothing to pass on
          }
        });
      } catch {
        // never let our listener stop the page's request
      }
      return send.apply(this, args);
    };
  }
}

function ignore(): void {}
