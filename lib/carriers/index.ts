import { CARRIER_CATALOG } from './catalog';
import { matchesAny } from './match-pattern';
import type { CarrierAdapter } from './types';
// One import per adapter file (npm run new-carrier adds it); the order is the catalog's, below.
import claroCl from './claro-cl';
import cmhk from './cmhk';
import entelCl from './entel-cl';
import movistarCl from './movistar-cl';
import movistarEs from './movistar-es';
import movistarMx from './movistar-mx';
import orangeEs from './orange-es';
import orangeFr from './orange-fr';
import telcelMx from './telcel-mx';

const ADAPTERS: readonly CarrierAdapter[] = [claroCl, cmhk, entelCl, movistarCl, movistarEs, movistarMx, orangeEs, orangeFr, telcelMx];

/**
 * Every carrier adapter, in the catalog's order (= match priority), built from the catalog so the
 * order is stated once. Adding a carrier: `npm run new-carrier <id>` writes the catalog entry, the
 * adapter file, its import above, the content-script entry, fixture skeletons and a PERMISSIONS.md
 * line; the registry tests fail if one is missing. Only the content scripts and the background
 * import this; the popup uses the catalog alone.
 */
export const CARRIERS: readonly CarrierAdapter[] = CARRIER_CATALOG.map((info) => {
  const adapter = ADAPTERS.find((a) => a.id === info.id);
  if (!adapter) throw new Error(`carrier ${info.id} is in the catalog but has no adapter`);
  return adapter;
});

export function adapterForUrl(url: string | URL): CarrierAdapter | undefined {
  return CARRIERS.find((adapter) => matchesAny(adapter.matches, url));
}

export { CARRIER_MATCHES, carrierLabel } from './lookup';
