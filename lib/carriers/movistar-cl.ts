import { phraseDates, readCardPage, strictCardFigures } from '../reader/card-page';
import { MOVISTAR_CL } from './catalog';
import { defineCarrier } from './types';

/**
 * Movistar Chile: "Mi Movistar" at mi.movistar.cl, an app with hash routes (/svr/#/…) whose
 * sections load late into a container. Evidence: weak (shared/CARRIERS.md): a usage card with the
 * id `card-revisa-consumo`; prepaid shows a money balance ("saldo", `saldoRecarga`) and a validity
 * date ("vigencia", `fechaVigencia`). Nothing public about the wording inside the card, so the
 * figures lean entirely on the shared grammar (Spanish "Has usado X de Y", "Te quedan", "usados",
 * "disponibles"). Chilean numbers: decimal comma, dot for thousands; "$2.500" is money, never
 * data. 1 GB = 1024 MB, as in the rest of the Movistar (Telefónica) group.
 */
const ANCHORS =
  /^(?:revisa (?:tu )?consumo|consumo(?: de datos| de internet)?|mis consumos|datos(?: m[óo]viles| disponibles| del plan| de tu plan| roaming)?|internet(?: m[óo]vil)?|navegaci[óo]n|bolsas?(?: de datos| de gigas| adicional(?:es)?)?|saldo de datos|gigas|roaming)(?![\p{L}])/iu;
const USAGE_CARD = '#card-revisa-consumo, [id*="revisa-consumo"]';
const ROAMING = /^(?:datos roaming|roaming)/i;
const BONUS = /^bolsa/i;
const PERIOD_END =
  /(?:vigencia|v[áa]lid[oa]s? hasta(?: el)?|vigentes? hasta(?: el)?|vence(?:n)?(?: el)?|fecha de vencimiento|se renueva(?:n)? el|renueva el|fin de(?:l)? (?:ciclo|per[íi]odo)|hasta el|pr[óo]xima facturaci[óo]n|fecha de facturaci[óo]n)\s*:?\s*([^\n]{1,30})/i;
const UPDATED = /(?:actualizad[oa]s?(?: el| al| a las)?|[úu]ltima actualizaci[óo]n|datos al|consumo al)\s*:?\s*([^\n]{1,30})/i;
const UNLIMITED = /(?:gigas?|datos|navegaci[óo]n|internet)\s+libres?(?![\p{L}])/iu;
const USAGE_PAGE = /revisa (?:tu )?consumo|has usado|has consumido|te quedan|llevas|[KMG]B\s+(?:usad|consumid|disponible)/i;

export default defineCarrier(MOVISTAR_CL, {
  read: (page, url, context) =>
    readCardPage(page, url, {
      anchors: ANCHORS,
      cardSelector: USAGE_CARD,
      figures: (text, { locale, base }) => strictCardFigures(text, locale, base, UNLIMITED),
      bucketOf: (label) => (ROAMING.test(label) ? 'roaming' : BONUS.test(label) ? 'bonus' : 'data'),
      usagePage: (text, url, page) => page.select(USAGE_CARD).length > 0 || /consumo/i.test(url.hash) || USAGE_PAGE.test(text),
      layoutDetail: 'usage card found but no figures in it',
      dates: phraseDates(PERIOD_END, UPDATED),
    }, context),
});

// Portal URLs: https://mi.movistar.cl/svr/#/ (home with #card-revisa-consumo), hash routes under
// https://mi.movistar.cl/svr/#/…
