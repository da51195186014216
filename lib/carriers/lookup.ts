import { CARRIER_CATALOG, type CarrierInfo } from './catalog';
import { matchesAny } from './match-pattern';

const catalog: readonly CarrierInfo[] = CARRIER_CATALOG;

/** Union of all carriers' pages: the content script's matches and the extension's only host access. */
export const CARRIER_MATCHES: string[] = [...new Set(catalog.flatMap((c) => c.matches))];

export function carrierForUrl(url: string | URL): CarrierInfo | undefined {
  return catalog.find((carrier) => matchesAny(carrier.matches, url));
}

export function carrierLabel(id: string): string {
  return catalog.find((carrier) => carrier.id === id)?.label ?? id;
}

export { catalog as CARRIER_INFOS };
