import type { PageStatus } from '../messages/page-status';
import type { CheckOutcome } from './state';

/**
 * What a page's status (its content script's answer) means for a check, or null while there is no
 * verdict yet. "Read" counts only when the background stored or confirmed the line's figure from
 * that tab (see the runner): a page showing another line is not this line's update.
 */
export function verdictOf(status: PageStatus | null, readForLine: boolean, final: boolean): CheckOutcome | null {
  if (readForLine) return 'updated';
  if (!status) return final ? 'timed-out' : null;
  switch (status.state) {
    case 'logged-out':
      return 'sign-in';
    case 'rejected':
      return 'unreadable';
    // A single-page portal shows a bare shell ("loading…") before its figures: only the deadline
    // tells a page that is not a usage page from one that is still rendering.
    case 'not-usage-page':
    case 'read':
    case 'unchanged':
      // Figures of other lines only: this line's figure is not on that page.
      return final ? 'unreadable' : null;
    case 'layout-changed':
      return final ? 'unreadable' : null;
    case 'waiting':
      return final ? 'timed-out' : null;
  }
}
