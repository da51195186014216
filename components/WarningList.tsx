import type { Translator } from '@/lib/i18n/translator';
import type { LineCardModel } from '@/lib/status/card';
import { describeCost, describeWarning } from '@/lib/wording/card';
import { nextSteps, type StepContext } from '@/lib/wording/steps';

interface WarningListProps {
  i18n: Translator;
  card: LineCardModel;
  now: number;
  /** What the next steps may point to (other lines, the carrier's page); without it, no steps. */
  steps?: Omit<StepContext, 'now'> | null;
}

/** A card's warnings: what happened, what it cost against the cap and the days left, and what to do. */
export function WarningList({ i18n, card, now, steps }: WarningListProps) {
  if (card.warnings.length === 0) return null;
  return (
    <ul class="warnings">
      {card.warnings.map((warning) => {
        const cost = describeCost(warning, card, now, i18n);
        const todo = steps ? nextSteps(card, warning, { ...steps, now }, i18n) : [];
        return (
          <li key={`${warning.kind}-${warning.start}`} class={`warning warning-${warning.kind}`}>
            <p class="warning-head">
              <span class="visually-hidden">{i18n.t('labelled', { label: i18n.t('warning_label'), value: '' })}</span>
              <span aria-hidden="true">⚠ </span>
              {describeWarning(warning, i18n, card.outlook)}
            </p>
            {cost && <p class="warning-cost">{cost}</p>}
            {todo.length > 0 && (
              <div class="steps">
                <span class="steps-label">{i18n.t('steps_label')}</span>
                <ul>
                  {todo.map((step) => (
                    <li key={step.text}>
                      {step.text}
                      {step.link && (
                        <>
                          {' '}
                          <a href={step.link.href} target="_blank" rel="noreferrer">
                            {step.link.label}
                          </a>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
