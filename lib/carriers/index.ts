import { matchesAny } from './match-pattern';
import movistarEs from './movistar-es';
import cmhk from './cmhk';
import orangeEs from './orange-es';
import entelCl from './entel-cl';
import orangeFr from './orange-fr';
import movistarCl from './movistar-cl';
import telcelMx from './telcel-mx';
import movistarMx from './movistar-mx';
import claroCl from './claro-cl';
import type { CarrierAdapter } from './types';

/**
 * Every carrier adapter, in the catalog's order (= match priority). Adding a carrier = an entry in
 * catalog.ts, one file in this folder, and one line here; the registry tests fail if one is missing.
 * Only the content script and the background import this; the popup uses the catalog alone.
 */
export const CARRIERS: readonly CarrierAdapter[] = [movistarEs, cmhk, orangeEs, entelCl, orangeFr, movistarCl, telcelMx, movistarMx, claroCl];

export function adapterForUrl(url: string | URL): CarrierAdapter | undefined {
  return CARRIERS.find((adapter) => matchesAny(adapter.matches, url));
}

export { CARRIER_MATCHES, carrierLabel } from './lookup';
