import { toCardModel, type LineCardModel, type StatusOptions, type StatusSource } from './card';
import { compareUrgency } from './order';

/** A line's status with what it was decided from (the alerts need the analysis and readings too). */
export interface LineStatus extends StatusSource {
  card: LineCardModel;
}

/**
 * Every line's status, decided once per refresh and ordered by urgency: the overview shows the
 * cards in this order, the badge follows the first line it counts, the notifications and compare
 * read the same cards. Lines without any reading have no status.
 */
export function lineStatuses(sources: readonly StatusSource[], options: StatusOptions): LineStatus[] {
  const statuses: LineStatus[] = [];
  for (const source of sources) {
    const card = toCardModel(source, options);
    if (card) statuses.push({ ...source, card });
  }
  return statuses.sort((a, b) => compareUrgency(a.card, b.card));
}
