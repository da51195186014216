import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { Overview } from '@/components/Overview';
import { CARRIER_INFOS, carrierLabel } from '@/lib/carriers/lookup';
import { activeTabStatus } from '@/lib/state/active-tab';
import { copyPageSample, sendUiAction } from '@/lib/state/popup-actions';
import { createPopupModel } from '@/lib/state/popup-model';

const model = createPopupModel(browser.storage.local, activeTabStatus);

function App() {
  const shown = model.cards.value !== null;
  useEffect(() => {
    // Marks when the numbers are on screen (just after the frame that paints them): the
    // benchmark's popup_ready figure reads it.
    if (shown) requestAnimationFrame(() => setTimeout(() => performance.mark('esim:lines-shown')));
  }, [shown]);
  return (
    <Overview
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

render(<App />, document.getElementById('app')!);
addEventListener('pagehide', () => model.dispose());
