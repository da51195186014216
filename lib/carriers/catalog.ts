import type { NumberLocale } from '../extract/numbers';

/**
 * What the UI needs to know about each carrier, without any parsing code: the popup imports this,
 * not the adapters, so it stays small. Each adapter file takes its entry from here.
 */
export interface CarrierInfo {
  /** Stable id, equal to the adapter's file name (`movistar-es`). Stored with every line. */
  id: string;
  /** Brand name shown to the user. */
  label: string;
  country: 'ES' | 'FR' | 'HK' | 'CL' | 'MX';
  locale: NumberLocale;
  /** How many bytes this carrier means by 1 KB (1024 unless the carrier is known to use 1000). */
  unitBase: 1000 | 1024;
  /** WebExtension match patterns of the carrier's self-service pages (its only host access). */
  matches: string[];
  /** Where a user goes to see usage: linked from the popup. */
  usageUrl: string;
}

/** In match priority order: the first entry whose patterns match a URL reads that page. */
export const CARRIER_CATALOG = [
  {
    id: 'movistar-es',
    label: 'Movistar',
    country: 'ES',
    locale: 'es-ES',
    unitBase: 1024,
    matches: ['https://appweb.movistar.es/*', 'https://www.movistar.es/mimovistar-cliente/*', 'https://mi.movistar.es/*'],
    usageUrl: 'https://appweb.movistar.es/',
  },
  {
    id: 'cmhk',
    label: 'China Mobile Hong Kong',
    country: 'HK',
    locale: 'zh-HK',
    unitBase: 1024,
    matches: ['https://www.hk.chinamobile.com/*'],
    usageUrl: 'https://www.hk.chinamobile.com/tc/home/my-zone/menu/usage-query',
  },
  {
    id: 'orange-es',
    label: 'Orange',
    country: 'ES',
    locale: 'es-ES',
    unitBase: 1024,
    matches: ['https://areaprivada.orange.es/*'],
    usageUrl: 'https://areaprivada.orange.es/soycliente/mis-consumos/detalle-consumo-movil',
  },
  {
    id: 'entel-cl',
    label: 'Entel',
    country: 'CL',
    locale: 'es-CL',
    unitBase: 1000,
    matches: ['https://miportal.entel.cl/*', 'https://www.entel.cl/*'],
    usageUrl: 'https://miportal.entel.cl/miEntel/mi-cuenta',
  },
  {
    id: 'orange-fr',
    label: 'Orange / Sosh',
    country: 'FR',
    locale: 'fr-FR',
    unitBase: 1024,
    matches: ['https://espace-client.orange.fr/*', 'https://*.sosh.fr/*'],
    usageUrl: 'https://espace-client.orange.fr/selectionner-un-contrat',
  },
  {
    id: 'telcel-mx',
    label: 'Telcel',
    country: 'MX',
    locale: 'es-MX',
    unitBase: 1024,
    matches: ['https://www.mitelcel.com/*'],
    usageUrl: 'https://www.mitelcel.com/mitelcel/',
  },
  {
    id: 'movistar-cl',
    label: 'Movistar',
    country: 'CL',
    locale: 'es-CL',
    unitBase: 1024,
    matches: ['https://mi.movistar.cl/*'],
    usageUrl: 'https://mi.movistar.cl/svr/#/',
  },
  {
    id: 'claro-cl',
    label: 'Claro',
    country: 'CL',
    locale: 'es-CL',
    unitBase: 1024,
    matches: ['https://*.clarochile.cl/*'],
    usageUrl: 'https://www.clarochile.cl/',
  },
  {
    id: 'movistar-mx',
    label: 'Movistar',
    country: 'MX',
    locale: 'es-MX',
    unitBase: 1024,
    matches: ['https://mi.movistar.com.mx/*'],
    usageUrl: 'https://mi.movistar.com.mx/extranet',
  },
] as const satisfies readonly CarrierInfo[];

export type CarrierId = (typeof CARRIER_CATALOG)[number]['id'];

export function carrierInfo(id: CarrierId): CarrierInfo {
  return CARRIER_CATALOG.find((c) => c.id === id) as CarrierInfo;
}
