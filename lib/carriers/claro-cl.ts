import { phraseDates, readCardPage, strictCardFigures } from '../reader/card-page';
import { CLARO_CL } from './catalog';
import { defineCarrier } from './types';

/**
 * Claro Chile: "Sucursal Virtual Mi Claro" on sucursalvirtual.clarochile.cl, login by RUT. Evidence: NONE: there
 * is nothing public about the usage screen (shared/CARRIERS.md). This adapter therefore leans
 * entirely on the shared grammar (lib/extract, lib/reader/figures.ts): it anchors on the generic
 * Spanish labels ("Consumo", "Datos", "Internet", "Roaming", "Bolsa") and reads "X usados de Y",
 * "X disponibles de Y", "Te quedan X de Y", "Renueva el dd/mm". Every label, the bucket words and
 * the 1 GB = 1024 MB base (América Móvil's usual convention) are assumptions to check against the
 * first real page. Chilean numbers: decimal comma, dot for thousands; "$4.990" is money.
 */
const ANCHORS =
  /^(?:consumos?(?: de datos| de internet| nacional(?:es)?)?|mis consumos|datos(?: m[óo]viles| nacionales| internacionales| roaming| del plan| de tu plan)?|internet(?: m[óo]vil)?|navegaci[óo]n|roaming(?: de datos)?|bolsas?(?: de datos| de gigas| adicional(?:es)?)?|gigas)(?![\p{L}])/iu;
const ROAMING = /roaming|internacional/i;
const BONUS = /^bolsa/i;
const PERIOD_END =
  /(?:se renueva(?:n)? el|renueva(?:n)? el|renovaci[óo]n|vence(?:n)?(?: el)?|vigencia(?: hasta)?|v[áa]lid[oa]s? hasta(?: el)?|hasta el|fin de(?:l)? (?:ciclo|per[íi]odo)|fecha de (?:corte|facturaci[óo]n))\s*:?\s*([^\n]{1,30})/i;
const UPDATED = /(?:actualizad[oa]s?(?: el| al| a las)?|[úu]ltima actualizaci[óo]n|consumo al|datos al)\s*:?\s*([^\n]{1,30})/i;
const UNLIMITED = /(?:gigas?|datos|navegaci[óo]n|internet)\s+libres?(?![\p{L}])/iu;
const USAGE_PAGE = /te quedan|has usado|has consumido|llevas|[KMG]B\s+(?:usad|consumid|disponible)/i;

export default defineCarrier(CLARO_CL, {
  read: (page, url, context) =>
    readCardPage(page, url, {
      anchors: ANCHORS,
      figures: (text, { locale, base }) => strictCardFigures(text, locale, base, UNLIMITED),
      bucketOf: (label) => (ROAMING.test(label) ? 'roaming' : BONUS.test(label) ? 'bonus' : 'data'),
      usagePage: (text, url) => USAGE_PAGE.test(text) || /consumo/i.test(url.pathname + url.hash),
      dates: phraseDates(PERIOD_END, UPDATED),
    }, context),
});

// Portal URLs (assumed, nothing public): https://sucursalvirtual.clarochile.cl/ (Sucursal Virtual
// Mi Claro: /consumos, /inicio). Only that host: www.clarochile.cl is the shop, its help centre and
// community, where a quoted "Te quedan 2 GB de 10 GB" is never the user's line.
