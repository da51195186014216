import { labelLine } from '../extract/phrases';
import { findDate } from '../extract/dates';
import { addMonths, zonedParts, zonedTime } from '../time/calendar';
import type { BlockRules } from '../reader/blocks';
import { readBlockPage, type BlockPage } from '../reader/block-page';
import { ORANGE_FR } from './catalog';
import { defineCarrier } from './types';
import { type Bucket, type ParseContext } from '../vocabulary/reading';

/**
 * Orange France and Sosh (Orange's online brand, same back end): the "Espace client" usage view
 * (evidence: strong for the data, weak for the page wording; see shared/CARRIERS.md). The view is
 * filled from a JSON call whose `families[]` (`internetMobile`, `appels`, `horsForfait`) render as
 * separate blocks under the equipment name "Mobile 06 xx xx xx xx"; per block the cap ("sur 100 Go"),
 * the REMAINING amount ("12,34 Go restants", or "Illimité") and maybe "Go consommés". Decimal
 * comma, o-units (Go/Mo/Ko), space-grouped thousands. Periods reset on the same day each month.
 * The on-screen phrases are weakly attested, so blocks are found from family ids, titles and the
 * amounts themselves, and the figures are read by the shared grammar (lib/reader/figures).
 */
const RULES: BlockRules = {
  labels: labelLine([
    'internet(?: mobile)?(?: (?:en|depuis l[\'’]?)\\s*[^\\n]{1,30})?',
    'donn[ée]es(?: mobiles)?',
    'data',
    'consommation(?: (?:internet|data|de donn[ée]es))?',
    'suivi conso(?:mmation)?',
    '(?:go|mo|ko) consomm[ée]e?s',
    'consomm[ée]e?s?',
    'il vous reste',
    'restante?s?',
    '(?:bonus|go offerts?|pass|recharge|cr[ée]dit internet)[^\\n]{0,30}',
    '(?:europe|dom|zone \\d|monde|roaming)[^\\n]{0,30}',
    '(?:enveloppe )?partag[ée]e?[^\\n]{0,20}',
  ]),
  boundaries:
    /^(?:appels(?:\s+(?:et|\/)\s+sms)?(?:\s+\S+)?|sms(?:\s*(?:\/|et)\s*mms)?|mms|hors\s+forfait|communications[^\n]{0,20}|factures?[^\n]{0,20}|cr[ée]dit(?:\s+de\s+communication)?)\s*:?$/i,
  bucketOf,
  requireLabel: {
    used: /(?:consomm[ée]e?s?|consommation|utilis[ée]e?s?)(?![\p{L}])/iu,
    left: /(?:restante?s?|reste|disponibles?)(?![\p{L}])/iu,
  },
  blocks: (page) => page.select('[id^="internetMobile" i], [data-family="internetMobile" i], [data-family-code="internetMobile" i], [data-code="internetMobile" i]'),
};
const USAGE_WORDS = /consomm[ée]e?s?\b|restante?s?\b|il\s+vous\s+reste|suivi\s+conso|renouvellement\s+le/i;
const PERIOD_END =
  /(?:renouvel\w*|r[ée]initialis\w*|remise\s+à\s+z[ée]ro|prochaine\s+facture|fin\s+de\s+(?:p[ée]riode|forfait)|jusqu['’]au)\s+(?:le\s+)?[^\n]{0,20}|dans\s+\d+\s+jours?/i;
// pageInfo.reinitDate: the LAST reset; the next one is a month later.
const LAST_RESET = /(?:depuis\s+le|du|r[ée]initialis[ée]e?\s+le|renouvel[ée]e?\s+le)\s+(\d{1,2}(?:\/\d{1,2}(?:\/\d{2,4})?|\s*(?:er)?\s+\p{L}+\.?))/iu;
const UPDATED = /(?:mis(?:e|es)?\s+à\s+jour|actualis[ée]e?s?|derni[èe]re\s+mise\s+à\s+jour)[^\n]{0,40}/i;
// The offer name often shares a line with the number ("Mobile 06 … 78 - Forfait Let's go 20 Go").
const PLAN = /(?:^|\s)((?:forfait|offre|s[ée]rie\s+sp[ée]ciale|sosh|let['’]s\s+go|mobicarte|open)\b[^\n€]{2,60})$/i;

const PAGE: BlockPage = { rules: RULES, usageWords: USAGE_WORDS, periodEnd: periodEnd, updated: UPDATED, planName };

export default defineCarrier(ORANGE_FR, { read: (page, _url, context) => readBlockPage(page, PAGE, context) });

function bucketOf(text: string): Bucket | null {
  if (/europe|\bdom\b|[ée]tranger|roaming|international|monde|zone\s+\d/i.test(text)) return 'roaming';
  if (/partag/i.test(text)) return 'shared';
  if (/bonus|offert|cadeau|\bpass\b|recharge/i.test(text)) return 'bonus';
  return null;
}

function periodEnd(text: string, { now, timeZone }: ParseContext): number | null {
  const range = /p[ée]riode\s+du\s+[^\n]{1,20}?\s+au\s+([^\n]{1,20})/i.exec(text);
  if (range) return findDate(range[1]!, { now, timeZone, direction: 'future' });
  const end = PERIOD_END.exec(text.replace(LAST_RESET, ' '));
  const next = end ? findDate(end[0], { now, timeZone, direction: 'future' }) : null;
  if (next !== null) return next;
  const reset = LAST_RESET.exec(text);
  const last = reset ? findDate(reset[1]!, { now, timeZone, direction: 'past' }) : null;
  if (last === null) return null;
  const tz = timeZone ?? 'UTC';
  const { year, month, day } = zonedParts(last, tz);
  const d = addMonths(year, month, day, 1);
  return zonedTime(d.year, d.month, d.day, 0, 0, tz);
}

function planName(context: string): string | null {
  for (const line of context.split('\n')) {
    const m = PLAN.exec(line.trim());
    if (m && /\d\s?(?:Go|Mo)\b|illimit|\d+\s?h\b/i.test(m[1]!)) return m[1]!.trim();
  }
  return null;
}

// Portal URLs: https://espace-client.orange.fr/ (contract selection, "Ma conso" / suivi conso of a
// mobile contract), https://espace-client.sosh.fr/ (Sosh customer area). Only those hosts: the
// rest of sosh.fr is the shop, the help centre and the community forum.
