import type { NumberLocale } from '../extract/numbers';
import type { Country } from '../extract/line-number';
import type { PageLanguage } from '../extract/page-languages';

/**
 * What the UI needs to know about each carrier, without any parsing code: the popup imports this,
 * not the adapters, so it stays small. Each adapter file takes its entry from here.
 */
export interface CarrierInfo {
  /** Stable id, equal to the adapter's file name (`movistar-es`). Stored with every line. */
  id: string;
  /** Brand name shown to the user. */
  label: string;
  country: Country;
  locale: NumberLocale;
  /** How many bytes this carrier means by 1 KB (1024 unless the carrier is known to use 1000). */
  unitBase: 1000 | 1024;
  /** WebExtension match patterns of the carrier's self-service pages (its only host access). */
  matches: string[];
  /** Where a user goes to see usage: linked from the popup. */
  usageUrl: string;
  /**
   * The languages the portal's pages are written in: the carrier's script carries only these
   * languages' words (lib/extract/page-languages.ts). Absent: every language.
   */
  languages?: readonly PageLanguage[];
}

// One constant per carrier, so each content script bundles only its own carrier's entry.
export const MOVISTAR_ES: CarrierInfo = {
  id: 'movistar-es',
  label: 'Movistar',
  country: 'ES',
  locale: 'es-ES',
  unitBase: 1024,
  matches: ['https://appweb.movistar.es/*', 'https://www.movistar.es/mimovistar-cliente/*', 'https://mi.movistar.es/*'],
  usageUrl: 'https://appweb.movistar.es/',
  languages: ['es', 'ca', 'en'],
};

export const CMHK: CarrierInfo = {
  id: 'cmhk',
  label: 'China Mobile Hong Kong',
  country: 'HK',
  locale: 'zh-HK',
  unitBase: 1024,
  matches: ['https://www.hk.chinamobile.com/*'],
  usageUrl: 'https://www.hk.chinamobile.com/tc/home/my-zone/menu/usage-query',
  languages: ['zh', 'en'],
};

export const ORANGE_ES: CarrierInfo = {
  id: 'orange-es',
  label: 'Orange',
  country: 'ES',
  locale: 'es-ES',
  unitBase: 1024,
  matches: ['https://areaprivada.orange.es/*'],
  usageUrl: 'https://areaprivada.orange.es/soycliente/mis-consumos/detalle-consumo-movil',
  languages: ['es', 'ca', 'en'],
};

export const ENTEL_CL: CarrierInfo = {
  id: 'entel-cl',
  label: 'Entel',
  country: 'CL',
  locale: 'es-CL',
  unitBase: 1000,
  matches: ['https://miportal.entel.cl/*', 'https://www.entel.cl/*'],
  usageUrl: 'https://miportal.entel.cl/miEntel/mi-cuenta',
  languages: ['es', 'en'],
};

export const ORANGE_FR: CarrierInfo = {
  id: 'orange-fr',
  label: 'Orange / Sosh',
  country: 'FR',
  locale: 'fr-FR',
  unitBase: 1024,
  matches: ['https://espace-client.orange.fr/*', 'https://espace-client.sosh.fr/*'],
  usageUrl: 'https://espace-client.orange.fr/selectionner-un-contrat',
  languages: ['fr', 'en'],
};

export const MOVISTAR_CL: CarrierInfo = {
  id: 'movistar-cl',
  label: 'Movistar',
  country: 'CL',
  locale: 'es-CL',
  unitBase: 1024,
  matches: ['https://mi.movistar.cl/*'],
  usageUrl: 'https://mi.movistar.cl/svr/#/',
  languages: ['es', 'en'],
};

export const TELCEL_MX: CarrierInfo = {
  id: 'telcel-mx',
  label: 'Telcel',
  country: 'MX',
  locale: 'es-MX',
  unitBase: 1024,
  matches: ['https://www.mitelcel.com/*'],
  usageUrl: 'https://www.mitelcel.com/mitelcel/',
  languages: ['es', 'en'],
};

export const MOVISTAR_MX: CarrierInfo = {
  id: 'movistar-mx',
  label: 'Movistar',
  country: 'MX',
  locale: 'es-MX',
  unitBase: 1024,
  matches: ['https://mi.movistar.com.mx/*'],
  usageUrl: 'https://mi.movistar.com.mx/extranet',
  languages: ['es', 'en'],
};

export const CLARO_CL: CarrierInfo = {
  id: 'claro-cl',
  label: 'Claro',
  country: 'CL',
  locale: 'es-CL',
  unitBase: 1024,
  matches: ['https://sucursalvirtual.clarochile.cl/*'],
  usageUrl: 'https://sucursalvirtual.clarochile.cl/consumos',
  languages: ['es', 'en'],
};

/** In match priority order: the first entry whose patterns match a URL reads that page. */
export const CARRIER_CATALOG: readonly CarrierInfo[] = [MOVISTAR_ES, CMHK, ORANGE_ES, ENTEL_CL, ORANGE_FR, MOVISTAR_CL, TELCEL_MX, MOVISTAR_MX, CLARO_CL];
