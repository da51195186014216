import type { LineCheckState } from '@/lib/checks/line-state';
import { timeAgo } from '@/lib/format/time-ago';
import type { MessageKey, Translator } from '@/lib/i18n/translator';

const DONE_KEYS = {
  updated: 'check_state_updated',
  'sign-in': 'check_state_sign_in',
  unreadable: 'check_state_unreadable',
  'timed-out': 'check_state_timed_out',
  'skipped-manual': 'check_state_manual',
  'skipped-no-page': 'check_state_no_page',
  'skipped-sign-in': 'check_state_waiting_sign_in',
} as const satisfies Record<Extract<LineCheckState, { kind: 'done' }>['outcome'], MessageKey>;

/** One line of a card: where its check stands, and the page to sign in on when that is what it needs. */
export function CheckStatus({ i18n, state, now }: { i18n: Translator; state: LineCheckState; now: number }) {
  if (state.kind === 'checking') return <p class="check-status is-checking" role="status">{i18n.t('check_state_checking')}</p>;
  if (state.kind === 'queued') return <p class="check-status">{i18n.t('check_state_queued')}</p>;
  const needsVisit = state.outcome === 'sign-in' || state.outcome === 'skipped-sign-in';
  const problem = needsVisit || state.outcome === 'unreadable' || state.outcome === 'timed-out';
  return (
    <p class={`check-status${problem ? ' is-problem' : ''}`} data-outcome={state.outcome}>
      {i18n.t(DONE_KEYS[state.outcome], { ago: timeAgo(state.at, now, i18n.locale, i18n.t('just_now')) })}
      {needsVisit && state.url && (
        <>
          {' '}
          <a href={state.url} target="_blank" rel="noreferrer">
            {i18n.t('check_open_page')}
          </a>
        </>
      )}
    </p>
  );
}
