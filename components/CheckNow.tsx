import type { CheckRound } from '@/lib/checks/state';
import { roundProgress } from '@/lib/checks/line-state';
import type { Translator } from '@/lib/i18n/translator';

interface CheckNowProps {
  i18n: Translator;
  round: CheckRound | null;
  onCheckNow: () => void;
}

/** "Check now": reads every line's carrier page again, in background tabs, with the user's own session. */
export function CheckNow({ i18n, round, onCheckNow }: CheckNowProps) {
  const running = round !== null && round.finishedAt === null;
  const progress = running ? roundProgress(round) : null;
  return (
    <>
      <button type="button" class="check-now" onClick={onCheckNow} disabled={running} title={i18n.t('check_now_hint')} aria-describedby="check-now-hint">
        {progress ? i18n.t('check_running', progress) : i18n.t('check_now')}
      </button>
      <span class="visually-hidden" id="check-now-hint">
        {i18n.t('check_now_hint')}
      </span>
    </>
  );
}
