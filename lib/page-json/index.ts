import cmhk from './cmhk';
import entelCl from './entel-cl';
import orangeFr from './orange-fr';
import telcelMx from './telcel-mx';
import type { PageJsonAdapter } from './types';

/**
 * Every carrier's reader of its portal's own JSON answers, by carrier id. Imported by the
 * background only (lib/background/handle-content-message.ts): the content scripts pass the raw
 * answers on, so no reader, no merge and no zod weighs on a carrier page (its script is budgeted
 * at 20 KB gzip), and the hostile page JSON is parsed and validated where zod already lives.
 */
export const PAGE_JSON_ADAPTERS: Readonly<Record<string, PageJsonAdapter>> = {
  [telcelMx.carrierId]: telcelMx,
  [entelCl.carrierId]: entelCl,
  [cmhk.carrierId]: cmhk,
  [orangeFr.carrierId]: orangeFr,
};

/** The reader of this carrier's JSON, if it has one (own keys only: the id comes from a message). */
export function pageJsonAdapterOf(carrierId: string): PageJsonAdapter | undefined {
  return Object.prototype.hasOwnProperty.call(PAGE_JSON_ADAPTERS, carrierId) ? PAGE_JSON_ADAPTERS[carrierId] : undefined;
}
