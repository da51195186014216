import { LEVEL_RANK } from './level';
import type { LineCardModel } from './card';
import { isUnusual } from './warnings';

/**
 * The order of urgency, shared by the overview's cards and the badge (which follows the first
 * line): the higher level first, then a line with unusual use now, then the fuller one; unlimited
 * and unknown lines last; ties by name. Negative when `a` is more urgent.
 */
export function compareUrgency(a: LineCardModel, b: LineCardModel): number {
  return (
    LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
    Number(b.warnings.some(isUnusual)) - Number(a.warnings.some(isUnusual)) ||
    (b.percent ?? -1) - (a.percent ?? -1) ||
    a.name.localeCompare(b.name)
  );
}
