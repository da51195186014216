/**
 * A whole parse for block pages (Orange ES/FR, Telcel, Movistar MX) on top of readBlocks: dates,
 * plan names and the reason when nothing was read.
 */
import type { PageText } from '../extract/text';
import type { CarrierContext, PageReading, ParseContext, ParseResult } from '../vocabulary/reading';
import { readBlocks, type BlockRules } from './blocks';
import { looksSignedOut, WORDING_ANYWHERE } from './logged-out';
import { withPeriodEndKind } from './period-kind';
import { phraseTime } from './phrase-dates';

/** Why nothing was read: a sign-in page, a page without usage wording, or a layout we no longer know. */
export function whyNoBlocks(page: PageText, usageWords: RegExp): ParseResult & { ok: false } {
  if (looksSignedOut(page, WORDING_ANYWHERE)) return { ok: false, reason: 'logged-out', detail: 'sign-in page' };
  return usageWords.test(page.text)
    ? { ok: false, reason: 'layout-changed', detail: 'labels without figures' }
    : { ok: false, reason: 'not-usage-page', detail: 'no usage block' };
}

/** What an adapter of a block page states besides its BlockRules: the carrier's own phrases. */
export interface BlockPage {
  rules: BlockRules;
  /** Wording of a usage page, to tell a changed layout from a page without usage. */
  usageWords: RegExp;
  /** When the cycle ends or the allowance expires, from a block's or its line's text. */
  periodEnd(text: string, context: ParseContext): number | null;
  /** The "updated" phrase, read by phraseTime (lib/reader/phrase-dates.ts). */
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
      pageSaysUpdatedAt: phraseTime(block.text, page.updated, context) ?? phraseTime(block.context, page.updated, context),
    }, `${block.text}\n${block.context}`),
  );
  return { ok: true, readings };
}
