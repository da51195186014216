import type { Translator } from '@/lib/i18n/translator';

interface PendingQuestionProps {
  i18n: Translator;
  lineName: string;
  figures: string;
  onConfirm: () => void;
  onDiscard: () => void;
}

/** The generic reader's first figures for a line are only counted once the user says they are right. */
export function PendingQuestion({ i18n, lineName, figures, onConfirm, onDiscard }: PendingQuestionProps) {
  return (
    <div class="pending" role="group" aria-label={i18n.t('pending_group', { line: lineName })}>
      <p>{i18n.t('pending_question', { figures })}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onConfirm}>
          {i18n.t('pending_yes')}
        </button>
        <button type="button" onClick={onDiscard}>
          {i18n.t('pending_no')}
        </button>
      </div>
    </div>
  );
}
