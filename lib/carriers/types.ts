import type { PageText } from '../extract/text';
import { pageText } from '../extract/text';
import { pageKind } from '../reader/page-kind';
import type { CarrierContext, ParseContext, ParseResult } from '../vocabulary/reading';
import type { CarrierInfo } from './catalog';

export type { CarrierContext } from '../vocabulary/reading';

export interface CarrierAdapter extends CarrierInfo {
  parse(doc: Document, url: URL, context: ParseContext): ParseResult;
}

export type CarrierParser =
  | {
      /** Pure: reads the page's text model (never the DOM its own way), no browser APIs, no timers. */
      read(page: PageText, url: URL, context: CarrierContext): ParseResult;
    }
  | {
      /** A stand-in that reads the document itself (tests' fake carriers); adapters use `read`. */
      parse(doc: Document, url: URL, context: CarrierContext): ParseResult;
    };

/**
 * Joins a carrier's catalog entry (lib/carriers/catalog.ts) with its parser, so every adapter file
 * is typed the same way, receives its locale, unit base and country from the catalog instead of
 * restating them, and reads the page through the one text model (lib/extract/text.ts). What every
 * carrier page shares is decided here, before the adapter: a forum, help or article page is not a
 * usage page even on a carrier host, and a blocking "session expired" sign-in over a stale
 * dashboard means signed out, never a reading.
 */
export function defineCarrier(info: CarrierInfo, parser: CarrierParser): CarrierAdapter {
  return {
    ...info,
    parse(doc, url, context) {
      if (!doc.body) return { ok: false, reason: 'not-usage-page', detail: 'empty document' };
      const page = pageText(doc);
      const refused = pageKind(url, page);
      if (refused) return refused;
      const full: CarrierContext = { ...context, locale: info.locale, base: info.unitBase, country: info.country };
      return 'read' in parser ? parser.read(page, url, full) : parser.parse(doc, url, full);
    },
  };
}
