/**
 * A whole parse for block pages (Orange ES/FR, Telcel, Movistar MX) on top of readBlocks: dates,
 * plan names and the reason when nothing was read.
 */
import { parseDate, parseRelative } from '../extract/dates';
import type { PageText } from '../extract/text';
import { zonedParts, zonedTime } from '../time/calendar';
import type { CarrierContext, PageReading, ParseContext, ParseResult } from '../vocabulary/reading';
import { readBlocks, type BlockRules } from './blocks';
import { looksLoggedOut } from './logged-out';
import { withPeriodEndKind } from './period-kind';

/** Why nothing was read: a sign-in page, a page without usage wording, or a layout we no longer know. */
export function whyNoBlocks(page: PageText, usageWords: RegExp): ParseResult & { ok: false } {
  if (looksLoggedOut(page)) return { ok: false, reason: 'logged-out', detail: 'sign-in page' };
  return usageWords.test(page.text)
    ? { ok: false, reason: 'layout-changed', detail: 'labels without figures' }
    : { ok: false, reason: 'not-usage-page', detail: 'no usage block' };
}

/**
 * The page's "updated" time from the phrase `re` finds: relative ("hace 5 minutos", "il y a 2 h")
 * or a date with an optional time ("20/11/2026 a las 09:30", "le 20/11 à 9h30").
 */
export function findUpdatedAt(text: string, re: RegExp, now: number, timeZone = 'UTC'): number | null {
  const phrase = re.exec(text)?.[0];
  if (!phrase) return null;
  const day = parseDate(phrase, { now, timeZone, direction: 'past' });
  if (day === null) return parseRelative(phrase, { now, timeZone });
  const time = /(?<!\d)(\d{1,2})\s*[:h]\s*(\d{2})(?!\d)/.exec(phrase.slice(phrase.search(/\d/)));
  const { year, month, day: d } = zonedParts(day, timeZone);
  return time && Number(time[1]) < 24 ? zonedTime(year, month, d, Number(time[1]), Number(time[2]), timeZone) : day;
}

/** What an adapter of a block page states besides its BlockRules: the carrier's own phrases. */
export interface BlockPage {
  rules: BlockRules;
  /** Wording of a usage page, to tell a changed layout from a page without usage. */
  usageWords: RegExp;
  /** When the cycle ends or the allowance expires, from a block's or its line's text. */
  periodEnd(text: string, context: ParseContext): number | null;
  /** The "updated" phrase, read by findUpdatedAt. */
  updated: RegExp;
  planName(context: string): string | null;
  /** The page may state one cut-off date for all its lines, outside every line's blocks. */
  pagePeriodEnd?: boolean;
}

/**
 * A whole parse for a block page (Orange ES/FR, Telcel, Movistar MX): one reading per block, its
 * dates from the block, then from the text around it that still belongs to its line only.
 */
export function readBlockPage(text: PageText, page: BlockPage, context: CarrierContext): ParseResult {
  const blocks = readBlocks(text, page.rules, context);
  if (blocks.length === 0) return whyNoBlocks(text, page.usageWords);
  const { now, timeZone } = context;
  const readings = blocks.map(
    (block): PageReading => withPeriodEndKind({
      lineDigits: block.lineDigits,
      planName: page.planName(block.context),
      bucket: block.bucket,
      ...block.figures,
      periodEnd:
        page.periodEnd(block.text, context) ??
        page.periodEnd(block.context, context) ??
        (page.pagePeriodEnd ? page.periodEnd(text.text, context) : null),
      pageSaysUpdatedAt: findUpdatedAt(block.text, page.updated, now, timeZone) ?? findUpdatedAt(block.context, page.updated, now, timeZone),
    }, `${block.text}\n${block.context}`),
  );
  return { ok: true, readings };
}
