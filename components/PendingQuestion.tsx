import type { Translator } from '@/lib/i18n/translator';

interface PendingQuestionProps {
  i18n: Translator;
  lineName: string;
  figures: string;
  /** For newer figures of a line already counted: what it counts with meanwhile. */
  known?: string;
  onConfirm: () => void;
  onDiscard: () => void;
}

/**
 * The generic reader's figures count only once the user says they are right: a new line's first
 * ones, and newer ones for a line the user already counts on.
 */
export function PendingQuestion({ i18n, lineName, figures, known, onConfirm, onDiscard }: PendingQuestionProps) {
  return (
    <div class="pending" role="group" aria-label={i18n.t('pending_group', { line: lineName })}>
      <p>{known === undefined ? i18n.t('pending_question', { figures }) : i18n.t('pending_new_figures', { figures, known })}</p>
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
