import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { Overview } from '@/components/Overview';
import { CARRIER_INFOS, carrierLabel } from '@/lib/carriers/lookup';
import { loadTranslator } from '@/lib/i18n/load';
import type { Translator } from '@/lib/i18n/translator';
import { activeTabStatus } from '@/lib/state/active-tab';
import { copyPageSample, sendUiAction } from '@/lib/state/popup-actions';
import { createPopupModel } from '@/lib/state/popup-model';

const model = createPopupModel(browser.storage.local, activeTabStatus);

function App({ i18n }: { i18n: Translator }) {
  const shown = model.cards.value !== null;
  useEffect(() => {
    // Marks when the numbers are on screen (just after the frame that paints them): the
    // benchmark's popup_ready figure reads it.
    if (shown) requestAnimationFrame(() => setTimeout(() => performance.mark('esim:lines-shown')));
  }, [shown]);
  return (
    <Overview
      i18n={i18n}
      cards={model.cards.value}
      tab={model.tab.value}
      now={model.now.value}
      error={model.error.value}
      carriers={CARRIER_INFOS}
      carrierLabel={carrierLabel}
      onCopySample={copyPageSample}
      onConfirm={(lineId) => void sendUiAction({ type: 'confirm-line', lineId })}
      onDiscard={(lineId) => void sendUiAction({ type: 'discard-line', lineId })}
    />
  );
}

// The language is known before the first render, so no string ever flashes in the wrong one.
void loadTranslator().then((i18n) => {
  document.documentElement.lang = i18n.locale;
  render(<App i18n={i18n} />, document.getElementById('app')!);
});
addEventListener('pagehide', () => model.dispose());
