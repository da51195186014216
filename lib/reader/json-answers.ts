import { PAGE_JSON_MAX_ANSWERS, PAGE_JSON_MAX_CHARS, type PageJsonAnswer } from '../page-json/envelope';

/**
 * The page's latest own JSON answers, as the watcher keeps them to send with each read: raw text
 * (the background parses and reads them), at most a few (a portal makes a few different calls;
 * an answer of the same call, whatever its query string, replaces the earlier one: Telcel adds a
 * cache-busting `?_=<time>`), each under the size cap, and each only for `freshMs`: past that, the
 * figures come from the rendered page alone. Arrival order is kept: the background lets the
 * latest answer that says something win.
 */
export interface JsonAnswers {
  /** Keeps an answer; false when it is not worth a read (over the cap). */
  offer(answer: PageJsonAnswer): boolean;
  /** The answers still fresh, oldest first. */
  fresh(): PageJsonAnswer[];
}

export function createJsonAnswers(clock: () => number, freshMs: number): JsonAnswers {
  let kept: Array<PageJsonAnswer & { at: number }> = [];
  return {
    offer({ url, body }) {
      if (body.length > PAGE_JSON_MAX_CHARS) return false;
      const call = callOf(url);
      kept = [...kept.filter((a) => callOf(a.url) !== call), { url, body, at: clock() }].slice(-PAGE_JSON_MAX_ANSWERS);
      return true;
    },
    fresh() {
      const now = clock();
      kept = kept.filter((a) => now - a.at <= freshMs);
      return kept.map(({ url, body }) => ({ url, body }));
    },
  };
}

/** The call an answer belongs to: its URL without query or fragment. */
function callOf(url: string): string {
  return url.split(/[?#]/, 1)[0]!;
}

/** What makes two sets of answers "the same" for the watcher: the calls and their bodies. */
export function answersSignature(answers: readonly PageJsonAnswer[]): string[] {
  return answers.map((a) => `${callOf(a.url)}\n${a.body}`);
}
