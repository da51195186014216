import type { LineAnalysis } from '../analysis/types';
import type { LineRow, ReadingRow } from '../db/schema';
import { toCardModel } from '../summary/card';
import type { BadgeLine } from './badge';
import { unusualText, type Wording } from './wording';

/** What the alerts decide from, for one line (the background's LineState has this shape). */
export interface AlertSource {
  line: LineRow;
  latest: ReadingRow[];
  analysis: LineAnalysis | null;
}

/**
 * One badge entry per line, from the same card model the popup shows (main bucket, the user's own
 * cap applied, warnings in the cards' 48 h window), so badge and popup never disagree. Lines still
 * waiting for the user to confirm the generic reader's figures do not count. With `wording`, unusual
 * use is told in the UI language; without, in the analysis's English reason.
 */
export function badgeLinesOf(sources: readonly AlertSource[], carrierLabel: (id: string) => string, now: number, wording?: Wording): BadgeLine[] {
  const lines: BadgeLine[] = [];
  for (const source of sources) {
    if (source.line.pendingConfirmation) continue;
    const card = toCardModel(source, carrierLabel(source.line.carrierId), now);
    if (!card) continue;
    const unusual = card.warnings.filter((w) => w.kind !== 'overrun').sort((a, b) => b.end - a.end)[0];
    const overrun = card.warnings.find((w) => w.kind === 'overrun');
    lines.push({
      name: card.name,
      percent: card.percent,
      unlimited: card.unlimited,
      anomaly: unusual ? (wording ? unusualText(unusual, wording) : unusual.reason) : null,
      runsOutAt: overrun?.end ?? null,
    });
  }
  return lines;
}
