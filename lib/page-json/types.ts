import type { ParseContext, ParseResult } from '../vocabulary/reading';

/**
 * A carrier's reader of its portal's own JSON answers: pure, like the DOM adapters, and run by
 * the background (lib/page-json/read-answers.ts), never on the carrier page. `read` gets a parsed
 * body from an allow-listed URL and returns readings, "logged-out", or null when the body says
 * nothing about usage (another call, an error code). It never throws on any JSON value.
 */
export interface PageJsonAdapter {
  carrierId: string;
  /** The responses worth reading; the content script, the message schema and the background check every URL against these. */
  urls: readonly RegExp[];
  read(body: unknown, url: URL, context: ParseContext): ParseResult | null;
}

export function definePageJson(adapter: PageJsonAdapter): PageJsonAdapter {
  return adapter;
}
