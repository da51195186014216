import type { CarrierInfo } from './catalog';
import type { ParseContext, ParseResult } from '../vocabulary/reading';

export interface CarrierAdapter extends CarrierInfo {
  parse(doc: Document, url: URL, context: ParseContext): ParseResult;
}

/**
 * Joins a carrier's catalog entry (lib/carriers/catalog.ts) with its parser, so every adapter file
 * is typed the same way and the popup can import the catalog without any parsing code.
 */
export function defineCarrier(info: CarrierInfo, parser: Pick<CarrierAdapter, 'parse'>): CarrierAdapter {
  return { ...info, parse: parser.parse };
}
