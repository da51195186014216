import { useEffect, useRef } from 'preact/hooks';
import type { Translator } from '@/lib/i18n/translator';

/**
 * The heading of a view under the overview, with its way back. The heading takes the focus when
 * the view opens, so a screen reader announces where the user now is and Tab continues from there.
 */
export function ViewHeader({ i18n, title, onBack }: { i18n: Translator; title: string; onBack: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <header class="view-head">
      <button type="button" class="back" onClick={onBack} aria-label={i18n.t('back_label')}>
        <span aria-hidden="true">← </span>
        {i18n.t('back')}
      </button>
      <h2 class="view-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
    </header>
  );
}
