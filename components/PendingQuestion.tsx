interface PendingQuestionProps {
  lineName: string;
  figures: string;
  onConfirm: () => void;
  onDiscard: () => void;
}

/** The generic reader's first figures for a line are only counted once the user says they are right. */
export function PendingQuestion({ lineName, figures, onConfirm, onDiscard }: PendingQuestionProps) {
  return (
    <div class="pending" role="group" aria-label={`Confirm the figures for ${lineName}`}>
      <p>
        This page’s layout is new to us, so these figures were read by our general reader. Is <strong>{figures}</strong>{' '}
        what the page shows? They will not count until you confirm.
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={onConfirm}>
          Yes, that’s right
        </button>
        <button type="button" onClick={onDiscard}>
          No, discard
        </button>
      </div>
    </div>
  );
}
